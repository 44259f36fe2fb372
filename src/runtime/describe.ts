// How a connection is named in the log (presence of keys only, never a secret), and the key its
// preferences are kept under. On screen, i18n/connection.ts names it.
import type { ConfigSnapshot, Connection } from './types.js';

/** The runtime's one log line per (re)configuration, as [message, data] for the logger. */
export function describeConnection(config: ConfigSnapshot, c: Connection): [string, Record<string, unknown>] {
  const presence = { hasApiKey: config.hasApiKey, hasAuthToken: config.hasAuthToken };
  switch (c.mode) {
    case 'litellm':
      return [
        '[Runtime] Using LiteLLM proxy for Anthropic:',
        { ...presence, baseUrl: c.baseUrl, ...(c.unreachable ? { reachable: false } : {}), ...(c.via === 'override' ? { format: 'openai (OPENWORK_PROXY_FORMAT)' } : {}) },
      ];
    case 'gateway':
      return ['[Runtime] Using Anthropic-compatible gateway:', { ...presence, baseUrl: c.baseUrl, ...(c.via === 'override' ? { format: 'anthropic (OPENWORK_PROXY_FORMAT)' } : {}) }];
    case 'anthropic':
      return ['[Runtime] Using Anthropic API directly:', presence];
    case 'openai':
      return ['[Runtime] Using OpenAI directly:', { hasOpenAIKey: !!config.openaiApiKey }];
  }
}

/** Preferences are kept per connection (proxy address, or Anthropic direct), so a proxy's aliases do not leak into direct mode. */
export function connectionKey(config: Pick<ConfigSnapshot, 'baseUrl'>): string {
  return config.baseUrl ? `proxy ${config.baseUrl}` : 'anthropic';
}
