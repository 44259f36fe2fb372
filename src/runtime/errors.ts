// Turns any failure into an AppError a user can act on. Pure: duck-types SDK errors (no SDK import,
// so the SDKs stay lazily loaded) and looks at, in order: abort/timeout class names, HTTP status,
// the network `cause.code`, then the body. It reports facts (errorFact.ts); src/words/errors.ts words them.
import type { AppError, ConfigProblem, ErrorKind } from './types.js';
import type { ErrorFact } from './errorFact.js';
import { maskSecret, scrubSecrets } from '../config/secrets.js';
import { nearestModels } from './nearest.js';
import { paramNamed } from './optionalParams.js';
import { stripControl } from '../render/sanitize.js';
import { BODY_TOO_LARGE } from './boundedFetch.js';
import { isKeyHelperError, type KeyHelperError } from './net/keyHelperError.js';
import { connectLimitOf } from './net/connectLimit.js';
import { kindOf } from './connections/index.js';
import { isBadPort, NETWORK_CODES, HTTP_TO_TLS, TIMEOUT_CODES, UNKNOWN_CA, TLS_CODE, Rec, isRec, findErrorCode, serverText, header, looksLikeHtml, retryAfterSeconds, budgetRefusal, MODEL_TEXT, oneLine, wholeText, brief, hostOf } from './errorFacts.js';

export interface ErrorContext {
  /** The address that was tried (base URL or full URL). */
  url?: string;
  mode?: string;
  credential?: string;
  credentialVar?: string;
  model?: string;
  /** Names the proxy serves, when known (for model errors). */
  servedModels?: readonly string[];
  /** Every secret that must not appear in the output. */
  secrets?: readonly (string | undefined)[];
  timeoutMs?: number;
  /** No key was read, and a .env line about one was skipped: the hint points at that line. */
  unreadKey?: ConfigProblem;
  /** On the command line (-p, doctor): hints name flags, not the chat's keys. */
  headless?: boolean;
  /** When the key's budget resets (from /key/info), for a budget refusal's hint. */
  budgetResetAt?: string;
  /** The variable naming a private CA file, when one is set (a TLS failure then points at it). */
  caVar?: string;
}

/** Process exit codes for headless commands, one per failure kind. Documented in README. */
export const EXIT = {
  ok: 0,
  other: 1,
  usage: 2,
  auth: 3,
  network: 4,
  model: 5,
  interrupted: 130,
} as const;

export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'auth':
      return EXIT.auth;
    case 'blocked':
    case 'unreachable':
    case 'timeout':
    case 'tls':
      return EXIT.network;
    case 'model':
      return EXIT.model;
    default:
      return EXIT.other;
  }
}

/**
 * An AppError of `kind` reporting `fact`, its strings cleaned of control characters and scrubbed of
 * secrets (server text, a model name or an address can be in them) before anyone words them.
 */
function failure(kind: ErrorKind, fact: ErrorFact, scrub: (s: string) => string = (s) => s, extra: Partial<AppError> = {}): AppError {
  const clean = (v: unknown): unknown => (typeof v === 'string' ? scrub(stripControl(v)) : Array.isArray(v) ? v.map(clean) : v);
  const f = Object.fromEntries(Object.entries(fact).map(([k, v]) => [k, k === 'id' ? v : clean(v)])) as ErrorFact;
  return { kind, ...extra, fact: f };
}

