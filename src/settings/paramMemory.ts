// The runtime's memory of refused optional parameters, kept in preferences.json: read from the file
// when a request is made (no conf at start-up), written through conf (prefs.ts) when one is refused.
import type { ParamMemory } from '../runtime/optionalParams.js';
import type { Prefs } from './prefs.js';
import { savedRefusedParams } from './prefsFile.js';

export interface StoredParamMemory extends ParamMemory {
  /** Resolves when every write so far is on disk (a headless command waits for it before it exits). */
  settled(): Promise<void>;
}

export function prefsParamMemory(home: string, prefs: () => Promise<Prefs>): StoredParamMemory {
  let pending: Promise<void> = Promise.resolve();
  return {
    refused: (connection, model) => savedRefusedParams(home, connection, model),
    remember(connection, model, param) {
      pending = pending.then(() => prefs().then((p) => p.rememberRefusedParam(connection, model, param))).catch(() => {});
    },
    settled: () => pending,
  };
}
