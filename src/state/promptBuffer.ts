// The prompt's text and caret, edited by grapheme so a surrogate pair, an emoji sequence or a
// CJK character is never split. Pure functions over an immutable value.

export interface PromptBuffer {
  readonly text: string;
  /** Caret as a UTF-16 index into text, always on a grapheme boundary. */
  readonly cursor: number;
}

export const EMPTY_BUFFER: PromptBuffer = { text: '', cursor: 0 };

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Graphemes are short; looking this far around the caret is enough to find the boundary. */
const WINDOW = 256;

/** Index of the grapheme boundary just before `index` (0 at the start). */
export function prevBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  const start = Math.max(0, index - WINDOW);
  let last = start;
  for (const seg of segmenter.segment(text.slice(start, index))) last = start + seg.index;
  return last;
}

/** Index of the grapheme boundary just after `index` (text.length at the end). */
export function nextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const first = segmenter.segment(text.slice(index, index + WINDOW))[Symbol.iterator]().next();
  if (first.done) return text.length;
  return index + first.value.segment.length;
}

/** Split text into graphemes. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

export function bufferFrom(text: string): PromptBuffer {
  return { text, cursor: text.length };
}

export function insertText(b: PromptBuffer, s: string): PromptBuffer {
  if (s === '') return b;
  return { text: b.text.slice(0, b.cursor) + s + b.text.slice(b.cursor), cursor: b.cursor + s.length };
}

export function moveLeft(b: PromptBuffer): PromptBuffer {
  return { ...b, cursor: prevBoundary(b.text, b.cursor) };
}

export function moveRight(b: PromptBuffer): PromptBuffer {
  return { ...b, cursor: nextBoundary(b.text, b.cursor) };
}

function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

function lineEnd(text: string, i: number): number {
  const n = text.indexOf('\n', i);
  return n === -1 ? text.length : n;
}

/** Home / Ctrl+A: start of the current line. */
export function moveLineStart(b: PromptBuffer): PromptBuffer {
  return { ...b, cursor: lineStart(b.text, b.cursor) };
}

/** End / Ctrl+E: end of the current line. */
export function moveLineEnd(b: PromptBuffer): PromptBuffer {
  return { ...b, cursor: lineEnd(b.text, b.cursor) };
}

/** Column (in graphemes) of the caret in its line. */
function graphemeColumn(text: string, start: number, cursor: number): number {
  return graphemes(text.slice(start, cursor)).length;
}

function indexAtColumn(text: string, start: number, end: number, col: number): number {
  let i = start;
  for (let c = 0; c < col && i < end; c++) i = nextBoundary(text, i);
  return Math.min(i, end);
}

/** Up within a multi-line prompt; undefined when already on the first line. */
export function moveUp(b: PromptBuffer): PromptBuffer | undefined {
  const start = lineStart(b.text, b.cursor);
  if (start === 0) return undefined;
  const col = graphemeColumn(b.text, start, b.cursor);
  const prevStart = lineStart(b.text, start - 1);
  return { ...b, cursor: indexAtColumn(b.text, prevStart, start - 1, col) };
}

/** Down within a multi-line prompt; undefined when already on the last line. */
export function moveDown(b: PromptBuffer): PromptBuffer | undefined {
  const end = lineEnd(b.text, b.cursor);
  if (end === b.text.length) return undefined;
  const col = graphemeColumn(b.text, lineStart(b.text, b.cursor), b.cursor);
  const nextStart = end + 1;
  return { ...b, cursor: indexAtColumn(b.text, nextStart, lineEnd(b.text, nextStart), col) };
}

export function backspace(b: PromptBuffer): PromptBuffer {
  if (b.cursor === 0) return b;
  const p = prevBoundary(b.text, b.cursor);
  return { text: b.text.slice(0, p) + b.text.slice(b.cursor), cursor: p };
}

export function deleteForward(b: PromptBuffer): PromptBuffer {
  if (b.cursor >= b.text.length) return b;
  const n = nextBoundary(b.text, b.cursor);
  return { text: b.text.slice(0, b.cursor) + b.text.slice(n), cursor: b.cursor };
}

/** Ctrl+U: delete from the start of the line to the caret (or the newline before it). */
export function killToLineStart(b: PromptBuffer): PromptBuffer {
  let start = lineStart(b.text, b.cursor);
  if (start === b.cursor && start > 0) start -= 1;
  return { text: b.text.slice(0, start) + b.text.slice(b.cursor), cursor: start };
}

/** Ctrl+K: delete from the caret to the end of the line (or the newline after it). */
export function killToLineEnd(b: PromptBuffer): PromptBuffer {
  let end = lineEnd(b.text, b.cursor);
  if (end === b.cursor && end < b.text.length) end += 1;
  return { text: b.text.slice(0, b.cursor) + b.text.slice(end), cursor: b.cursor };
}

const isSpace = (g: string): boolean => /^\s+$/u.test(g);

/** Start of the word before the caret (skips spaces first, like readline). */
function wordStartBefore(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0) {
    const p = prevBoundary(text, i);
    if (!isSpace(text.slice(p, i))) break;
    i = p;
  }
  while (i > 0) {
    const p = prevBoundary(text, i);
    if (isSpace(text.slice(p, i))) break;
    i = p;
  }
  return i;
}

function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length) {
    const n = nextBoundary(text, i);
    if (!isSpace(text.slice(i, n))) break;
    i = n;
  }
  while (i < text.length) {
    const n = nextBoundary(text, i);
    if (isSpace(text.slice(i, n))) break;
    i = n;
  }
  return i;
}

/** Ctrl+W / Alt+Backspace: delete the word before the caret. */
export function deleteWordBack(b: PromptBuffer): PromptBuffer {
  const start = wordStartBefore(b.text, b.cursor);
  return { text: b.text.slice(0, start) + b.text.slice(b.cursor), cursor: start };
}

export function moveWordLeft(b: PromptBuffer): PromptBuffer {
  return { ...b, cursor: wordStartBefore(b.text, b.cursor) };
}

export function moveWordRight(b: PromptBuffer): PromptBuffer {
  return { ...b, cursor: wordEndAfter(b.text, b.cursor) };
}
