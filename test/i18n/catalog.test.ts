// The two catalogs: same keys, every function called with sample parameters (and with each flag
// flipped, each optional left out, each choice taken), the same parameters shown in both, no
// leftover placeholders, and no English left in the Chinese beyond names, keys and commands.
import { describe, expect, it } from 'vitest';
import { en, LANG_NAMES, loadMessages, messagesFor, type Messages } from '../../src/i18n/index.js';
import { LANGS } from '../../src/i18n/lang.js';

const zh = messagesFor('zh-CN');

type Fn = (p: Record<string, unknown>) => string;

/** What is never user text: a placeholder left unfilled, or a value rendered wrongly. */
const BROKEN = /undefined|NaN|\[object Object\]|\$\{|\{\w+\}/;
interface Leaf {
  path: string;
  value: unknown;
}

function leaves(o: unknown, path = ''): Leaf[] {
  if (typeof o === 'function' || typeof o === 'string' || Array.isArray(o)) return [{ path, value: o }];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, value: o }];
}

function at(m: Messages, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], m);
}

/** A sample for each parameter name: distinctive, so it can be found again in the output. */
const VALUES: Record<string, unknown> = {
  version: '9.8.7',
  model: 'claude-sample-9',
  date: '2031-02-03',
  start: 'SAMPLE-START',
  name: 'claude-named-3',
  n: 7,
  host: 'proxy.sample:4010',
  rate: 42,
  tokens: '128 tok',
  cost: '$0.0123',
  estimated: true,
  unreachable: true,
  path: '/home/sample/.openwork/.env',
  error: 'EACCES sample failure',
  line: 17,
  message: 'SAMPLE-MESSAGE',
  more: 2,
  problem: 'SAMPLE-PROBLEM',
  label: 'SAMPLE-LABEL',
  kind: 'auth',
  status: 403,
  server: 'nginx/1.25',
  timeoutMs: 60000,
  anthropic: false,
  key: 'sk-…a1b2',
  keyVar: 'ANTHROPIC_API_KEY',
  served: ['claude-served-1', 'claude-served-2'],
  after: 31,
  detail: 'SAMPLE-DETAIL',
  code: 'ECONNREFUSED',
  where: 'http://proxy.sample:4010',
  why: 'refused',
  dns: true,
  on: true,
  file: '/sample/logs/openwork-tui.log',
  text: 'SAMPLE-TEXT',
  value: 'sample-value',
  protocol: 'ftp:',
  quote: '"',
  choices: 'auto, openai, anthropic',
  ms: 750,
  size: 5_300_000, // characters of a long reply
  query: 'sonnet-sample',
  suggestion: 'claude-suggested-5',
  hint: 'SAMPLE-HINT',
  what: 'saved',
  rest: '3 sampled',
  passed: 4,
  skipped: 2,
  title: 'SAMPLE-TITLE',
  total: 6,
  warned: 1,
  failed: ['SAMPLE-CHECK-A', 'SAMPLE-CHECK-B'],
  envPath: '/home/sample/.openwork/.env',
  param: 'sample_param',
  proxy: true,
  headless: true,
  reason: 'nearest',
  from: 'saved',
  octal: '0644',
  warning: true,
  lines: [6, 9],
  notes: ['SAMPLE-NOTE-1', 'SAMPLE-NOTE-2'],
  note: 'SAMPLE-NOTE',
  raw: 'http://raw.sample:1/v1',
  url: 'http://url.sample:2',
  addresses: '10.1.2.3',
  address: '10.9.8.7',
  port: 4010,
  subject: 'subject.sample',
  issuer: 'issuer.sample',
  validTo: 'Jan 1 2030',
  litellm: true,
  https: true,
  fromHeader: true,
  answer: '404 text/html',
  contentType: 'text/html',
  json: false,
  found: false,
  format: 'openai',
  ids: ['id-sample-1', 'id-sample-2'],
  sent: 'sk-…a1b2 (ANTHROPIC_API_KEY)',
  by: 'proxy.sample:4010',
  route: 'claude-*',
  names: ['claude-near-1', 'claude-near-2'],
  reply: '"ok"',
  input: 12,
  output: 1,
  id: 'req_sample',
  ttfb: 95,
  header: 'Authorization: Bearer',
  flag: '--model',
  option: '--bogus',
  arg: 'extra-arg',
  action: 'frobnicate',
  command: 'frobnicate',
  k: 200,
  fallback: 'api.openai.com',
  caVar: 'NODE_EXTRA_CA_CERTS',
  proxyUrl: 'http://proxy.sample:3128',
  proxyVar: 'HTTPS_PROXY',
  spent: '$9.8700',
  replies: 3,
  percent: 85,
  seconds: 7,
  resetAt: '2030-01-01 00:00 UTC',
  headers: 'x-sample-tag, x-sample-team',
  window: '200k',
  editor: 'SAMPLE-EDITOR',
  gauge: '▰▰▱▱▱',
  target: '/home/sample/dotfiles/openwork.env',
  dir: '/home/sample/.openwork/roles',
  known: ['role-sample-a', 'role-sample-b'],
  fileSize: '3.1 MB',
  limit: '2 MB',
  how: 'OSC 52 SAMPLE-HOW',
  mux: 'tmux',
  tool: 'xclip',
  first: 'SAMPLE-FIRST-LINE',
  list: 'SAMPLE-LIST',
  count: 3,
  lang: 'python',
  lineCount: 8,
  item: 'SAMPLE-ITEM',
  chars: 42,
  role: 'SAMPLE-ROLE',
};

