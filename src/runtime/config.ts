// Resolves $OPENWORK_HOME/.env plus the process environment into an immutable snapshot.
// The file wins over the environment; ANTHROPIC_AUTH_TOKEN wins over ANTHROPIC_API_KEY.
// Never writes into process.env.
import type { ConfigProblem, ConfigSnapshot, NoticeFact, ValueSource } from './types.js';
import { CONFIG_KEYS, type ConfigKey } from '../config/keys.js';
import { DEFAULT_TIMEOUT_MS, isAnthropicDirect, normalizeBaseUrl, parseEnvText, parseProxyFormat, parseTimeout } from '../config/values.js';
import { valueProblem, type ValueFault } from '../config/problems.js';
import { urlCredentials } from '../config/secrets.js';
import { networkSecrets, resolveNetwork, sameNetwork, type NetworkConfig } from './net/settings.js';

export interface ResolveInput {
  envPath: string;
  /** The .env text, or undefined when the file does not exist. */
  text: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Lines dotenv would skip silently (from the .env document). */
  lineProblems?: readonly ConfigProblem[];
  /** 1-based line of a key in the file, for value problems. */
  lineOf?: (key: string) => number | undefined;
  /** The file's values as dotenv reads them, when the caller has parsed it already (one parse, not two). */
  fileValues?: Readonly<Record<string, string>>;
}

export function resolveConfig(input: ResolveInput): ConfigSnapshot {
  const fileValues = input.fileValues ?? (input.text === undefined ? {} : parseEnvText(input.text));
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
  const problem = (key: ConfigKey, fault: ValueFault) => {
    const line = sources[key] === 'file' ? (input.lineOf?.(key) ?? 0) : 0;
    problems.push(valueProblem(key, line, sources[key] === 'env', fault));
  };

  let baseUrl: string | undefined;
  if (values.ANTHROPIC_BASE_URL) {
    const check = normalizeBaseUrl(values.ANTHROPIC_BASE_URL);
    if (!check.ok) problem('ANTHROPIC_BASE_URL', { id: 'url', check });
    else if (!isAnthropicDirect(check.url)) baseUrl = check.url;
  }
  let openaiBaseUrl: string | undefined;
  if (values.OPENAI_BASE_URL) {
    const check = normalizeBaseUrl(values.OPENAI_BASE_URL);
    if (!check.ok) problem('OPENAI_BASE_URL', { id: 'url', check });
    else openaiBaseUrl = check.url;
  }
  const proxyFormat = parseProxyFormat(values.OPENWORK_PROXY_FORMAT);
  const rawFormat = values.OPENWORK_PROXY_FORMAT ?? '';
  if (!proxyFormat) problem('OPENWORK_PROXY_FORMAT', { id: 'proxyFormat', value: rawFormat });
  const timeoutMs = parseTimeout(values.OPENWORK_TIMEOUT_MS);
  const rawTimeout = values.OPENWORK_TIMEOUT_MS ?? '';
  if (!timeoutMs) problem('OPENWORK_TIMEOUT_MS', { id: 'timeout', value: rawTimeout });

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
    network: resolveNetwork(fileValues, input.env),
    ...(unusableBaseUrl ? { unusableBaseUrl } : {}),
  };
  return Object.freeze(snapshot);
}

/** Every secret value in a snapshot (for scrubbing logs and messages). */
export function secretsOf(config: ConfigSnapshot): string[] {
  return [
    config.values.ANTHROPIC_API_KEY,
    config.values.ANTHROPIC_AUTH_TOKEN,
    config.values.OPENAI_API_KEY,
    config.keyFromHelper ? config.credential : undefined,
    ...urlCredentials(config.values.ANTHROPIC_BASE_URL),
    ...urlCredentials(config.values.OPENAI_BASE_URL),
    ...networkSecrets(networkOf(config)),
  ].filter((v): v is string => !!v);
}

/** Same connection-relevant settings (used to ignore no-op reloads). */
export function sameConnection(a: ConfigSnapshot, b: ConfigSnapshot): boolean {
  return CONFIG_KEYS.every((k) => a.values[k] === b.values[k]) && sameNetwork(networkOf(a), networkOf(b));
}

const NO_NETWORK: NetworkConfig = Object.freeze({ caFiles: [], headers: [], problems: [] });

/** The snapshot's network settings (none for a snapshot made without them). */
export function networkOf(config: ConfigSnapshot): NetworkConfig {
  return config.network ?? NO_NETWORK;
}

/** What to say of a connection's settings when it is taken up: the file's problems first, else the network settings it cannot use. */
export function settingsNotice(config: ConfigSnapshot): NoticeFact | undefined {
  if (config.problems.length) return { id: 'problems', problems: config.problems };
  const network = networkOf(config).problems;
  return network.length ? { id: 'network', problems: network } : undefined;
}
