// How a connection is named for the user: in notices, the settings screen, the picker and
// `models` (long), and in the status bar (short). The runtime reports the connection; these word it.
import type { ConfigSnapshot, Connection, RuntimeState } from '../runtime/types.js';
import { en, type Messages } from './en.js';

/** What the app talks to, for the user: an unusable proxy address says so, never "Anthropic direct". */
export function whereLabel(state: { config: Pick<ConfigSnapshot, 'unusableBaseUrl'>; connection: Connection }, m: Messages = en): string {
  return state.config.unusableBaseUrl ? m.status.badAddress : connectionLabel(state.connection, m);
}

/** The connection's long name: the catalog's words for its kind (`connection.<kind id>`). */
export function connectionLabel(c: Connection, m: Messages = en): string {
  return m.connection[c.mode]({ host: c.host ?? '', unreachable: c.unreachable });
}

/** The short name of the connection for the status bar (`status.<kind id>`). */
export function statusLabel(c: Connection, detecting: boolean, m: Messages = en): string {
  return detecting ? m.status.detecting : m.status[c.mode]({ host: c.host ?? '' });
}

/** The settings screen's "now: …": the connection, or that it is being detected. */
export function settingsWhere(rt: Pick<RuntimeState, 'config' | 'connection' | 'detecting'>, m: Messages = en): string {
  if (rt.config.unusableBaseUrl) return whereLabel(rt, m);
  return rt.detecting ? m.settings.connecting : connectionLabel(rt.connection, m);
}
