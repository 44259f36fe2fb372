// How a connection is named in the log (presence of keys only, never a secret), and the key its
// preferences are kept under. On screen, i18n/connection.ts names it.
import type { ConfigSnapshot, Connection } from './types.js';
import { kindOf } from './connections/index.js';
import { profileOf } from '../config/profiles.js';

/** The runtime's one log line per (re)configuration, as [message, data] for the logger: the kind words it. */
export function describeConnection(config: ConfigSnapshot, c: Connection): [string, Record<string, unknown>] {
  return kindOf(c.mode).describe(config, c);
}

/** Preferences are kept per connection (proxy address, or Anthropic direct), so a proxy's aliases do not leak into direct mode. */
export function connectionKey(config: Pick<ConfigSnapshot, 'baseUrl'>): string {
  return config.baseUrl ? `proxy ${config.baseUrl}` : 'anthropic';
}

/** Where the chosen model is kept: per connection, and per profile (two profiles may share a proxy). */
export function modelKey(config: Pick<ConfigSnapshot, 'baseUrl' | 'envPath'>): string {
  const profile = profileOf(config.envPath);
  return profile ? `profile ${profile} ${connectionKey(config)}` : connectionKey(config);
}
