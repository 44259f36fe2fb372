// The connection settings a user can edit (settings screen and `openwork-tui config`), and the one
// validator both use. Pure: no file access, no UI. URL, format and timeout rules are the runtime's
// own (config/values.ts), so what passes here is what the runtime accepts.
import { normalizeBaseUrl, parseProxyFormat, parseTimeout } from './values.js';
import { CONFIG_KEYS, SECRET_KEYS, type ConfigKey } from './keys.js';
import type { Messages, Say } from '../i18n/en.js';
import { said } from '../i18n/said.js';

export type FieldKind = 'url' | 'secret' | 'choice' | 'number';

export interface FieldSpec {
  key: ConfigKey;
  kind: FieldKind;
  /** One line shown under the field. */
  hint: Say;
  secret: boolean;
  /** For a choice field, in cycling order; the first is the default. */
  choices?: readonly string[];
  /** The value that applies when the key is set nowhere. */
  fallback?: string;
  /** What applies, in words, when that is not a value (e.g. "Anthropic direct"). */
  fallbackText?: Say;
}

const SPECS: Record<ConfigKey, Omit<FieldSpec, 'key' | 'secret' | 'hint'>> = {
  ANTHROPIC_BASE_URL: { kind: 'url', fallbackText: (m) => m.settings.fallbacks.anthropicDirect },
  ANTHROPIC_API_KEY: { kind: 'secret' },
  ANTHROPIC_AUTH_TOKEN: { kind: 'secret' },
  OPENWORK_PROXY_FORMAT: { kind: 'choice', choices: ['auto', 'openai', 'anthropic'], fallback: 'auto' },
  OPENAI_API_KEY: { kind: 'secret' },
  OPENAI_BASE_URL: { kind: 'url', fallback: 'api.openai.com' },
  OPENWORK_TIMEOUT_MS: { kind: 'number', fallback: '60000' },
};

export const FIELDS: readonly FieldSpec[] = CONFIG_KEYS.map((key) => ({
  key,
  secret: SECRET_KEYS.has(key),
  hint: (m: Messages) => m.settings.hints[key],
  ...SPECS[key],
}));

/** What applies when `key` is set nowhere, as shown: words, or the default value. */
export function fallbackShown(spec: FieldSpec, m: Messages): string | undefined {
  return spec.fallbackText ? spec.fallbackText(m) : spec.fallback;
}

export function isConfigKey(key: string): key is ConfigKey {
  return (CONFIG_KEYS as readonly string[]).includes(key);
}

export function fieldSpec(key: ConfigKey): FieldSpec {
  return FIELDS.find((f) => f.key === key)!;
}

/** A typed value, checked: `message`/`note` in English, `say`/`noteSay` in the user's language. */
export type FieldCheck = { ok: true; value: string; note?: string; noteSay?: Say } | { ok: false; message: string; say: Say };

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

function withNote(value: string, notes: Say[]): FieldCheck {
  if (!notes.length) return { ok: true, value };
  const n = said((m) => notes.map((say) => say(m)).join(m.problems.notesJoin));
  return { ok: true, value, note: n.message, noteSay: n.say };
}

const refused = (say: Say): FieldCheck => ({ ok: false, ...said(say) });

function checkSecret(key: ConfigKey, text: string, notes: Say[]): FieldCheck {
  let value = text;
  if (/^bearer\s+/i.test(value)) {
    value = value.replace(/^bearer\s+/i, '');
    notes.push((m) => m.problems.droppedBearer);
  }
  if (/\s/.test(value)) return refused((m) => m.problems.secretSpaces({ key }));
  // Sent in an HTTP header: printable ASCII only (a full-width character from an IME would fail).
  if (!/^[\x21-\x7e]+$/.test(value)) return refused((m) => m.problems.secretChars({ key }));
  return withNote(value, notes);
}

/**
 * A line break inside would end the .env line (and the URL parser drops it silently):
 * `http://x\nANTHROPIC_API_KEY=evil` must not turn into another setting or another address.
 * The refusal for a value holding a line break, a tab or another control character.
 */
export function notOneLine(key: ConfigKey, text: string): FieldCheck | undefined {
  const bad = /[\n\r]/.test(text) ? 'newline' : text.includes('\t') ? 'tab' : /[\u0000-\u001f\u007f]/.test(text) ? 'control' : undefined;
  return bad ? refused((m) => m.problems.lineBreak({ key, what: bad })) : undefined;
}

/**
 * Checks and normalises what the user typed for `key`. An empty value (after trimming) is valid
 * and means "remove the key". Invalid input gets a message and must never be written.
 */
export function validateField(key: ConfigKey, raw: string): FieldCheck {
  const spec = fieldSpec(key);
  const { text, trimmed } = unwrap(raw);
  if (text === '') return { ok: true, value: '' };
  const broken = notOneLine(key, text);
  if (broken) return broken;
  const notes: Say[] = [];
  switch (spec.kind) {
    case 'url': {
      const check = normalizeBaseUrl(text);
      if (!check.ok) {
        // `127.0.0.1:4000` or `proxy.lan:4000`: the scheme is what is missing.
        const bare = !/^[a-z][a-z\d+.-]*:\/\//i.test(text) && normalizeBaseUrl(`http://${text}`).ok;
        return bare ? refused((m) => m.problems.addScheme({ text })) : { ok: false, message: check.message, say: check.say };
      }
      if (check.noteSay) notes.push(check.noteSay);
      return withNote(check.url, notes);
    }
    case 'secret':
      if (trimmed) notes.push((m) => m.problems.trimmed);
      return checkSecret(key, text, notes);
    case 'choice': {
      const choice = parseProxyFormat(text);
      const choices = spec.choices?.join(', ') ?? '';
      if (!choice) return refused((m) => m.problems.choice({ key, choices }));
      return { ok: true, value: choice };
    }
    case 'number': {
      const plain = text.replace(/[_,]/g, '');
      const n = parseTimeout(plain);
      if (n === undefined) return refused((m) => m.problems.number({ key }));
      if (plain !== text) notes.push((m) => m.problems.droppedSeparators);
      if (n < 1000) notes.push((m) => m.problems.underSecond({ ms: n }));
      return withNote(String(n), notes);
    }
  }
}
