// Resolves $OPENWORK_HOME/.env plus the process environment into an immutable snapshot.
// The file wins over the environment; ANTHROPIC_AUTH_TOKEN wins over ANTHROPIC_API_KEY.
// Never writes into process.env.
import { parse } from 'dotenv';
import type { ConfigKey, ConfigProblem, ConfigSnapshot, ProxyFormat, ValueSource } from './types.js';
import { CONFIG_KEYS } from './types.js';

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

export type UrlCheck = { ok: true; url: string; note?: string } | { ok: false; message: string };

/** A base URL must be http(s) with a host; a trailing "/" or "/v1" is dropped (with a note). */
export function normalizeBaseUrl(raw: string): UrlCheck {
  const value = raw.trim().replace(/^["']|["']$/g, '');
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return { ok: false, message: `"${value}" is not a URL (expected e.g. http://127.0.0.1:3000)` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    return { ok: false, message: `the address must start with http:// or https:// (got ${u.protocol})` };
  }
  if (!u.hostname) return { ok: false, message: 'the address has no host' };
  if (u.search || u.hash) return { ok: false, message: 'the address must not have a query or #fragment' };
  let path = u.pathname.replace(/\/+$/, '');
  let note: string | undefined;
  if (/\/v1$/i.test(path)) {
    path = path.slice(0, -3);
    note = 'dropped the trailing /v1 (the app adds it where needed)';
  } else if (u.pathname.length > 1 && u.pathname.endsWith('/')) {
    note = 'dropped the trailing /';
  }
  return { ok: true, url: `${u.protocol}//${u.host}${path}`, ...(note ? { note } : {}) };
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
  const problem = (key: ConfigKey, message: string) => {
    const line = sources[key] === 'file' ? (input.lineOf?.(key) ?? 0) : 0;
    problems.push({ line, key, message: sources[key] === 'env' ? `${message} (from the environment)` : message });
  };

  let baseUrl: string | undefined;
  if (values.ANTHROPIC_BASE_URL) {
    const check = normalizeBaseUrl(values.ANTHROPIC_BASE_URL);
    if (!check.ok) problem('ANTHROPIC_BASE_URL', `ANTHROPIC_BASE_URL: ${check.message}`);
    else if (!isAnthropicDirect(check.url)) baseUrl = check.url;
  }
  let openaiBaseUrl: string | undefined;
  if (values.OPENAI_BASE_URL) {
    const check = normalizeBaseUrl(values.OPENAI_BASE_URL);
    if (!check.ok) problem('OPENAI_BASE_URL', `OPENAI_BASE_URL: ${check.message}`);
    else openaiBaseUrl = check.url;
  }
  const proxyFormat = parseProxyFormat(values.OPENWORK_PROXY_FORMAT);
  if (!proxyFormat) problem('OPENWORK_PROXY_FORMAT', `OPENWORK_PROXY_FORMAT must be auto, openai or anthropic (got "${values.OPENWORK_PROXY_FORMAT}")`);
  const timeoutMs = parseTimeout(values.OPENWORK_TIMEOUT_MS);
  if (!timeoutMs) problem('OPENWORK_TIMEOUT_MS', `OPENWORK_TIMEOUT_MS must be a whole number of milliseconds (got "${values.OPENWORK_TIMEOUT_MS}")`);

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
