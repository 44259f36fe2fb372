// Turns any failure into an AppError a user can act on. Pure: duck-types SDK errors (no SDK import,
// so the SDKs stay lazily loaded) and looks at, in order: abort/timeout class names, HTTP status,
// the network `cause.code`, then the body.
import type { AppError, ConfigProblem, ErrorKind } from './types.js';
import { maskSecret, scrubSecrets } from '../config/secrets.js';
import { nearestModels } from './nearest.js';
import { paramNamed } from './optionalParams.js';
import { safeLine, stripControl } from '../render/sanitize.js';
import { BODY_TOO_LARGE } from './boundedFetch.js';
import { isKeyHelperError, type KeyHelperError } from './net/keyHelperError.js';
import { connectLimitOf } from './net/connectLimit.js';
import { formatUsd } from './usage/ledger.js';
import { kindOf } from './connections/index.js';
import { NETWORK_CODES, HTTP_TO_TLS, TIMEOUT_CODES, UNKNOWN_CA, TLS_CODE, Rec, isRec, findErrorCode, serverText, header, looksLikeHtml, retryAfterSeconds, budgetRefusal, MODEL_TEXT, oneLine, wholeText, brief, hostOf } from './errorFacts.js';
import { en, type Messages } from '../i18n/en.js';

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
  /** The catalog for message and hint (English when not given). */
  messages?: Messages;
  /** On the command line (-p, doctor): hints name flags, not the chat's keys. */
  headless?: boolean;
  /** When the key's budget resets (from /key/info), for a budget refusal's hint. */
  budgetResetAt?: string;
  /** The variable naming a private CA file, when one is set (a TLS failure then points at it). */
  caVar?: string;
}