/** Classifies a failure. Returns undefined for a user abort (that is not an error). */
export function classifyError(err: unknown, ctx: ErrorContext = {}): AppError | undefined {
  const secrets = [ctx.credential, ...(ctx.secrets ?? [])];
  const scrub = (s: string) => scrubSecrets(s, secrets);
  const where = ctx.url ? scrub(ctx.url) : undefined;
  const host = hostOf(where);
  const make = (kind: ErrorKind, fact: ErrorFact, extra: Partial<AppError> = {}): AppError => failure(kind, fact, scrub, { ...(where ? { url: where } : {}), ...extra });

  if (isAbort(err)) return undefined;
  const e: Rec = isRec(err) ? err : { message: String(err) };
  const name = typeof e.name === 'string' ? e.name : '';
  const status = typeof e.status === 'number' ? e.status : undefined;

  // A 200 of the wrong kind (providers/common.ts): a web page, or an event stream that is not JSON.
  if (name === 'WrongAnswer' || name === 'NotJsonStream') {
    const start = oneLine(scrub(typeof e.start === 'string' ? e.start : '')).slice(0, 80);
    const contentType = oneLine(typeof e.contentType === 'string' ? e.contentType : '').slice(0, 60);
    const fact: ErrorFact = name === 'WrongAnswer' ? { id: 'notTheApiPage', host, contentType } : { id: 'notTheApiJson', host, start };
    return make('blocked', fact, name === 'WrongAnswer' && start ? { detail: start, status: 200 } : { status: 200 });
  }
  if (name === 'TimeoutError' || e.kind === 'timeout') return make('timeout', { id: 'timeout', host, timeoutMs: ctx.timeoutMs });

  if (status !== undefined) {
    const text = serverText(e);
    const detail = text ? wholeText(scrub(text)) || undefined : undefined;
    const withDetail = (x: Partial<AppError>) => (detail ? { ...x, detail, status } : { ...x, status });
    if (status === 403 && looksLikeHtml(e, text)) return make('blocked', { id: 'webPage', host, server: header(e, 'server') }, { status });
    if (status === 401 || status === 403) {
      const key = ctx.credential ? maskSecret(ctx.credential) : undefined;
      const server = kindOf(ctx.mode)?.server ?? 'proxy';
      const unread = key ? undefined : ctx.unreadKey;
      const fact: ErrorFact = { id: 'auth', server, status, key, keyVar: ctx.credentialVar, headless: ctx.headless, unread };
      return make('auth', fact, withDetail(key ? { maskedKey: key, keyVar: ctx.credentialVar } : {}));
    }
    if ((status === 400 || status === 404 || status === 422) && (MODEL_TEXT.test(text) || (status === 404 && ctx.model && text.includes(ctx.model)))) {
      const e = modelNotServed(ctx);
      return { ...e, ...withDetail({}) };
    }
    const budget = budgetRefusal(e, text);
    if (budget) {
      const fact: ErrorFact = { id: 'budget', host, spent: budget.spend, limit: budget.maxBudget, resetAt: ctx.budgetResetAt };
      return make('budget', fact, withDetail({ budget: { ...budget, ...(ctx.budgetResetAt ? { resetAt: ctx.budgetResetAt } : {}) } }));
    }
    if (status === 429) {
      const after = retryAfterSeconds(e);
      return make('rate_limit', { id: 'rateLimit', host, after }, withDetail(after !== undefined ? { retryAfterSec: after } : {}));
    }
    // A parameter the provider behind the model lacks (LiteLLM without drop_params): retrying cannot help.
    const param = paramNamed(text);
    const proxy = kindOf(ctx.mode)?.proxy ?? false;
    if (status >= 500) return make('server', { id: 'server', host, status, detail: brief(detail), param, proxy }, withDetail({}));
    if (looksLikeHtml(e, text) || (text && !isRec(e.error) && status !== 400)) return make('blocked', { id: 'notTheApi', host, status }, withDetail({}));
    return make('bad_request', { id: 'badRequest', status, detail: brief(detail), param, proxy }, withDetail({}));
  }

  if (isKeyHelperError(err)) return keyHelperError(err);
  const code = findErrorCode(err);
  // The server's answer was more than the client reads: its headers (undici's limit), or its body (boundedFetch).
  if (code === 'UND_ERR_HEADERS_OVERFLOW') return make('server', { id: 'headersTooLarge', host });
  if (code === BODY_TOO_LARGE) return make('server', { id: 'bodyTooLarge', host });
  if (code === 'ERR_CA_FILE') {
    // The SDKs wrap it ("Connection error."): the reason is on the cause that carries the code.
    let c: unknown = err;
    for (let i = 0; i < 5 && isRec(c) && c.code !== 'ERR_CA_FILE'; i++) c = c.cause;
    const found = isRec(c) ? c : {};
    const caVar = typeof found.caVar === 'string' ? found.caVar : 'OPENWORK_CA_FILE';
    const why = typeof found.reason === 'string' ? found.reason : 'error';
    return make('config', { id: 'caFile', caVar, code: why });
  }
  if (code && UNKNOWN_CA.has(code)) return make('tls', { id: 'tlsUnknownCa', host, code, caVar: ctx.caVar });
  if (code === HTTP_TO_TLS) return make('tls', { id: 'httpToTls', host });
  if (isBadPort(err)) return make('unreachable', { id: 'badPort', host });
  const connectMs = connectLimitOf(err);
  if (connectMs !== undefined) return make('unreachable', { id: 'connectLimit', where, ms: connectMs });
  if (code && TIMEOUT_CODES.has(code)) return make('timeout', { id: 'timedOut', host, code });
  if (code && TLS_CODE.test(code)) {
    const id = code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' ? 'tlsPlain' : 'tlsCert';
    return make('tls', { id, host, code });
  }
  if (code && NETWORK_CODES.has(code)) {
    const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    const why = code === 'ECONNREFUSED' ? 'refused' : dns ? 'dns' : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' ? 'dropped' : 'network';
    return make('unreachable', { id: 'unreachable', where, code, why, dns });
  }
  const raw = typeof e.message === 'string' ? e.message : String(err);
  return make('unknown', { id: 'unknown', text: oneLine(scrub(raw)) });
}

