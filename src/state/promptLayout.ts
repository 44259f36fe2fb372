// Wraps the prompt text into screen rows ourselves (by grapheme and display width) so the caret's
// row and column are exact, CJK and emoji included. Pure.
import stringWidth from 'string-width';
import { graphemes } from './promptBuffer.js';

export interface PromptLayout {
  /** Screen rows of text, each at most `width` cells wide. */
  rows: string[];
  /** Caret row and column (in cells) within `rows`. */
  caret: { row: number; col: number };
}

export function layoutPrompt(text: string, cursor: number, width: number): PromptLayout {
  const w = Math.max(1, width);
  const rows: string[] = [];
  let caret = { row: 0, col: 0 };
  let index = 0;
  const lines = text.split('\n');
  lines.forEach((line, lineNo) => {
    let row = '';
    let rowWidth = 0;
    const place = (): void => {
      if (index !== cursor) return;
      // A caret after a full row sits at the start of the next one.
      caret = rowWidth >= w ? { row: rows.length + 1, col: 0 } : { row: rows.length, col: rowWidth };
    };
    for (const g of graphemes(line)) {
      place();
      const gw = stringWidth(g);
      if (rowWidth + gw > w && row !== '') {
        rows.push(row);
        row = '';
        rowWidth = 0;
        if (index === cursor) caret = { row: rows.length, col: 0 };
      }
      row += g;
      rowWidth += gw;
      index += g.length;
    }
    place();
    rows.push(row);
    if (caret.row === rows.length && index === cursor) rows.push('');
    if (lineNo < lines.length - 1) index += 1; // the newline
  });
  return { rows, caret };
}

/** "› " before the first row, two spaces before the others. */
export const PROMPT_PREFIX = 2;

/**
 * The width the prompt's text wraps at in a terminal `columns` wide: the prefix, and one cell
 * kept free for the caret after a full row. The transcript echoes a sent prompt at the same width,
 * so it wraps exactly as it was typed.
 */
export function promptTextWidth(columns: number): number {
  return Math.max(1, columns - PROMPT_PREFIX - 1);
}

/** The slice of rows to show when the prompt is taller than `maxRows`, keeping the caret in view. */
export function visibleWindow(rowCount: number, caretRow: number, maxRows: number): { start: number; end: number } {
  if (rowCount <= maxRows) return { start: 0, end: rowCount };
  const start = Math.min(Math.max(0, caretRow - maxRows + 1), rowCount - maxRows);
  return { start, end: start + maxRows };
}
