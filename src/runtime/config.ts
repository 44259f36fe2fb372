// Resolves $OPENWORK_HOME/.env plus the process environment into an immutable snapshot.
// The file wins over the environment; ANTHROPIC_AUTH_TOKEN wins over ANTHROPIC_API_KEY.
// Never writes into process.env.
import { parse } from 'dotenv';
import type { ConfigKey, ConfigProblem, ConfigSnapshot, ProxyFormat, ValueSource } from './types.js';
import { CONFIG_KEYS } from './types.js';
import type { Say } from '../i18n/en.js';
import { said } from '../i18n/said.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
const ANTHROPIC_HOSTS = new Set(['api.anthropic.com']);

export interface ResolveInput {
  envPath: string;
  /** The .env text, or undefined when the file does not exist. */
  text: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Lines dotenv would skip silently (from the .env document). */
  lineProblems?: readonly ConfigProblem[];
  /** 1-based line of a key in the file, for value problems. */
  lineOf?: (key: string) => number | undefined;
}

export type UrlCheck = { ok: true; url: string; note?: string; noteSay?: Say } | { ok: false; message: string; say: Say };

/** A base URL must be http(s) with a host; a trailing "/" or "/v1" is dropped (with a note). */
export function normalizeBaseUrl(raw: string): UrlCheck {
  const value = raw.trim().replace(/^["']|["']$/g, '');
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return { ok: false, ...said((m) => m.problems.notUrl({ value })) };
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
  return n > 0 ? n : undefined;
}

/** dotenv's parser, tolerant of a UTF-8 byte-order mark. */
export function parseEnvText(text: string): Record<string, string> {
  return parse(text.replace(/^\uFEFF/, ''));
}

export function resolveConfig(input: ResolveInput): ConfigSnapshot {
  const fileValues = input.text === undefined ? {} : parseEnvText(input.text);
  const values: Partial<Record<ConfigKey, string>> = {};
  const sources: Partial<Record<ConfigKey, ValueSource>> = {};
  for (const key of CONFIG_KEYS) {
    const f = fileValues[key]?.trim();
    const e = input.env[key]?.trim();
    if (f) {
      values[key] = f;
      sources[key] = 'file';
    } else if (e) {
      values[key] = e;
      sources[key] = 'env';
    }
  }

  const problems: ConfigProblem[] = [...(input.lineProblems ?? [])];
  const problem = (key: ConfigKey, say: Say) => {
    const line = sources[key] === 'file' ? (input.lineOf?.(key) ?? 0) : 0;
    const fromEnv = sources[key] === 'env';
    problems.push({ line, key, ...said((m) => (fromEnv ? m.problems.fromEnv({ message: say(m) }) : say(m))) });
  };

  let baseUrl: string | undefined;
  if (values.ANTHROPIC_BASE_URL) {
    const check = normalizeBaseUrl(values.ANTHROPIC_BASE_URL);
    if (!check.ok) problem('ANTHROPIC_BASE_URL', (m) => m.problems.keyed({ key: 'ANTHROPIC_BASE_URL', message: check.say(m) }));
    else if (!isAnthropicDirect(check.url)) baseUrl = check.url;
  }
  let openaiBaseUrl: string | undefined;
  if (values.OPENAI_BASE_URL) {
    const check = normalizeBaseUrl(values.OPENAI_BASE_URL);
    if (!check.ok) problem('OPENAI_BASE_URL', (m) => m.problems.keyed({ key: 'OPENAI_BASE_URL', message: check.say(m) }));
    else openaiBaseUrl = check.url;
  }
  const proxyFormat = parseProxyFormat(values.OPENWORK_PROXY_FORMAT);
  const rawFormat = values.OPENWORK_PROXY_FORMAT ?? '';
  if (!proxyFormat) problem('OPENWORK_PROXY_FORMAT', (m) => m.problems.proxyFormat({ value: rawFormat }));
  const timeoutMs = parseTimeout(values.OPENWORK_TIMEOUT_MS);
  const rawTimeout = values.OPENWORK_TIMEOUT_MS ?? '';
  if (!timeoutMs) problem('OPENWORK_TIMEOUT_MS', (m) => m.problems.timeout({ value: rawTimeout }));

  // A proxy address that is there but unusable must not turn into "Anthropic direct".
  const unusableBaseUrl = baseUrl === undefined ? problems.find((p) => p.key === 'ANTHROPIC_BASE_URL' && !p.warning) : undefined;
  const credentialVar = values.ANTHROPIC_AUTH_TOKEN ? 'ANTHROPIC_AUTH_TOKEN' : values.ANTHROPIC_API_KEY ? 'ANTHROPIC_API_KEY' : undefined;
  const snapshot: ConfigSnapshot = {
    envPath: input.envPath,
    fileExists: input.text !== undefined,
    baseUrl,
    credential: credentialVar ? values[credentialVar] : undefined,
    credentialVar,
    hasApiKey: !!values.ANTHROPIC_API_KEY,
    hasAuthToken: !!values.ANTHROPIC_AUTH_TOKEN,
    openaiApiKey: values.OPENAI_API_KEY,
    openaiBaseUrl,
    proxyFormat: proxyFormat ?? 'auto',
    timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
    values: Object.freeze(values),
    sources: Object.freeze(sources),
    problems: Object.freeze(problems),
    ...(unusableBaseUrl ? { unusableBaseUrl } : {}),
  };
  return Object.freeze(snapshot);
}

/** Every secret value in a snapshot (for scrubbing logs and messages). */
export function secretsOf(config: ConfigSnapshot): string[] {
  return [config.values.ANTHROPIC_API_KEY, config.values.ANTHROPIC_AUTH_TOKEN, config.values.OPENAI_API_KEY].filter(
    (v): v is string => !!v,
  );
}

/** Same connection-relevant settings (used to ignore no-op reloads). */
export function sameConnection(a: ConfigSnapshot, b: ConfigSnapshot): boolean {
  return CONFIG_KEYS.every((k) => a.values[k] === b.values[k]);
}
