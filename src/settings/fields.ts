// The connection settings a user can edit (settings screen and `openwork-tui config`), and the one
// validator both use. Pure: no file access, no UI. URL, format and timeout rules are the runtime's
// own (runtime/config.ts), so what passes here is what the runtime accepts.
import { normalizeBaseUrl, parseProxyFormat, parseTimeout } from '../runtime/config.js';
import { CONFIG_KEYS, SECRET_KEYS, type ConfigKey } from '../runtime/types.js';

export type FieldKind = 'url' | 'secret' | 'choice' | 'number';

export interface FieldSpec {
  key: ConfigKey;
  kind: FieldKind;
  /** One line shown under the field. */
  hint: string;
  secret: boolean;
  /** For a choice field, in cycling order; the first is the default. */
  choices?: readonly string[];
  /** What applies when the key is set nowhere. */
  fallback?: string;
}

const HINTS: Record<ConfigKey, Omit<FieldSpec, 'key' | 'secret'>> = {
  ANTHROPIC_BASE_URL: {
    kind: 'url',
    hint: 'Proxy address, e.g. http://127.0.0.1:4000 (empty: Anthropic direct)',
    fallback: 'Anthropic direct',
  },
  ANTHROPIC_API_KEY: { kind: 'secret', hint: 'The key (Bearer for a LiteLLM proxy, x-api-key for Anthropic)' },
  ANTHROPIC_AUTH_TOKEN: { kind: 'secret', hint: 'A Bearer token; when set it wins over ANTHROPIC_API_KEY' },
  OPENWORK_PROXY_FORMAT: {
    kind: 'choice',
    hint: 'Wire format with a proxy: auto detects LiteLLM (openai) or a gateway (anthropic)',
    choices: ['auto', 'openai', 'anthropic'],
    fallback: 'auto',
  },
  OPENAI_API_KEY: { kind: 'secret', hint: 'For gpt-* / o* models sent straight to OpenAI (never the proxy key)' },
  OPENAI_BASE_URL: { kind: 'url', hint: 'OpenAI-compatible address for gpt-* models (empty: api.openai.com)', fallback: 'api.openai.com' },
  OPENWORK_TIMEOUT_MS: { kind: 'number', hint: 'Connect + first byte timeout in milliseconds', fallback: '60000' },
};

export const FIELDS: readonly FieldSpec[] = CONFIG_KEYS.map((key) => ({ key, secret: SECRET_KEYS.has(key), ...HINTS[key] }));

export function isConfigKey(key: string): key is ConfigKey {
  return (CONFIG_KEYS as readonly string[]).includes(key);
}

export function fieldSpec(key: ConfigKey): FieldSpec {
  return FIELDS.find((f) => f.key === key)!;
}

export type FieldCheck = { ok: true; value: string; note?: string } | { ok: false; message: string };

// Quotes people paste around values, straight and typographic (an IME may produce the latter).
const QUOTE_PAIRS: readonly [string, string][] = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['\u300c', '\u300d'],
];

/** Trims whitespace and one pair of matching quotes around the value; says whether it did. */
function unwrap(raw: string): { text: string; trimmed: boolean } {
  let text = raw.trim();
  let trimmed = text !== raw;
  for (const [open, close] of QUOTE_PAIRS) {
    if (text.length >= 2 && text.startsWith(open) && text.endsWith(close)) {
      text = text.slice(open.length, -close.length).trim();
      trimmed = true;
      break;
    }
  }
  return { text, trimmed };
}

const withNote = (value: string, notes: string[]): FieldCheck =>
  notes.length ? { ok: true, value, note: notes.join('; ') } : { ok: true, value };

function checkSecret(key: ConfigKey, text: string, notes: string[]): FieldCheck {
  let value = text;
  if (/^bearer\s+/i.test(value)) {
    value = value.replace(/^bearer\s+/i, '');
    notes.push('dropped "Bearer " (the app adds it)');
  }
  if (/\s/.test(value)) return { ok: false, message: `${key} cannot contain spaces or line breaks` };
  // Sent in an HTTP header: printable ASCII only (a full-width character from an IME would fail).
  if (!/^[\x21-\x7e]+$/.test(value)) {
    return { ok: false, message: `${key} has a character that cannot be sent in a header (non-ASCII or control)` };
  }
  return withNote(value, notes);
}

/**
 * Checks and normalises what the user typed for `key`. An empty value (after trimming) is valid
 * and means "remove the key". Invalid input gets a message and must never be written.
 */
export function validateField(key: ConfigKey, raw: string): FieldCheck {
  const spec = fieldSpec(key);
  const { text, trimmed } = unwrap(raw);
  if (text === '') return { ok: true, value: '' };
  const notes: string[] = [];
  switch (spec.kind) {
    case 'url': {
      const check = normalizeBaseUrl(text);
      if (!check.ok) {
        // `127.0.0.1:4000` or `proxy.lan:4000`: the scheme is what is missing.
        const bare = !/^[a-z][a-z\d+.-]*:\/\//i.test(text) && normalizeBaseUrl(`http://${text}`).ok;
        return { ok: false, message: bare ? `add http:// or https:// in front, e.g. http://${text}` : check.message };
      }
      if (check.note) notes.push(check.note);
      return withNote(check.url, notes);
    }
    case 'secret':
      if (trimmed) notes.push('trimmed spaces and quotes around the value');
      return checkSecret(key, text, notes);
    case 'choice': {
      const choice = parseProxyFormat(text);
      if (!choice) return { ok: false, message: `${key} must be one of ${spec.choices?.join(', ')}` };
      return { ok: true, value: choice };
    }
    case 'number': {
      const plain = text.replace(/[_,]/g, '');
      const n = parseTimeout(plain);
      if (n === undefined) return { ok: false, message: `${key} must be a whole number of milliseconds, e.g. 60000` };
      if (plain !== text) notes.push('dropped the digit separators');
      if (n < 1000) notes.push(`${n} ms is under a second`);
      return withNote(String(n), notes);
    }
  }
}