/** The hint for a key that was not read because its .env line is malformed. */
function unreadKeyHint(problem: ConfigProblem, m: Messages): string {
  return m.errors.unreadKey({ line: problem.line, key: problem.key ?? 'ANTHROPIC_API_KEY', problem: problem.say?.(m) ?? problem.message });
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

type Said = { message: string; hint: string };

/** An AppError worded in `m`, that the UI can word again in another language (`say`). */
function errorText(kind: ErrorKind, m: Messages, text: (m: Messages) => Said, scrub: (s: string) => string, extra: Partial<AppError> = {}): AppError {
  const say = (mm: Messages): Said => {
    const t = text(mm);
    // Server text (a model name, a status line) can be in either: cleaned, then scrubbed.
    return { message: scrub(stripControl(t.message)), hint: scrub(stripControl(t.hint)) };
  };
  return { kind, ...say(m), ...extra, say };
}

/** Classifies a failure. Returns undefined for a user abort (that is not an error). */
export function classifyError(err: unknown, ctx: ErrorContext = {}): AppError | undefined {
  const secrets = [ctx.credential, ...(ctx.secrets ?? [])];
  const scrub = (s: string) => scrubSecrets(s, secrets);
  const where = ctx.url ? scrub(ctx.url) : undefined;
  const hostName = hostOf(where);
  const host = (m: Messages): string => hostName ?? m.errors.theServer;
  const make = (kind: ErrorKind, text: (m: Messages) => Said, extra: Partial<AppError> = {}): AppError =>
    errorText(kind, ctx.messages ?? en, text, scrub, { ...(where ? { url: where } : {}), ...extra });

  if (isAbort(err)) return undefined;
  const e: Rec = isRec(err) ? err : { message: String(err) };
  const name = typeof e.name === 'string' ? e.name : '';
  const status = typeof e.status === 'number' ? e.status : undefined;

  // A 200 of the wrong kind (providers/common.ts): a web page, or an event stream that is not JSON.
  if (name === 'WrongAnswer' || name === 'NotJsonStream') {
    const start = oneLine(scrub(typeof e.start === 'string' ? e.start : '')).slice(0, 80);
    const contentType = oneLine(typeof e.contentType === 'string' ? e.contentType : '').slice(0, 60);
    const said = (m: Messages): string =>
      name === 'WrongAnswer' ? m.errors.notTheApi.page({ host: host(m), contentType }) : m.errors.notTheApi.notJson({ host: host(m), start: JSON.stringify(start) });
    return make('blocked', (m) => ({ message: said(m), hint: m.errors.notTheApi.hint }), name === 'WrongAnswer' && start ? { detail: start, status: 200 } : { status: 200 });
  }
  if (name === 'TimeoutError' || e.kind === 'timeout') {
    return make('timeout', (m) => ({ message: m.errors.timeout.message({ host: host(m), timeoutMs: ctx.timeoutMs }), hint: m.errors.timeout.hint }));
  }

  if (status !== undefined) {
    const text = serverText(e);
    const detail = text ? wholeText(scrub(text)) || undefined : undefined;
    const withDetail = (x: Partial<AppError>) => (detail ? { ...x, detail, status } : { ...x, status });
    if (status === 403 && looksLikeHtml(e, text)) {
      const server = header(e, 'server');
      return make('blocked', (m) => ({ message: m.errors.webPage.message({ host: host(m), server }), hint: m.errors.webPage.hint }), { status });
    }
    if (status === 401 || status === 403) {
      const key = ctx.credential ? maskSecret(ctx.credential) : undefined;
      const server = kindOf(ctx.mode)?.server ?? 'proxy';
      const p = { server, status, key, keyVar: ctx.credentialVar, headless: ctx.headless };
      const unread = key ? undefined : ctx.unreadKey;
      return make('auth', (m) => ({ message: m.errors.auth.message(p), hint: unread ? unreadKeyHint(unread, m) : m.errors.auth.hint(p) }), withDetail(key ? { maskedKey: key, keyVar: ctx.credentialVar } : {}));
    }
    if ((status === 400 || status === 404 || status === 422) && (MODEL_TEXT.test(text) || (status === 404 && ctx.model && text.includes(ctx.model)))) {
      const e = modelNotServed(ctx);
      return { ...e, ...withDetail({}) };
    }
    const budget = budgetRefusal(e, text);
    if (budget) {
      const fmt = (v: number | undefined) => (v === undefined ? undefined : formatUsd(v));
      return make(
        'budget',
        (m) => ({ message: m.errors.budget.message({ host: host(m), spent: fmt(budget.spend), limit: fmt(budget.maxBudget) }), hint: m.errors.budget.hint({ resetAt: ctx.budgetResetAt }) }),
        withDetail({ budget: { ...budget, ...(ctx.budgetResetAt ? { resetAt: ctx.budgetResetAt } : {}) } }),
      );
    }
    if (status === 429) {
      const after = retryAfterSeconds(e);
      return make(
        'rate_limit',
        (m) => ({ message: m.errors.rateLimit.message({ host: host(m), after }), hint: m.errors.rateLimit.hint }),
        withDetail(after !== undefined ? { retryAfterSec: after } : {}),
      );
    }
    // A parameter the provider behind the model lacks (LiteLLM without drop_params): retrying cannot help.
    const param = paramNamed(text);
    const paramHint = (m: Messages): string => m.errors.unsupportedParam.hint({ param, proxy: kindOf(ctx.mode)?.proxy ?? false });
    if (status >= 500) {
      return make('server', (m) => ({ message: m.errors.server.message({ host: host(m), status, detail: brief(detail) }), hint: param !== undefined ? paramHint(m) : m.errors.server.hint }), withDetail({}));
    }
    if (looksLikeHtml(e, text) || (text && !isRec(e.error) && status !== 400)) {
      return make('blocked', (m) => ({ message: m.errors.notTheApi.message({ host: host(m), status }), hint: m.errors.notTheApi.hint }), withDetail({}));
    }
    return make('bad_request', (m) => ({ message: m.errors.badRequest.message({ status, detail: brief(detail) }), hint: param !== undefined ? paramHint(m) : m.errors.badRequest.hint }), withDetail({}));
  }

  if (isKeyHelperError(err)) return keyHelperError(err, ctx.messages ?? en);
  const code = findErrorCode(err);
  // The server's answer was more than the client reads: its headers (undici's limit), or its body (boundedFetch).
  if (code === 'UND_ERR_HEADERS_OVERFLOW') {
    return make('server', (m) => ({ message: m.errors.headersTooLarge.message({ host: host(m) }), hint: m.errors.headersTooLarge.hint }));
  }
  if (code === BODY_TOO_LARGE) {
    return make('server', (m) => ({ message: m.errors.bodyTooLarge.message({ host: host(m) }), hint: m.errors.bodyTooLarge.hint }));
  }
  if (code === 'ERR_CA_FILE') {
    // The SDKs wrap it ("Connection error."): the reason is on the cause that carries the code.
    let c: unknown = err;
    for (let i = 0; i < 5 && isRec(c) && c.code !== 'ERR_CA_FILE'; i++) c = c.cause;
    const found = isRec(c) ? c : {};
    const caVar = typeof found.caVar === 'string' ? found.caVar : 'OPENWORK_CA_FILE';
    const why = typeof found.reason === 'string' ? found.reason : 'error';
    return make('config', (m) => ({ message: m.errors.caFile.message({ caVar, code: why }), hint: m.errors.caFile.hint({ caVar }) }));
  }
  if (code && UNKNOWN_CA.has(code)) {
    const caVar = ctx.caVar;
    return make('tls', (m) => ({ message: m.errors.tlsUnknownCa.message({ host: host(m), code }), hint: caVar ? m.errors.tlsCaFileSet.hint({ caVar }) : m.errors.tlsUnknownCa.hint }));
  }
  if (code === HTTP_TO_TLS) {
    return make('tls', (m) => ({ message: m.errors.httpToTls.message({ host: host(m) }), hint: m.errors.httpToTls.hint }));
  }
  const connectMs = connectLimitOf(err);
  if (connectMs !== undefined) {
    return make('unreachable', (m) => ({ message: m.errors.connectLimit.message({ where: where ?? host(m), ms: connectMs }), hint: m.errors.connectLimit.hint }));
  }
  if (code && TIMEOUT_CODES.has(code)) {
    return make('timeout', (m) => ({ message: m.errors.timedOut.message({ host: host(m), code }), hint: m.errors.timedOut.hint }));
  }
  if (code && TLS_CODE.test(code)) {
    const t = code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO' ? 'tlsPlain' : 'tlsCert';
    return make('tls', (m) => ({ message: m.errors[t].message({ host: host(m), code }), hint: m.errors[t].hint }));
  }
  if (code && NETWORK_CODES.has(code)) {
    const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    const why = code === 'ECONNREFUSED' ? 'refused' : dns ? 'dns' : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' ? 'dropped' : 'network';
    return make('unreachable', (m) => ({ message: m.errors.unreachable.message({ where: where ?? host(m), code, why }), hint: m.errors.unreachable.hint({ dns }) }));
  }
  const raw = typeof e.message === 'string' ? e.message : String(err);
  const said = oneLine(scrub(raw));
  return make('unknown', (m) => ({ message: m.errors.unknown.message({ text: said }), hint: m.errors.unknown.hint }));
}

/**
 * The model is not one the proxy serves: the same text whether the proxy refused a request
 * (classifyError) or a check saw the name missing from its model list (doctor).
 */
export function modelNotServed(ctx: ErrorContext): AppError {
  const secrets = [ctx.credential, ...(ctx.secrets ?? [])];
  const where = ctx.url ? scrubSecrets(ctx.url, secrets) : undefined;
  const served = ctx.model && ctx.servedModels?.length ? nearestModels(ctx.model, ctx.servedModels) : [...(ctx.servedModels ?? [])];
  const hostName = hostOf(where);
  const p = { model: ctx.model, served, headless: ctx.headless };
  return errorText(
    'model',
    ctx.messages ?? en,
    (m) => ({ message: m.errors.model.message({ ...p, host: hostName ?? m.errors.theServer }), hint: m.errors.model.hint(p) }),
    (s) => scrubSecrets(s, secrets),
    { ...(where ? { url: where } : {}), ...(served.length ? { servedModels: served } : {}) },
  );
}

export function isAbort(err: unknown): boolean {
  if (!isRec(err)) return false;
  return err.name === 'AbortError' || err.kind === 'abort';
}

/** The error for a stream that ended before the reply was complete. */
export function streamCutError(host: string | undefined, m: Messages = en): AppError {
  return errorText('stream_cut', m, (mm) => ({ message: mm.errors.streamCut.message({ host }), hint: mm.errors.streamCut.hint }), (s) => s);
}

/** ANTHROPIC_BASE_URL is set but unusable: nothing is sent (see ConfigSnapshot.unusableBaseUrl). */
export function unusableAddressError(problem: ConfigProblem, m: Messages = en): AppError {
  return errorText(
    'config',
    m,
    (mm) => ({ message: mm.errors.unusableAddress.message({ line: problem.line, problem: problem.say?.(mm) ?? problem.message }), hint: mm.errors.unusableAddress.hint }),
    (s) => s,
  );
}

/** OPENWORK_API_KEY_HELPER failed: the card names the command, never its output. */
export function keyHelperError(err: KeyHelperError, m: Messages = en): AppError {
  // eslint-disable-next-line no-control-regex
  const clean = err.command.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  const command = clean.length > 80 ? clean.slice(0, 79) + '…' : clean;
  const code = String(err.code ?? '');
  return errorText('config', m, (mm) => ({ message: mm.errors.keyHelper.message({ command, why: err.reason, code }), hint: mm.errors.keyHelper.hint }), (s) => s);
}

/** Anthropic directly, and no key: nothing is sent. */
export function noKeyError(m: Messages = en, unreadKey?: ConfigProblem): AppError {
  return errorText('auth', m, (mm) => ({ message: mm.errors.noKey.message, hint: unreadKey ? unreadKeyHint(unreadKey, mm) : mm.errors.noKey.hint }), (s) => s);
}

/** A reply that stopped arriving part-way (the idle timer ran out after some text). */
export function stalledError(host: string | undefined, timeoutMs: number, m: Messages = en): AppError {
  return errorText('timeout', m, (mm) => ({ message: mm.errors.stalled.message({ host, timeoutMs }), hint: mm.errors.stalled.hint }), (s) => s);
}

/** A failure with no more to say than "unexpected" (and the log). */
export function unexpectedError(m: Messages = en): AppError {
  return errorText('unknown', m, (mm) => ({ message: mm.errors.unexpected.message, hint: mm.errors.unexpected.hint }), (s) => s);
}
