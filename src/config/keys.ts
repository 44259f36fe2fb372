// The connection settings the app reads from .env and the environment: the one list of keys, which
// are secret, and the proxy formats. Shared by runtime/ (which resolves them) and settings/ (which
// edits them), so neither imports the other. No UI, no file access.

export type ProxyFormat = 'auto' | 'openai' | 'anthropic';

export type ConfigKey =
  | 'ANTHROPIC_BASE_URL'
  | 'ANTHROPIC_API_KEY'
  | 'ANTHROPIC_AUTH_TOKEN'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENWORK_PROXY_FORMAT'
  | 'OPENWORK_TIMEOUT_MS';

export const CONFIG_KEYS: readonly ConfigKey[] = [
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'OPENWORK_PROXY_FORMAT',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENWORK_TIMEOUT_MS',
];

export const SECRET_KEYS: ReadonlySet<ConfigKey> = new Set([
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'OPENAI_API_KEY',
]);
