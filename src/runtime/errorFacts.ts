// What a failure says about itself, read without the SDKs (duck-typed): a network error code down
// its cause chain, the HTTP status's text from the server, headers, and helpers to keep that text
// short and whole. errors.ts words the result for the user.
import { safeLine, stripControl } from '../render/sanitize.js';
export const NETWORK_CODES = new Set([
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
/** A certificate nobody this process trusts vouches for: a private CA, or a self-signed certificate. */
export const UNKNOWN_CA = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);
export const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);
export const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|EPROTO$)/;

export type Rec = Record<string, unknown>;
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;

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

/** Node's fetch refused the address's port before connecting (the Fetch standard's port blocklist): its cause says "bad port", with no code. */
export function isBadPort(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 5 && isRec(e); i++, e = e.cause) if (e.message === 'bad port') return true;
  return false;
}

/** The server's own error text: body.error.message (string or LiteLLM's object), body.message, or the raw text. */
export function serverText(err: Rec): string {
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

export function header(err: Rec, name: string): string | undefined {
  const h = err.headers;
  if (h && typeof (h as Headers).get === 'function') return (h as Headers).get(name) ?? undefined;
  if (isRec(h)) {
    const v = h[name];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

export function looksLikeHtml(err: Rec, text: string): boolean {
  const ct = header(err, 'content-type') ?? '';
  if (/text\/html/i.test(ct)) return true;
  return /<\s*(!doctype|html|head|body)\b/i.test(text);
}

export function retryAfterSeconds(err: Rec): number | undefined {
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

/**
 * LiteLLM's budget refusal (documented: type "budget_exceeded"; "Budget has been exceeded! Current
 * cost: X, Max budget: Y" for a key, "ExceededBudget: … Spend=X, Budget=Y" for a user or team).
 */
export function budgetRefusal(e: Rec, text: string): { spend?: number; maxBudget?: number } | undefined {
  const body = isRec(e.error) ? e.error : undefined;
  const inner = body && isRec(body.error) ? body.error : body;
  const typed = inner?.type === 'budget_exceeded' || e.type === 'budget_exceeded';
  if (!typed && !/Budget has been exceeded|ExceededBudget|over budget/i.test(text)) return undefined;
  const num = (re: RegExp) => {
    const v = re.exec(text)?.[1];
    return v !== undefined && Number.isFinite(Number(v)) ? Number(v) : undefined;
  };
  const spend = num(/(?:Current cost|Spend)\s*[:=]\s*([0-9.eE+-]+)/);
  const maxBudget = num(/(?:Max budget|Budget)\s*[:=]\s*([0-9.eE+-]+)/);
  return { ...(spend !== undefined ? { spend } : {}), ...(maxBudget !== undefined ? { maxBudget } : {}) };
}

export const MODEL_TEXT = /invalid model|model[^.]{0,60}(not found|does not exist|not supported|not available|unknown)|unknown model|no such model|not_found_error.*model|^model:/i;

export function oneLine(text: string, max = 200): string {
  const t = safeLine(text).replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/** A bound for memory and screens only: a proxy's message (LiteLLM's run to ~500 characters) is never cut before its advice. */
const DETAIL_MAX = 4000;

/**
 * The server's own message, whole: its line breaks kept (LiteLLM puts its fix on lines of their own),
 * spaces within a line and blank lines collapsed, control characters removed. The views wrap it.
 */
export function wholeText(text: string): string {
  const t = stripControl(text)
    .split('\n')
    .map((l) => l.replace(/[ \t\f\v]+/g, ' ').trimEnd())
    .filter((l) => l.trim())
    .join('\n')
    .trim();
  return t.length > DETAIL_MAX ? t.slice(0, DETAIL_MAX - 1) + '…' : t;
}

/** Short enough to say in the message's own line as well (else it is shown only as "server said"). */
export const brief = (detail: string | undefined): string | undefined => (detail && detail.length <= 120 && !detail.includes('\n') ? detail : undefined);

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