/** Parameters that pick one of a few words: every value is tried, and they are not looked for in the output. */
const CHOICES: Record<string, readonly unknown[]> = {
  kind: ['auth', 'blocked', 'unreachable', 'timeout', 'tls', 'model', 'rate_limit', 'budget', 'server', 'stream_cut', 'bad_request', 'config', 'unknown'],
  from: ['arg', 'saved', 'default'],
  what: ['saved', 'tested'],
  format: ['openai', 'anthropic'],
  reason: ['nearest', 'saved', 'default'],
};
const STATUSES = [401, 403, 200, 404, 500];
const CHOICES_AT: Record<string, Record<string, readonly unknown[]>> = {
  'errors.auth.message': { status: STATUSES },
  'problems.lineBreak': { what: ['newline', 'tab', 'control'] },
  'errorCard.title': { status: STATUSES },
  'doctor.apiAnswer': { status: STATUSES },
  'errors.unreachable.message': { why: ['refused', 'dns', 'dropped', 'network'] },
  'problems.cannotWrite': { why: ['denied', 'readonly', 'full'] },
  'errors.keyHelper.message': { why: ['spawn', 'exit', 'timeout', 'empty', 'lines'] },
};

/** The parameter names a function reads. */
function paramsOf(fn: Fn): string[] {
  const seen = new Set<string>();
  const probe = new Proxy({} as Record<string, unknown>, {
    get(_t, k) {
      if (typeof k === 'string') seen.add(k);
      return typeof k === 'string' ? VALUES[k] : undefined;
    },
  });
  fn(probe);
  return [...seen];
}

/** The sample for a parameter of the function at `path`. */
const sample = (path: string, k: string): unknown => CHOICES_AT[path]?.[k]?.[0] ?? VALUES[k];

