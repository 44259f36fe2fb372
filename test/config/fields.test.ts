import { describe, expect, it } from 'vitest';
import { FIELDS, fieldSpec, isConfigKey, validateField, type FieldCheck } from '../../src/config/fields.js';
import { CONFIG_KEYS, type ConfigKey } from '../../src/config/keys.js';
import { en, messagesFor } from '../../src/i18n/index.js';

/** The English words only (without `say` / `noteSay`, the words in another language). */
const words = ({ say: _s, noteSay: _n, ...rest }: FieldCheck & { say?: unknown; noteSay?: unknown }) => rest;

describe('FIELDS', () => {
  it('lists every config key once, in order, each with a one-line hint', () => {
    expect(FIELDS.map((f) => f.key)).toEqual([...CONFIG_KEYS]);
    for (const f of FIELDS) {
      expect(f.hint(en).length).toBeGreaterThan(10);
      expect(f.hint(en)).not.toContain('\n');
    }
    expect(FIELDS.filter((f) => f.secret).map((f) => f.key)).toEqual(['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'OPENAI_API_KEY']);
    expect(fieldSpec('OPENWORK_PROXY_FORMAT')).toMatchObject({ kind: 'choice', choices: ['auto', 'openai', 'anthropic'] });
    expect(isConfigKey('ANTHROPIC_BASE_URL')).toBe(true);
    expect(isConfigKey('ANTHROPIC_BASE')).toBe(false);
  });
});

const ok = (value: string, note?: string): FieldCheck => (note ? { ok: true, value, note } : { ok: true, value });
const bad = (message: RegExp) => ({ ok: false, message: expect.stringMatching(message) });

const TABLE: [ConfigKey, string, FieldCheck | ReturnType<typeof bad>][] = [
  // URLs: http(s) with a host; trailing / or /v1 dropped with a note
  ['ANTHROPIC_BASE_URL', 'http://127.0.0.1:4000', ok('http://127.0.0.1:4000')],
  ['ANTHROPIC_BASE_URL', '  https://proxy.example.com  ', ok('https://proxy.example.com')],
  ['ANTHROPIC_BASE_URL', 'http://127.0.0.1:4000/v1', ok('http://127.0.0.1:4000', 'dropped the trailing /v1 (the app adds it where needed)')],
  ['ANTHROPIC_BASE_URL', 'http://127.0.0.1:4000/v1/', ok('http://127.0.0.1:4000', 'dropped the trailing /v1 (the app adds it where needed)')],
  ['ANTHROPIC_BASE_URL', 'http://host:4000/litellm/', ok('http://host:4000/litellm', 'dropped the trailing /')],
  ['ANTHROPIC_BASE_URL', '"http://127.0.0.1:4000"', ok('http://127.0.0.1:4000')],
  ['ANTHROPIC_BASE_URL', '127.0.0.1:4000', { ok: false, message: 'add http:// or https:// in front, e.g. http://127.0.0.1:4000' }],
  ['ANTHROPIC_BASE_URL', 'proxy.lan:4000', { ok: false, message: 'add http:// or https:// in front, e.g. http://proxy.lan:4000' }],
  ['ANTHROPIC_BASE_URL', 'localhost', bad(/add http:\/\/ or https:\/\/ in front, e.g. http:\/\/localhost$/)],
  ['ANTHROPIC_BASE_URL', 'my proxy', bad(/is not a URL/)],
  ['ANTHROPIC_BASE_URL', 'ftp://host', bad(/http:\/\/ or https:\/\//)],
  ['ANTHROPIC_BASE_URL', 'http://', bad(/not a URL|no host/)],
  ['ANTHROPIC_BASE_URL', 'http://host:4000?x=1', bad(/query/)],
  ['OPENAI_BASE_URL', 'https://api.openai.com/v1', ok('https://api.openai.com', 'dropped the trailing /v1 (the app adds it where needed)')],
  // secrets: whitespace and quotes pasted around are trimmed
  ['ANTHROPIC_API_KEY', 'sk-abc123', ok('sk-abc123')],
  ['ANTHROPIC_API_KEY', '  sk-abc123\n', ok('sk-abc123', 'trimmed spaces and quotes around the value')],
  ['ANTHROPIC_API_KEY', '"sk-abc123"', ok('sk-abc123', 'trimmed spaces and quotes around the value')],
  ['ANTHROPIC_API_KEY', "'sk-abc123'", ok('sk-abc123', 'trimmed spaces and quotes around the value')],
  ['ANTHROPIC_API_KEY', '\u201csk-abc123\u201d', ok('sk-abc123', 'trimmed spaces and quotes around the value')],
  ['ANTHROPIC_AUTH_TOKEN', 'Bearer tok-1234', ok('tok-1234', 'dropped "Bearer " (the app adds it)')],
  ['ANTHROPIC_API_KEY', 'sk-abc 123', bad(/spaces or line breaks/)],
  ['ANTHROPIC_API_KEY', 'sk-密钥', bad(/non-ASCII/)],
  ['OPENAI_API_KEY', 'sk-proj-xyz', ok('sk-proj-xyz')],
  // the choice
  ['OPENWORK_PROXY_FORMAT', 'openai', ok('openai')],
  ['OPENWORK_PROXY_FORMAT', ' Anthropic ', ok('anthropic')],
  ['OPENWORK_PROXY_FORMAT', 'litellm', bad(/auto, openai, anthropic/)],
  // the number
  ['OPENWORK_TIMEOUT_MS', '30000', ok('30000')],
  ['OPENWORK_TIMEOUT_MS', '60_000', ok('60000', 'dropped the digit separators')],
  ['OPENWORK_TIMEOUT_MS', '500', ok('500', '500 ms is under a second')],
  ['OPENWORK_TIMEOUT_MS', '30s', bad(/whole number of milliseconds/)],
  ['OPENWORK_TIMEOUT_MS', '-5', bad(/whole number/)],
  ['OPENWORK_TIMEOUT_MS', '0', bad(/whole number/)],
  ['OPENWORK_TIMEOUT_MS', '1.5', bad(/whole number/)],
  // Node's timers cannot wait longer: every request would time out at once.
  ['OPENWORK_TIMEOUT_MS', '2147483648', bad(/from 1 to 2147483647/)],
  ['OPENWORK_TIMEOUT_MS', '2147483647', ok('2147483647')],
  // empty (after trimming) removes the key, for every field
  ['ANTHROPIC_BASE_URL', '', ok('')],
  ['ANTHROPIC_API_KEY', '   ', ok('')],
  ['OPENWORK_TIMEOUT_MS', '""', ok('')],
];

describe('validateField', () => {
  it.each(TABLE)('%s %j', (key, raw, expected) => {
    expect(words(validateField(key, raw))).toEqual(expected);
  });

  it('says the same in Chinese', () => {
    const zh = messagesFor('zh-CN');
    const refused = validateField('ANTHROPIC_BASE_URL', '127.0.0.1:4000');
    expect(!refused.ok && refused.say(zh)).toContain('http://127.0.0.1:4000');
    expect(!refused.ok && refused.say(zh)).not.toBe(refused.ok ? '' : refused.message);
    const noted = validateField('OPENWORK_TIMEOUT_MS', '500');
    expect(noted.ok && noted.noteSay?.(zh)).toContain('500');
  });

});
