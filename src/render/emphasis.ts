// Emphasis for the inline renderer: CommonMark delimiter runs (left/right-flanking) and its
// "process emphasis" pass, so `2 * 3 * 4` and snake_case_names stay literal.
import { BOLD, ITALIC, STRIKE } from './ansi.js';

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

export interface Delim {
  k: 'delim';
  ch: string;
  n: number; // delimiters not used yet
  orig: number;
  pos: number;
  open: boolean;
  close: boolean;
  on: number[]; // styles this run opens, outermost first
  off: number[]; // styles this run closes, innermost first
}

function codePointBefore(src: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const lo = src.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) return src.slice(i - 2, i);
  return src[i - 1];
}

function codePointAt(src: string, i: number): string | undefined {
  const cp = src.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** A delimiter run src[i..j) with CommonMark's left/right-flanking rules. */
export function delimRun(src: string, ch: string, i: number, j: number): Delim {
  const before = codePointBefore(src, i);
  const after = codePointAt(src, j);
  const wsBefore = before === undefined || WHITESPACE.test(before);
  const wsAfter = after === undefined || WHITESPACE.test(after);
  const punctBefore = !wsBefore && PUNCTUATION.test(before as string);
  const punctAfter = !wsAfter && PUNCTUATION.test(after as string);
  const left = !wsAfter && (!punctAfter || wsBefore || punctBefore);
  const right = !wsBefore && (!punctBefore || wsAfter || punctAfter);
  const open = ch === '_' ? left && (!right || punctBefore) : left;
  const close = ch === '_' ? right && (!left || punctAfter) : right;
  return { k: 'delim', ch, n: j - i, orig: j - i, pos: i, open, close, on: [], off: [] };
}

/** CommonMark's "process emphasis", with openers_bottom so unmatched runs stay linear. */
export function matchEmphasis(stack: Delim[]): void {
  const bottom = new Map<string, number>();
  let k = 0;
  while (k < stack.length) {
    const closer = stack[k] as Delim;
    if (!closer.close || closer.n === 0) {
      k++;
      continue;
    }
    const key = `${closer.ch}${closer.orig % 3}${closer.open ? 1 : 0}`;
    const floor = bottom.get(key) ?? -1;
    let found = -1;
    for (let o = k - 1; o >= 0; o--) {
      const d = stack[o] as Delim;
      if (d.pos <= floor) break;
      if (d.ch !== closer.ch || !d.open || d.n === 0) continue;
      if (d.ch === '~' && d.orig !== closer.orig) continue;
      const oddMatch =
        (d.close || closer.open) && (d.orig + closer.orig) % 3 === 0 && (d.orig % 3 !== 0 || closer.orig % 3 !== 0);
      if (oddMatch) continue;
      found = o;
      break;
    }
    if (found < 0) {
      bottom.set(key, closer.pos - 1);
      if (!closer.open) stack.splice(k, 1);
      else k++;
      continue;
    }
    const opener = stack[found] as Delim;
    const use = closer.ch === '~' ? 2 : opener.n >= 2 && closer.n >= 2 ? 2 : 1;
    const style = closer.ch === '~' ? STRIKE : use === 2 ? BOLD : ITALIC;
    opener.n -= use;
    closer.n -= use;
    opener.on.unshift(style);
    closer.off.push(style);
    stack.splice(found + 1, k - found - 1); // runs between them can no longer match
    k = found + 1;
    if (opener.n === 0) {
      stack.splice(found, 1);
      k--;
    }
    if (closer.n === 0) stack.splice(k, 1);
  }
}
