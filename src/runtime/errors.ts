// Turns any failure into an AppError a user can act on. Pure: duck-types SDK errors (no SDK import,
// so the SDKs stay lazily loaded) and looks at, in order: abort/timeout class names, HTTP status,
// the network `cause.code`, then the body.
import type { AppError, ErrorKind } from './types.js';
import { maskSecret, scrubSecrets } from './secrets.js';
import { nearestModels } from './nearest.js';

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

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
]);
/**
 * Our own code (not Node's) for a plain-HTTP request to a port that speaks TLS: the request fails
 * oddly (the server closes or answers garbage) and a TLS handshake on the same port succeeds.
 */
export const HTTP_TO_TLS = 'ERR_HTTP_TO_TLS_PORT';
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|EPROTO$)/;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;

/** Walks err.cause chains (and AggregateError.errors) for a network error code. */
export function findErrorCode(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  const stack: unknown[] = [err];
  while (stack.length) {
    const e = stack.pop();
    if (!isRec(e) || seen.has(e)) continue;
    seen.add(e);
    if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return e.code;
    if (e.cause) stack.push(e.cause);
    if (Array.isArray(e.errors)) stack.push(...e.errors);
  }
  return undefined;
}

/** The server's own error text: body.error.message (string or LiteLLM's object), body.message, or the raw text. */
function serverText(err: Rec): string {
  const body = err.error;
  const pick = (v: unknown): string | undefined => {
    if (typeof v === 'string') return v;
    if (isRec(v)) {
      if (typeof v.error === 'string') return v.error;
      if (v.message !== undefined) return pick(v.message);
      if (isRec(v.error)) return pick(v.error);
      return JSON.stringify(v);
    }
    return undefined;
  };
  return pick(body) ?? (typeof err.message === 'string' ? err.message : '');
}

