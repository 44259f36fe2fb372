// Ctrl+R in the prompt, as in a shell: the newest earlier prompt containing what is typed; Ctrl+R
// again goes further back. Pure helpers for promptState.ts.

export interface ReverseSearch {
  readonly query: string;
  /** Index in the history entries of the prompt shown; undefined: nothing matches (yet). */
  readonly match: number | undefined;
  /** The prompt's text before the search began (Ctrl+G / Esc bring it back). */
  readonly original: string;
}

/** The newest entry at or before `from` that contains `query` (case-insensitive). */
export function findBack(entries: readonly string[], query: string, from: number): number | undefined {
  if (query === '') return undefined;
  const q = query.toLowerCase();
  for (let i = Math.min(from, entries.length - 1); i >= 0; i--) if (entries[i]!.toLowerCase().includes(q)) return i;
  return undefined;
}
