// How each connection setting is read and normalised: base URLs, the proxy format, the timeout, and
// .env text as dotenv reads it. The runtime resolves with these, and the settings screen and
// `openwork-tui config` check typed values with them, so what one accepts the other does too.
import { parse } from 'dotenv';
import type { ProxyFormat } from './keys.js';
import type { Say } from '../i18n/en.js';
import { said } from '../i18n/said.js';
import { maskUrlCredentials } from './secrets.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
/** How long a TCP connect may take: undici's own connect timeout, which Node's fetch uses. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Node's timers fire at once for a delay above 2^31-1 ms (~24.8 days): every request would time out in no time. */
export const MAX_TIMEOUT_MS = 2_147_483_647;
const ANTHROPIC_HOSTS = new Set(['api.anthropic.com']);

export type UrlCheck = { ok: true; url: string; note?: string; noteSay?: Say } | { ok: false; message: string; say: Say };

/** A base URL must be http(s) with a host and no user:password; a trailing "/" or "/v1" is dropped (with a note). */
export function normalizeBaseUrl(raw: string): UrlCheck {
  const value = raw.trim().replace(/^["']|["']$/g, '');
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    const shown = maskUrlCredentials(value);
    return { ok: false, ...said((m) => m.problems.notUrl({ value: shown })) };
  }
  // fetch() refuses a URL with credentials, and normalising them away would drop them silently.
  if (u.username || u.password) {
    const shown = maskUrlCredentials(value);
    return { ok: false, ...said((m) => m.problems.urlCredentials({ value: shown })) };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    const protocol = u.protocol;
    return { ok: false, ...said((m) => m.problems.scheme({ protocol })) };
  }
  if (!u.hostname) return { ok: false, ...said((m) => m.problems.noHost) };
  if (u.search || u.hash) return { ok: false, ...said((m) => m.problems.queryOrHash) };
  let path = u.pathname.replace(/\/+$/, '');
  let note: Say | undefined;
  if (/\/v1$/i.test(path)) {
    path = path.slice(0, -3);
    note = (m) => m.problems.droppedV1;
  } else if (u.pathname.length > 1 && u.pathname.endsWith('/')) {
    note = (m) => m.problems.droppedSlash;
  }
  const url = `${u.protocol}//${u.host}${path}`;
  if (!note) return { ok: true, url };
  const n = said(note);
  return { ok: true, url, note: n.message, noteSay: n.say };
}

export function isAnthropicDirect(url: string): boolean {
  try {
    return ANTHROPIC_HOSTS.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

export function parseProxyFormat(raw: string | undefined): ProxyFormat | undefined {
  const v = (raw ?? 'auto').trim().toLowerCase();
  return v === 'auto' || v === 'openai' || v === 'anthropic' ? v : undefined;
}

export function parseTimeout(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === '') return DEFAULT_TIMEOUT_MS;
  const v = raw.trim();
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n > 0 && n <= MAX_TIMEOUT_MS ? n : undefined;
}

/** dotenv's parser, tolerant of a UTF-8 byte-order mark. */
export function parseEnvText(text: string): Record<string, string> {
  return parse(text.replace(/^\uFEFF/, ''));
}