function header(err: Rec, name: string): string | undefined {
  const h = err.headers;
  if (h && typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  if (isRec(h)) {
    const v = h[name];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

function looksLikeHtml(err: Rec, text: string): boolean {
  const ct = header(err, 'content-type') ?? '';
  if (/text\/html/i.test(ct)) return true;
  return /<\s*(!doctype|html|head|body)\b/i.test(text);
}

function retryAfterSeconds(err: Rec): number | undefined {
  for (const name of ['retry-after', 'x-ratelimit-reset-requests', 'x-ratelimit-reset-tokens', 'anthropic-ratelimit-requests-reset']) {
    const v = header(err, name);
    if (!v) continue;
    const secs = Number.parseFloat(v);
    if (Number.isFinite(secs) && /^\d+(\.\d+)?s?$/.test(v.trim())) return Math.ceil(secs);
    const at = Date.parse(v);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }
  return undefined;
}

const MODEL_TEXT = /invalid model|model[^.]{0,60}(not found|does not exist|not supported|not available|unknown)|unknown model|no such model|not_found_error.*model|^model:/i;

function oneLine(text: string, max = 200): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

function hostOf(url: string | undefined): string {
  if (!url) return 'the server';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Classifies a failure. Returns undefined for a user abort (that is not an error). */
export function classifyError(err: unknown, ctx: ErrorContext = {}): AppError | undefined {
  const secrets = [ctx.credential, ...(ctx.secrets ?? [])];
  const scrub = (s: string) => scrubSecrets(s, secrets);
  const where = ctx.url ? scrub(ctx.url) : undefined;
  const host = hostOf(where);
  const make = (kind: ErrorKind, message: string, hint: string, extra: Partial<AppError> = {}): AppError => ({
    kind,
    message: scrub(message),
    hint: scrub(hint),
    ...(where ? { url: where } : {}),
    ...extra,
  });

  if (isAbort(err)) return undefined;
  const e: Rec = isRec(err) ? err : { message: String(err) };
  const name = typeof e.name === 'string' ? e.name : '';
  const status = typeof e.status === 'number' ? e.status : undefined;

  if (name === 'TimeoutError' || e.kind === 'timeout') {
    const secs = ctx.timeoutMs ? ` within ${ctx.timeoutMs < 10_000 ? `${ctx.timeoutMs} ms` : `${Math.round(ctx.timeoutMs / 1000)} s`}` : '';
    return make('timeout', `No answer from ${host}${secs} (connection timeout).`, 'Check the address and that the proxy is running and reachable from this machine; raise OPENWORK_TIMEOUT_MS for slow models.');
  }

  if (status !== undefined) {
    const text = serverText(e);
    const detail = text ? oneLine(scrub(text)) : undefined;
    const withDetail = (x: Partial<AppError>) => (detail ? { ...x, detail, status } : { ...x, status });
    if (status === 403 && looksLikeHtml(e, text)) {
      const server = header(e, 'server');
      return make(
        'blocked',
        `${host} answered with a web page (403${server ? `, server: ${server}` : ''}), not the proxy.`,
        'Something in front of the proxy (a web server, firewall or VPN gateway) refused the request: check the address and port, or ask who runs that server.',
        { status },
      );
    }
    if (status === 401 || status === 403) {
      const key = ctx.credential ? maskSecret(ctx.credential) : undefined;
      const sent = key ? `The key sent was ${key} (from ${ctx.credentialVar ?? 'the config'}).` : 'No key was sent.';
      return make(
        'auth',
        `The ${ctx.mode === 'anthropic' ? 'Anthropic API' : 'proxy'} refused the key (${status}${status === 401 ? ' Unauthorized' : ' Forbidden'}). ${sent}`,
        key
          ? `Check ${ctx.credentialVar ?? 'ANTHROPIC_API_KEY'} in your .env (open settings with Ctrl+S or run "openwork-tui config set ANTHROPIC_API_KEY …").`
          : 'Set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) in your .env: open settings with Ctrl+S.',
        withDetail(key ? { maskedKey: key, keyVar: ctx.credentialVar } : {}),
      );
    }
    if ((status === 400 || status === 404 || status === 422) && (MODEL_TEXT.test(text) || (status === 404 && ctx.model && text.includes(ctx.model)))) {
      const e = modelNotServed(ctx);
      return { ...e, ...withDetail({}) };
    }
    if (status === 429) {
      const after = retryAfterSeconds(e);
      return make(
        'rate_limit',
        `Rate limited by ${host} (429)${after !== undefined ? `: try again in ${after} s` : ''}.`,
        'Wait and retry, or use another model or key with a higher limit.',
        withDetail(after !== undefined ? { retryAfterSec: after } : {}),
      );
    }
    if (status >= 500) {
      return make('server', `${host} failed with ${status}${detail ? `: ${detail}` : ''}.`, 'The proxy or the model provider behind it had an error: retry, and check the proxy\'s logs if it persists.', withDetail({}));
    }
    if (looksLikeHtml(e, text) || (text && !isRec(e.error) && status !== 400)) {
      return make('blocked', `${host} answered ${status} with something that is not the proxy's API.`, 'Check the address: it may point at a web server instead of the proxy (is the port right?).', withDetail({}));
    }
    return make('bad_request', `The request was refused (${status})${detail ? `: ${detail}` : ''}.`, 'Check the model and settings; run "openwork-tui doctor" for a full check.', withDetail({}));
  }

  const code = findErrorCode(err);
  if (code === HTTP_TO_TLS) {
    return make('tls', `${host} speaks HTTPS (TLS), but the address starts with http://.`, 'Use https:// instead of http:// in ANTHROPIC_BASE_URL.');
  }
  if (code && TIMEOUT_CODES.has(code)) {
    return make('timeout', `Connection to ${host} timed out (${code}).`, 'Check the address and your network, and that the proxy is running.');
  }
  if (code && TLS_CODE.test(code)) {
    const plain = code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO';
    return make(
      'tls',
      plain ? `TLS handshake with ${host} failed: the port probably speaks plain HTTP (${code}).` : `The TLS certificate of ${host} was rejected (${code}).`,
      plain
        ? 'Use http:// instead of https:// in ANTHROPIC_BASE_URL.'
        : 'If the proxy uses a private certificate authority, point NODE_EXTRA_CA_CERTS at its certificate; or check http vs https.',
    );
  }
  if (code && NETWORK_CODES.has(code)) {
    const why =
      code === 'ECONNREFUSED'
        ? 'connection refused'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
          ? 'host name not found'
          : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
            ? 'connection dropped'
            : 'network unreachable';
    const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    return make(
      'unreachable',
      `Cannot reach ${where ?? host} (${why}, ${code}).`,
      dns
        ? `Check the host name in ANTHROPIC_BASE_URL for typos; an internal name may need your VPN or company DNS (or use the IP address).`
        : 'Check the address and port in ANTHROPIC_BASE_URL, http vs https, and that the proxy is running.',
    );
  }
  const raw = typeof e.message === 'string' ? e.message : String(err);
  return make('unknown', oneLine(scrub(raw)) || 'Unexpected error.', 'Run "openwork-tui doctor" to check the connection; details are in the log.');
}

/**
 * The model is not one the proxy serves: the same text whether the proxy refused a request
 * (classifyError) or a check saw the name missing from its model list (doctor).
 */
export function modelNotServed(ctx: ErrorContext): AppError {
  const secrets = [ctx.credential, ...(ctx.secrets ?? [])];
  const where = ctx.url ? scrubSecrets(ctx.url, secrets) : undefined;
  const served = ctx.model && ctx.servedModels?.length ? nearestModels(ctx.model, ctx.servedModels) : [...(ctx.servedModels ?? [])];
  const list = served.length ? ` It serves: ${served.slice(0, 6).join(', ')}${served.length > 6 ? ', …' : ''}.` : '';
  const hint = served.length
    ? `Pick a served model (Ctrl+P or --model ${served[0]}), or add "${ctx.model}" to the proxy's litellm_config.yaml.`
    : 'Pick another model (Ctrl+P), or add it to model_list in the proxy\'s litellm_config.yaml.';
  return {
    kind: 'model',
    message: scrubSecrets(`The model "${ctx.model ?? '?'}" is not supported by ${hostOf(where)}: it is not a model_name in the proxy's config.${list}`, secrets),
    hint: scrubSecrets(hint, secrets),
    ...(where ? { url: where } : {}),
    ...(served.length ? { servedModels: served } : {}),
  };
}

export function isAbort(err: unknown): boolean {
  if (!isRec(err)) return false;
  return err.name === 'AbortError' || err.kind === 'abort';
}

/** The error for a stream that ended before the reply was complete. */
export function streamCutError(host: string | undefined): AppError {
  return {
    kind: 'stream_cut',
    message: `The reply from ${host ?? 'the server'} was cut off before it finished.`,
    hint: 'The partial reply is kept. Retry; if it keeps happening, check the proxy\'s logs and any timeout in front of it.',
  };
}