/** The function's text for `p`, or undefined when `p` leaves out something it needs (it throws or says "undefined"). */
function said(fn: Fn, p: Record<string, unknown>): string | undefined {
  try {
    const text = fn(p);
    return BROKEN.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Sample parameter sets: all set, then each flag flipped, each value left out, each choice taken, lists emptied, counts of 1 and 0. */
function samples(path: string, fn: Fn): Record<string, unknown>[] {
  // What either language reads (one may leave a parameter unsaid).
  const enNames = new Set(paramsOf(fn));
  const names = [...new Set([...enNames, ...paramsOf(at(zh, path) as Fn)])];
  const base = Object.fromEntries(names.map((k) => [k, sample(path, k)]));
  const out: Record<string, unknown>[] = [base];
  for (const k of names) {
    const v = base[k];
    const choices = CHOICES_AT[path]?.[k] ?? CHOICES[k];
    if (choices) for (const c of choices) out.push({ ...base, [k]: c });
    else if (typeof v === 'boolean') out.push({ ...base, [k]: !v });
    else if (typeof v === 'number') out.push({ ...base, [k]: 1 }, { ...base, [k]: 0 });
    else if (Array.isArray(v)) out.push({ ...base, [k]: [] }, { ...base, [k]: v.slice(0, 1) }, { ...base, [k]: [...v, ...v, ...v, ...v] });
    // Left out: only what the English reads (whether it may be left out is known from there).
    if (enNames.has(k)) out.push({ ...base, [k]: undefined });
  }
  return out;
}

/** Leaf values of a sample that should show up in the text (not the choice words). */
function shown(path: string, p: Record<string, unknown>): string[] {
  return Object.entries(p).flatMap(([k, v]) => {
    if (CHOICES_AT[path]?.[k] || CHOICES[k] || typeof v === 'boolean' || v === undefined) return [];
    if (Array.isArray(v)) return v.map(String);
    return [String(v)];
  });
}

const FNS = leaves(en).filter((l): l is { path: string; value: Fn } => typeof l.value === 'function');
const STRINGS = leaves(en).filter((l) => typeof l.value === 'string');
const ROWS = leaves(en).filter((l) => Array.isArray(l.value));


// ---- English left in the Chinese -----------------------------------------------------------------

/** Words that stay as they are in Chinese text: names, commands, protocols, keys, fixed server answers. */
const ALLOWED = new Set(
  (
    'LiteLLM Node Anthropic OpenAI Claude Sonnet API Bearer doctor dotenv token tok Web shell http https ' +
    'Enter Esc Tab Home End PgUp PgDn Backspace Delete Left Right Up Down y/n ' +
    'auto openai anthropic server chat-completions Messages Unauthorized Forbidden ' +
    'model_name model_list stdin stdout chmod gpt o k supports_vision text stream-json N code ' +
    'list get set unset config models logs help version json reveal model debug body lang en zh-CN f p h v m M ' +
    'sessions search show export rm md off Markdown max_budget default clear'
  ).split(/\s+/),
);

/** Compound names taken out first (they contain dashes, dots or capitals the rules below would split). */
const NAMES = /litellm_settings: drop_params: true|zh-CN|openwork-tui|x-api-key|Authorization(?:: Bearer)?|x-litellm-version|content-type|litellm_config\.yaml|api\.openai\.com|chat-completions|I'm alive!|Invalid model name|\bclaude-[\w.*-]*|\bgpt-[\w.*-]*/g;

function englishLeft(text: string): string[] {
  const stripped = text
    .replace(NAMES, ' ')
    .replace(/https?:\/\/[^\s，。；）)"]*/g, ' ') // URLs
    .replace(/"[^"]*"/g, ' ') // quoted values and fixed answers
    .replace(/(^|[\s(（"[])--?[a-z][\w-]*(=\w+)?/g, ' ') // flags
    .replace(/\$?\b[A-Z][A-Z0-9_]+\b\*?/g, ' ') // env vars, HTTP, TLS, DNS, JSON, IP…
    .replace(/\b(Ctrl|Alt)\+\w+/g, ' ')
    .replace(/[\w.-]*\/[\w./*-]*/g, ' ') // paths, /commands, gpt-*/o*
    .replace(/\[[^\]\s]+\]/g, ' ') // [KEY] placeholders
    .replace(/\.env\b/g, ' ');
  return (stripped.match(/[A-Za-z][A-Za-z'/_-]*/g) ?? []).map((w) => w.replace(/[-_]+$/, '')).filter((w) => w.length > 0 && !ALLOWED.has(w));
}

describe('message catalogs', () => {
  it('have the same keys, each the same kind of value', () => {
    const shape = (m: Messages) => leaves(m).map((l) => `${l.path}:${Array.isArray(l.value) ? `array${(l.value as unknown[]).length}` : typeof l.value}`);
    expect(shape(zh)).toEqual(shape(en));
  });

  it('have no empty strings', () => {
    for (const m of [en, zh]) for (const l of STRINGS) expect(at(m, l.path), l.path).not.toBe('');
  });

  it.each(FNS.map((f) => [f.path, f.value] as const))('%s: both say every parameter, with nothing left unfilled', (path, fn) => {
    const zhFn = at(zh, path) as Fn;
    for (const p of samples(path, fn)) {
      const e = said(fn, p);
      if (e === undefined) continue; // a parameter this function needs (left out on purpose above)
      const z = zhFn(p);
      expect(typeof z, `${path} ${JSON.stringify(p)}`).toBe('string');
      expect(z, `${path} ${JSON.stringify(p)}`).not.toMatch(BROKEN);
      for (const v of shown(path, p)) {
        if (e.includes(v)) expect(z, `${path}: "${v}" is in the English (${JSON.stringify(e)})`).toContain(v);
      }
    }
  });

  it('the English has no leftover placeholders either', () => {
    for (const { path, value } of FNS) expect(value(Object.fromEntries(paramsOf(value).map((k) => [k, sample(path, k)]))), path).not.toMatch(BROKEN);
    for (const { path, value } of STRINGS) expect(value, path).not.toMatch(BROKEN);
  });

  it('leaves no English in the Chinese but names, keys and commands', () => {
    const found: string[] = [];
    const check = (path: string, text: string, p: Record<string, unknown> = {}) => {
      let t = text;
      for (const v of shown(path, p).sort((a, b) => b.length - a.length)) t = t.split(v).join(' ');
      const words = englishLeft(t);
      if (words.length) found.push(`${path}: ${words.join(', ')}  ←  ${text}`);
    };
    for (const { path } of STRINGS) check(path, at(zh, path) as string);
    for (const { path } of ROWS) for (const row of at(zh, path) as string[][]) check(path, row[1] ?? '');
    for (const { path, value } of FNS) {
      for (const p of samples(path, value)) {
        if (said(value, p) === undefined) continue;
        check(path, (at(zh, path) as Fn)(p), p);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it('translates every string (the few equal in both are names and formats)', () => {
    const same = new Set(['status.openai', 'usage.configRows', 'slash.copyArgs', 'profiles.defaultName']);
    const equal = STRINGS.filter((l) => !same.has(l.path) && at(zh, l.path) === l.value).map((l) => `${l.path}: ${String(l.value)}`);
    expect(equal).toEqual([]);
  });

  it('the sample parameters cover every parameter any function reads', () => {
    for (const { path, value } of FNS) for (const k of paramsOf(value)) expect(k in VALUES, `${path} reads "${k}": add a sample`).toBe(true);
    for (const { path } of FNS) for (const k of paramsOf(at(zh, path) as Fn)) expect(k in VALUES, `zh ${path} reads "${k}"`).toBe(true);
  });
});

describe('loading', () => {
  it('each catalog names its language as the language picker does (without loading it)', async () => {
    for (const lang of LANGS) expect((await loadMessages(lang)).langName).toBe(LANG_NAMES[lang]);
  });
});
