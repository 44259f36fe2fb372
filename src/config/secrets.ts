// Secrets are never rendered in full, logged, or put into errors.
import { SECRET_KEYS, type ConfigKey } from './keys.js';

/** `sk-test-master` → `sk-…ster`; short values are fully hidden. */
export function maskSecret(value: string | undefined): string {
  if (!value) return '(none)';
  const v = value.trim();
  if (v.length <= 8) return '…' + '•'.repeat(3);
  const dash = v.indexOf('-');
  const prefix = dash > 0 && dash <= 6 ? v.slice(0, dash + 1) : v.slice(0, 2);
  return `${prefix}…${v.slice(-4)}`;
}

/** `scheme://user:password@` (or `scheme://token@`) in any text: the userinfo of a URL. */
const URL_USERINFO = /\b([a-z][a-z\d+.-]*:\/\/)([^\s/?#:]*)(?::([^\s/?#]*))?@/gi;

/** `http://user:pass@host` → `http://user:•••@host`; `http://token@host` → `http://•••@host`. */
export function maskUrlCredentials(text: string): string {
  return text.replace(URL_USERINFO, (_m, scheme: string, user: string, pass: string | undefined) =>
    pass === undefined ? `${scheme}•••@` : `${scheme}${user}:•••@`,
  );
}

/** The password (or lone token) of a URL's userinfo, raw and decoded, for scrubbing elsewhere. */
export function urlCredentials(url: string | undefined): string[] {
  if (!url) return [];
  const out: string[] = [];
  for (const m of url.matchAll(URL_USERINFO)) {
    const secret = m[3] ?? m[2];
    if (!secret) continue;
    out.push(secret);
    try {
      out.push(decodeURIComponent(secret));
    } catch {
      // not valid percent-encoding: the raw form is scrubbed
    }
  }
  return [...new Set(out)];
}

/** A configuration value as shown to a person: secrets masked, credentials in an address masked. */
export function shownSetting(key: ConfigKey, value: string, reveal = false): string {
  if (reveal) return value;
  return SECRET_KEYS.has(key) ? maskSecret(value) : maskUrlCredentials(value);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern matching `secret` however a server may have echoed it: each character as itself, as
 * percent-encoding (`%2D`, `%2d`, or a whole key encoded), or as a JSON `\u002d` escape.
 */
function echoPattern(secret: string): RegExp {
  const parts = [...secret].map((ch) => {
    const bytes = [...Buffer.from(ch, 'utf8')];
    const pct = bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const cp = ch.codePointAt(0)!;
    const json = cp <= 0xffff ? `|\\\\u${cp.toString(16).padStart(4, '0')}` : '';
    return `(?:${escapeRe(ch)}|${pct}${json})`;
  });
  return new RegExp(parts.join(''), 'gi');
}

/** base64 (or base64url) runs long enough to hide a key, e.g. `Basic dXNlcjpzay0…`. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

/**
 * Replace every occurrence of any secret (and of Bearer/x-api-key header values) in text.
 * Servers echo keys back in error text (LiteLLM's "Malformed API Key ... Passed in: sk-..."),
 * sometimes percent-encoded or inside a base64 Basic credential; credentials in a URL are masked too.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = maskUrlCredentials(text);
  const keys = [...new Set(secrets.map((s) => s?.trim()).filter((v): v is string => !!v && v.length >= 4))];
  // Longest first: a key that contains another is masked whole.
  keys.sort((a, b) => b.length - a.length);
  for (const v of keys) {
    out = out.split(v).join(maskSecret(v));
    out = out.replace(echoPattern(v), maskSecret(v));
  }
  if (keys.length) {
    out = out.replace(BASE64_RUN, (run) => {
      const decoded = decodeBase64(run);
      return decoded && keys.some((k) => decoded.includes(k)) ? '•••' : run;
    });
  }
  // Anything that still looks like a credential after a "Passed in:" / Bearer / key= marker.
  out = out.replace(
    /(Passed in:\s*(?:bearer\s+|Bearer\s+)?|Bearer\s+|x-api-key:\s*|api[_-]?key["'=:\s]+)([A-Za-z0-9_\-.]{8,})/g,
    (_m, lead: string, key: string) => (key.includes('…') ? lead + key : lead + maskSecret(key)),
  );
  return out;
}

function decodeBase64(run: string): string | undefined {
  const text = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
  return text.length >= 4 ? text : undefined;
}
