// Why history cannot be used, in words the UI and the CLI can say. Small on purpose: the chat's
// first frame imports it (the database itself loads later, from open.ts).
import type { Messages } from '../i18n/index.js';

export type HistoryProblem =
  | { kind: 'off' } // OPENWORK_HISTORY=off or the settings switch
  | { kind: 'newer'; version: number } // written by a newer openwork-tui
  | { kind: 'corrupt'; detail: string } // not a database, or a damaged one
  | { kind: 'busy' } // another instance held it for longer than BUSY_TIMEOUT_MS
  | { kind: 'unavailable'; detail: string }; // the native module did not load, the folder is not writable…

/** OPENWORK_HISTORY=off (or 0, false, no) turns history off for this run. */
export function historyOffByEnv(env: NodeJS.ProcessEnv): boolean {
  return /^(off|0|false|no)$/i.test(env.OPENWORK_HISTORY?.trim() ?? '');
}

function sqliteCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

/** What a failure on open (or later) means for the user. */
export function classify(err: unknown): HistoryProblem {
  const code = sqliteCode(err) ?? '';
  const detail = err instanceof Error ? err.message : String(err);
  if (code === 'OPENWORK_NEWER') return { kind: 'newer', version: (err as { version: number }).version };
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return { kind: 'corrupt', detail };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { kind: 'busy' };
  return { kind: 'unavailable', detail };
}


/** The reason history cannot be used, in words (shared with the chat's line). */
export function problemText(p: HistoryProblem, path: string, m: Messages): string {
  const w = m.history.why;
  switch (p.kind) {
    case 'off':
      return w.off;
    case 'corrupt':
      return w.corrupt({ path });
    case 'newer':
      return w.newer({ path, version: p.version });
    case 'busy':
      return w.busy({ path });
    case 'unavailable':
      return w.unavailable({ path, detail: p.detail });
  }
}

