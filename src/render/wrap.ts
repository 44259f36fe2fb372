// Line wrapping for styled lines, in terminal columns (string-width), so replies reach Ink already
// fitted to the width and Ink never has to re-wrap them.
//  - wrapLine: word wrap. Breaks at spaces (the spaces at a break are dropped, so wrapped lines
//    have no trailing space and continuation lines no leading one), and between Chinese or
//    Japanese characters, which are written without spaces (not before closing punctuation such as
//    。」, not after opening punctuation such as 「). A word wider than the line is broken between
//    graphemes.
//  - hardWrap: breaks anywhere between graphemes, keeping every character (code blocks).
// A break never splits a surrogate pair, a wide character or an emoji sequence. Styles live on the
// segments, so every output line is a complete styled line (toSgr balances it).
import { seg, type Line, type Seg } from './ansi.js';
import { graphemes, OPEN, PUNCT, cjkAt, JOINS, unitInfo, charWidth, measure, graphemeWidth, keepsWithPrevious, widthOf, allNarrow } from './cells.js';


/**
 * Greedy line breaking over the text of one styled line. Output lines are ranges of that text
 * (the spaces at a break fall between two ranges), so words cost a few integer updates.
 */
class Breaker {
  readonly out: number[] = []; // start, end of each output line
  ls = -1; // start of the current line, -1 while it is empty
  le = 0; // end of its text (spaces after it are pending)
  lw = 0; // its width up to le
  filled = false; // it holds text, not just the first line's leading spaces
  avail: number;

  constructor(
    readonly t: string,
    first: number,
    readonly rest: number,
  ) {
    this.avail = first;
  }

  /** Places the word t[ws, we) of width w; only spaces lie between the line's end and ws. */
  place(ws: number, we: number, w: number): void {
    if (this.filled) {
      const lw = this.lw + (ws - this.le) + w;
      if (lw <= this.avail) {
        this.le = we;
        this.lw = lw;
        return;
      }
      this.newLine();
    } else if (this.ls >= 0 && this.lw + w > this.avail && w <= this.avail) {
      this.ls = -1; // drop the first line's leading spaces rather than break the word
      this.lw = 0;
    }
    if (this.ls < 0) {
      this.ls = this.le = ws;
      this.lw = 0;
    }
    if (this.lw + w <= this.avail) {
      this.le = we;
      this.lw += w;
      this.filled = true;
    } else {
      this.hard(ws, we);
    }
  }

  newLine(): void {
    this.out.push(this.ls, this.le);
    this.avail = this.rest;
    this.ls = -1;
    this.lw = 0;
    this.filled = false;
  }

  /** Ends the line before a grapheme that does not fit. */
  private breakLine(): void {
    if (this.filled) this.newLine();
    else {
      this.ls = -1;
      this.lw = 0;
    }
  }

  private put(s: number, e: number, w: number): void {
    if (this.ls < 0) this.ls = s;
    this.le = e;
    this.lw += w;
    this.filled = true;
  }

  /** Places t[s, e), breaking between any two graphemes, filling each line. */
  hard(s: number, e: number): void {
    const t = this.t;
    if (allNarrow(t, s, e)) {
      // One code unit = one grapheme = one column.
      let i = s;
      while (i < e) {
        let room = this.avail - this.lw;
        if (room <= 0) {
          this.breakLine();
          room = Math.max(1, this.avail - this.lw);
        }
        const j = Math.min(e, i + room);
        this.put(i, j, j - i);
        i = j;
      }
      return;
    }
    let start = s;
    let w = 0; // width of t[start, at)
    for (const { segment, index } of graphemes.segment(s === 0 && e === t.length ? t : t.slice(s, e))) {
      const at = s + index;
      const gw = graphemeWidth(segment);
      if (this.lw + w + gw > this.avail && (this.filled || this.ls >= 0 || w > 0)) {
        if (at > start) this.put(start, at, w);
        this.breakLine();
        start = at;
        w = 0;
      }
      w += gw; // a grapheme wider than an empty line is placed anyway
    }
    if (e > start) this.put(start, e, w);
  }

