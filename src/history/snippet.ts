// A search hit's snippet: about 90 columns from a little before the first word of the query that
// matches, cut in JS from the message (FTS5's snippet() with a rowid filter walked a common word's
// list per hit). Widths count Chinese and Japanese as two columns, so the hit stays in view.
import { cellWidth } from './scripts.js';

/** A piece of a search snippet; `hit` marks the words that matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Columns before the hit, and in all. */
const BEFORE = 30;
const WINDOW = 90;

/** The code point ending just before `i` (a surrogate pair counts once). */
function before(s: string, i: number): { cp: number; at: number } {
  const lo = s.charCodeAt(i - 1);
  const at = lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return { cp: s.codePointAt(at)!, at };
}

/**
 * The matching words marked in a piece of `text` around the first of them. A word marks what it
 * starts (the rest of a prefix) unless `exact` (in-word hits: only the letters that matched).
 */
export function cutSnippet(text: string, words: string[], exact = false): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let at = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  let start = Math.max(0, at);
  for (let cols = 0; start > 0 && cols < BEFORE; ) {
    const { cp, at: prev } = before(flat, start);
    cols += cellWidth(cp);
    start = prev;
  }
  const space = start > 0 ? flat.indexOf(' ', start) : -1;
  if (space >= 0 && space < at) start = space + 1; // from a whole word when there are spaces
  let end = start;
  for (let cols = 0; end < flat.length && cols < WINDOW; ) {
    const cp = flat.codePointAt(end)!;
    cols += cellWidth(cp);
    end += cp > 0xffff ? 2 : 1;
  }
  const piece = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  const out: SnippetPart[] = [];
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = words.length ? new RegExp(words.map((w) => `${escape(w)}${exact ? '' : '[\\p{L}\\p{N}]*'}`).join('|'), 'giu') : undefined;
  let last = 0;
  for (const m of re ? piece.matchAll(re) : []) {
    if (m.index! > last) out.push({ text: piece.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index! + m[0].length;
  }
  if (last < piece.length) out.push({ text: piece.slice(last), hit: false });
  return out;
}
