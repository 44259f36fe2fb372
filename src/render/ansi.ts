// Styled lines: the renderer builds every output line as runs of text with one style each, so it
// can measure plain widths (tables, truncation) and emit either SGR codes or plain text at the end.
import stringWidth from 'string-width';

export const BOLD = 1;
export const DIM = 2;
export const ITALIC = 4;
export const UNDERLINE = 8;
export const STRIKE = 16;

/** A run of text in one style: f holds the flags above, fg an SGR foreground code (0 = default). */
export interface Seg {
  t: string;
  f: number;
  fg: number;
}

export type Line = Seg[];

export function seg(t: string, f = 0, fg = 0): Seg {
  return { t, f, fg };
}

export function spaces(n: number): Seg {
  return seg(n > 0 ? ' '.repeat(n) : '');
}

export function plainText(line: Line): string {
  let s = '';
  for (const x of line) s += x.t;
  return s;
}

/**
 * Terminal columns of plain text, as string-width counts them. Text made only of characters that
 * are always one column (ASCII, Latin, box drawing, bullets, dashes) is counted directly, as
 * string-width's segmenter is the slowest part of rendering a table.
 */
export function textWidth(s: string): number {
  for (let i = 0; i < s.length; i++) if (!isNarrow(s.charCodeAt(i))) return stringWidth(s);
  return s.length;
}

/** A UTF-16 code unit that is a character one column wide on its own (Latin, punctuation, box drawing). */
export function isNarrow(c: number): boolean {
  return (
    (c >= 0x20 && c < 0x7f) ||
    (c >= 0xa0 && c < 0x300 && c !== 0xad) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2500 && c <= 0x259f) ||
    c === 0x25e6
  );
}

export function lineWidth(line: Line): number {
  let w = 0;
  for (const x of line) w += textWidth(x.t);
  return w;
}

/** Adds style flags to every run of a line (e.g. DIM for a blockquote). */
export function withFlags(line: Line, f: number): Line {
  return line.map((x) => seg(x.t, x.f | f, x.fg));
}

/**
 * The line with SGR codes. Attributes are switched off with their own reset codes (22, 23, 24,
 * 29, 39) rather than a full reset, so styles an enclosing Ink <Text> applies survive, and every
 * line ends with nothing left switched on.
 */
export function toSgr(line: Line): string {
  let out = '';
  let f = 0;
  let fg = 0;
  for (const x of line) {
    if (x.t === '') continue;
    if (x.f !== f || x.fg !== fg) {
      out += transition(f, fg, x.f, x.fg);
      f = x.f;
      fg = x.fg;
    }
    out += x.t;
  }
  return out + transition(f, fg, 0, 0);
}

function transition(f0: number, fg0: number, f1: number, fg1: number): string {
  const codes: number[] = [];
  const off = f0 & ~f1;
  let on = f1 & ~f0;
  if (off & (BOLD | DIM)) {
    codes.push(22); // clears both bold and dim
    on |= f1 & (BOLD | DIM);
  }
  if (off & ITALIC) codes.push(23);
  if (off & UNDERLINE) codes.push(24);
  if (off & STRIKE) codes.push(29);
  if (on & BOLD) codes.push(1);
  if (on & DIM) codes.push(2);
  if (on & ITALIC) codes.push(3);
  if (on & UNDERLINE) codes.push(4);
  if (on & STRIKE) codes.push(9);
  if (fg0 !== fg1) codes.push(fg1 === 0 ? 39 : fg1);
  return codes.length === 0 ? '' : `\u001b[${codes.join(';')}m`;
}

const graphemes = new Intl.Segmenter();

/**
 * Cuts a line to at most max terminal columns, ending it with `…` when anything was cut.
 * Cuts only between grapheme clusters, so a surrogate pair, a wide character or an emoji
 * sequence is never split.
 */
export function truncateLine(line: Line, max: number): Line {
  if (lineWidth(line) <= max) return line;
  if (max <= 0) return [];
  const budget = max - 1; // room for the ellipsis
  const out: Line = [];
  let used = 0;
  for (const x of line) {
    const w = textWidth(x.t);
    if (used + w <= budget) {
      out.push(x);
      used += w;
      continue;
    }
    let kept = '';
    for (const { segment } of graphemes.segment(x.t)) {
      const gw = textWidth(segment);
      if (used + gw > budget) break;
      kept += segment;
      used += gw;
    }
    if (kept) out.push(seg(kept, x.f, x.fg));
    out.push(seg('…', x.f, x.fg));
    break;
  }
  return out;
}