  /** The output lines, cut from the styled segments. */
  finish(line: Line): Line[] {
    if (this.filled) this.out.push(this.ls, this.le);
    else if (this.out.length === 0) return [[]];
    const out = this.out;
    if (out.length === 2 && out[0] === 0 && out[1] === this.t.length) return [line];
    const lines: Line[] = [];
    let k = 0; // first segment that may overlap the next range
    let base = 0; // offset of segment k in the text
    for (let r = 0; r < out.length; r += 2) {
      const a = out[r] as number;
      const b = out[r + 1] as number;
      const l: Line = [];
      while (k < line.length) {
        const x = line[k] as Seg;
        const end = base + x.t.length;
        if (end <= a) {
          base = end;
          k++;
          continue;
        }
        if (base >= b) break;
        const s = Math.max(a, base) - base;
        const e = Math.min(b, end) - base;
        l.push(s === 0 && e === x.t.length ? x : seg(x.t.slice(s, e), x.f, x.fg));
        if (end > b) break;
        base = end;
        k++;
      }
      lines.push(l);
    }
    return lines;
  }
}

function joined(line: Line): string {
  if (line.length === 1) return (line[0] as Seg).t;
  let t = '';
  for (const x of line) t += x.t;
  return t;
}

/**
 * Word-wraps a styled line: the first output line at most `first` columns, the others at most
 * `rest` (callers add their own prefixes, e.g. a list item's hanging indent). Always returns at
 * least one line. Lines only exceed the limit when a single grapheme is wider than it.
 */
export function wrapLine(line: Line, first: number, rest: number): Line[] {
  const t = joined(line);
  const n = t.length;
  const b = new Breaker(t, Math.max(1, first), Math.max(1, rest));
  let i = 0;
  while (i < n && t.charCodeAt(i) === 0x20) i++;
  if (i > 0) {
    // Leading spaces of the first line are kept; a continuation line never starts with one.
    b.ls = 0;
    b.le = b.lw = i;
  }
  let ws = i; // start of the current word
  let pw = 0; // its width, while every character in it has a known width
  let complex = false; // it holds characters whose width needs string-width
  let prevCjk = false; // the character before may break on either side (CJK)
  let prevOpen = false; // the character before is opening punctuation
  while (i < n) {
    let c = t.charCodeAt(i);
    if (c > 0x20 && c < 0x7f && !prevCjk) {
      // The common case: a run of printable ASCII, no break opportunity inside.
      let j = i + 1;
      while (j < n && (c = t.charCodeAt(j)) > 0x20 && c < 0x7f) j++;
      pw += j - i;
      prevOpen = ((PUNCT[t.charCodeAt(j - 1)] as number) & OPEN) !== 0;
      i = j;
      continue;
    }
    if (c === 0x20) {
      if (i > ws) b.place(ws, i, complex ? measure(t.slice(ws, i)) : pw);
      while (i < n && t.charCodeAt(i) === 0x20) i++;
      ws = i;
      pw = 0;
      complex = prevCjk = prevOpen = false;
      continue;
    }
    const k = c >= 0x2e80 ? cjkAt(t, i, c) : 0;
    if ((k > 0 || prevCjk) && !prevOpen && i > ws && !keepsWithPrevious(t, i, c)) {
      // A break opportunity between two characters with no space.
      b.place(ws, i, complex ? measure(t.slice(ws, i)) : pw);
      ws = i;
      pw = 0;
      complex = false;
    }
    if (k === 1) {
      pw += charWidth(c);
      i++;
    } else if (k === 2) {
      pw += 2;
      i += 2;
    } else {
      const v = c < 0x7f ? 2 : unitInfo(c);
      if (v === JOINS) complex = true;
      else pw += v - 1;
      i++;
    }
    prevCjk = k > 0;
    prevOpen = ((PUNCT[c] as number) & OPEN) !== 0;
  }
  if (n > ws) b.place(ws, n, complex ? measure(t.slice(ws, n)) : pw);
  return b.finish(line);
}

/** Breaks a styled line into lines of at most `width` columns anywhere between graphemes. */
export function hardWrap(line: Line, width: number): Line[] {
  const w = Math.max(1, width);
  const t = joined(line);
  if (widthOf(t) <= w) return [line];
  const b = new Breaker(t, w, w);
  b.hard(0, t.length);
  return b.finish(line);
}