/**
 * The model is not one the proxy serves: the same fact whether the proxy refused a request
 * (classifyError) or a check saw the name missing from its model list (doctor).
 */
export function modelNotServed(ctx: ErrorContext): AppError {
  const secrets = [ctx.credential, ...(ctx.secrets ?? [])];
  const where = ctx.url ? scrubSecrets(ctx.url, secrets) : undefined;
  const served = ctx.model && ctx.servedModels?.length ? nearestModels(ctx.model, ctx.servedModels) : [...(ctx.servedModels ?? [])];
  const fact: ErrorFact = { id: 'model', host: hostOf(where), model: ctx.model, served, headless: ctx.headless };
  return failure('model', fact, (s) => scrubSecrets(s, secrets), { ...(where ? { url: where } : {}), ...(served.length ? { servedModels: served } : {}) });
}

export function isAbort(err: unknown): boolean {
  if (!isRec(err)) return false;
  return err.name === 'AbortError' || err.kind === 'abort';
}

/** The error for a stream that ended before the reply was complete. */
export const streamCutError = (host: string | undefined): AppError => failure('stream_cut', { id: 'streamCut', host });

/** ANTHROPIC_BASE_URL is set but unusable: nothing is sent (see ConfigSnapshot.unusableBaseUrl). */
export const unusableAddressError = (problem: ConfigProblem): AppError => failure('config', { id: 'unusableAddress', problem });

/** OPENWORK_API_KEY_HELPER failed: the card names the command, never its output. */
export function keyHelperError(err: KeyHelperError): AppError {
  // eslint-disable-next-line no-control-regex
  const clean = err.command.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  const command = clean.length > 80 ? clean.slice(0, 79) + '…' : clean;
  return failure('config', { id: 'keyHelper', command, why: err.reason, code: String(err.code ?? '') });
}

/** Anthropic directly, and no key: nothing is sent. */
export const noKeyError = (unreadKey?: ConfigProblem): AppError => failure('auth', { id: 'noKey', unread: unreadKey });

/** A reply that stopped arriving part-way (the idle timer ran out after some text). */
export const stalledError = (host: string | undefined, timeoutMs: number): AppError => failure('timeout', { id: 'stalled', host, timeoutMs });

/** A failure with no more to say than "unexpected" (and the log). */
export const unexpectedError = (): AppError => failure('unknown', { id: 'unexpected' });

/** The refusal for an image sent to a model that does not take images (kind 'model': exit code 5). */
export const noImagesError = (model: string, viaProxy: boolean): AppError => failure('model', { id: 'noImages', model, viaProxy });
