// Fuzzy matching for pickers: the query must appear in order (a subsequence, case-insensitive);
// the score rewards runs of adjacent letters, matches at word starts and at the very start. Pure.

export interface FuzzyMatch {
  score: number;
  /** Indices (UTF-16) of the matched characters in the candidate, for highlighting. */
  positions: number[];
}

const MATCH = 1;
const CONSECUTIVE = 6;
const WORD_START = 8;
const PREFIX = 6;
const GAP = 0.5; // per skipped character between two matches
const LENGTH = 0.05; // per character of the candidate: shorter wins a tie

const isSeparator = (ch: string | undefined): boolean => ch === undefined || /[\s\-_/.:@]/.test(ch);
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Word starts: after a separator, and where letters turn into digits or back (sonnet45 → 4). */
function wordStart(text: string, i: number): boolean {
  const prev = text[i - 1];
  if (isSeparator(prev)) return true;
  return isDigit(text[i]) !== isDigit(prev);
}

/**
 * The best way to match `query` inside `candidate`, or undefined when it does not match.
 * Whitespace in the query is ignored ("son 45" matches "claude-sonnet-4-5"). The empty query
 * matches everything with score 0.
 */
export function fuzzyMatch(query: string, candidate: string): FuzzyMatch | undefined {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return { score: 0, positions: [] };
  const c = candidate.toLowerCase();
  const m = q.length;
  const n = c.length;
  if (m > n) return undefined;
  // best[i][j]: the best score with q[0..i] matched and q[i] at c[j]; from[i][j]: where q[i-1] sat.
  const best: number[][] = [];
  const from: number[][] = [];
  for (let i = 0; i < m; i++) {
    const row = new Array<number>(n).fill(-Infinity);
    const back = new Array<number>(n).fill(-1);
    for (let j = i; j < n; j++) {
      if (c[j] !== q[i]) continue;
      const bonus = MATCH + (wordStart(c, j) ? WORD_START : 0) + (j === 0 ? PREFIX : 0);
      if (i === 0) {
        row[j] = bonus - GAP * j * 0.2; // a late first match costs a little
        continue;
      }
      const prev = best[i - 1]!;
      for (let k = i - 1; k < j; k++) {
        const p = prev[k]!;
        if (p === -Infinity) continue;
        const s = p + bonus + (k === j - 1 ? CONSECUTIVE : -GAP * (j - k - 1));
        if (s > row[j]!) {
          row[j] = s;
          back[j] = k;
        }
      }
    }
    best.push(row);
    from.push(back);
  }
  const last = best[m - 1]!;
  let end = -1;
  for (let j = 0; j < n; j++) if (last[j]! > (end < 0 ? -Infinity : last[end]!)) end = j;
  if (end < 0 || last[end] === -Infinity) return undefined;
  const positions: number[] = [];
  for (let i = m - 1, j = end; i >= 0; i--) {
    positions.unshift(j);
    j = from[i]![j]!;
  }
  const exact = q === c ? 100 : 0;
  return { score: last[end]! + exact - LENGTH * n, positions };
}
