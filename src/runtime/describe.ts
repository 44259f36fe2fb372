// How a connection is named on screen and in the log (presence of keys only, never a secret).
import type { ConfigSnapshot, Connection, RuntimeState } from './types.js';
import { en, type Messages } from '../i18n/en.js';

/** What the app talks to, for the user: an unusable proxy address says so, never "Anthropic direct". */
export function whereLabel(state: Pick<RuntimeState, 'config' | 'connection'>, m: Messages = en): string {
  return state.config.unusableBaseUrl ? m.status.badAddress : connectionLabel(state.connection, m);
}

export function connectionLabel(c: Connection, m: Messages = en): string {
  switch (c.mode) {
    case 'anthropic':
      return m.connection.anthropic;
    case 'litellm':
      return m.connection.litellm({ host: c.host ?? '', unreachable: c.unreachable });
    case 'gateway':
      return m.connection.gateway({ host: c.host ?? '', unreachable: c.unreachable });
    case 'openai':
      return m.connection.openai;
  }
}

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
