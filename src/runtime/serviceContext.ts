// What the runtime says when a request fails or .env has problems: the context classifyError words
// an error with, and the notice for a broken .env. Kept out of service.ts, which runs the requests.
import type { ConfigProblem, ConfigSnapshot, Connection } from './types.js';
import { networkOf, secretsOf } from './config.js';
import { hostOf, OPENAI_ROUTE } from './connections/index.js';
import { OPENAI_DEFAULT_BASE } from './connections/openai/index.js';

const ANTHROPIC_DEFAULT_BASE = 'https://api.anthropic.com';

export interface ContextInput {
  config: ConfigSnapshot;
  connection: Connection;
  served: string[] | undefined;
  route: 'main' | 'openai';
  model: string | undefined;
  headless: boolean;
}

/** Who was asked, with which key, for which model: what an error's facts need. */
export function errorContext({ config, connection, served, route, model, headless }: ContextInput) {
  const url = route === 'openai' ? (config.openaiBaseUrl ?? OPENAI_DEFAULT_BASE) : (config.baseUrl ?? ANTHROPIC_DEFAULT_BASE);
  const unread = route === 'main' ? unreadKey(config) : undefined;
  const ca = networkOf(config).caFiles[0];
  return {
    url,
    host: hostOf(url),
    mode: route === 'openai' ? OPENAI_ROUTE.id : connection.mode,
    credential: route === 'openai' ? config.openaiApiKey : config.credential,
    credentialVar: route === 'openai' ? 'OPENAI_API_KEY' : config.credentialVar,
    ...(model ? { model } : {}),
    ...(served ? { servedModels: served } : {}),
    secrets: secretsOf(config),
    timeoutMs: config.timeoutMs,
    ...(unread ? { unreadKey: unread } : {}),
    ...(ca ? { caVar: ca.from } : {}),
    ...(headless ? { headless: true } : {}),
  };
}

/** No key was read and a .env line that would have set one was skipped (e.g. `ANTHROPIC_API_KEY sk-…`, no "="). */
export function unreadKey(config: ConfigSnapshot): ConfigProblem | undefined {
  if (config.credential) return undefined;
  return config.problems.find((p) => (p.key === 'ANTHROPIC_API_KEY' || p.key === 'ANTHROPIC_AUTH_TOKEN') && !p.warning);
}
