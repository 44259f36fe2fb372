// Reads the preferences file that `conf` keeps ($OPENWORK_HOME/preferences.json) without loading
// conf: start-up needs only a few values, and conf with its schema validator costs ~20 ms to load.
// All writes go through conf (prefs.ts), which owns the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PREFS_FILE = 'preferences.json';

interface Saved {
  models?: Record<string, { selected?: unknown; recent?: unknown }>;
  refusedParams?: Record<string, Record<string, unknown>>;
  lang?: unknown;
  history?: unknown;
}

function read(home: string): Saved {
  try {
    const data: unknown = JSON.parse(readFileSync(join(home, PREFS_FILE), 'utf8'));
    return typeof data === 'object' && data !== null ? (data as Saved) : {};
  } catch {
    return {}; // missing or unreadable: conf starts it afresh on the first write
  }
}

/** The saved model choice for a connection, read from the file now. */
export function savedModels(home: string, connectionKey: string): { selected?: string; recent: string[] } {
  const m = read(home).models?.[connectionKey];
  const recent = Array.isArray(m?.recent) ? m.recent.filter((x): x is string => typeof x === 'string') : [];
  return typeof m?.selected === 'string' ? { selected: m.selected, recent } : { recent };
}

/** The saved UI language, if any. */
export function savedLang(home: string): string | undefined {
  const lang = read(home).lang;
  return typeof lang === 'string' ? lang : undefined;
}

/** The optional request parameters a connection refused for a model (see runtime/optionalParams.ts). */
export function savedRefusedParams(home: string, connectionKey: string, model: string): string[] {
  const list = read(home).refusedParams?.[connectionKey]?.[model];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** The settings' "Save conversations" switch: false when it was turned off. */
export function savedHistory(home: string): boolean | undefined {
  const h = read(home).history;
  return typeof h === 'boolean' ? h : undefined;
}
