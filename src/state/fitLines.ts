// Screen-line arithmetic for the live region: hard-wrap (ANSI-aware) so every line fits the width,
// then keep only the tail that fits the height. With every line <= width, Ink does not re-wrap,
// so the line count is exact and the live region never grows taller than the terminal.
import stringWidth from 'string-width';
import { graphemes } from './promptBuffer.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;:?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

/** Split one line (which may hold SGR colour codes) into pieces at most `width` cells wide. */
export function hardWrap(line: string, width: number): string[] {
  const w = Math.max(1, width);
  if (stringWidth(line) <= w) return [line];
  const out: string[] = [];
  let current = '';
  let cells = 0;
  let last = 0;
  const addText = (text: string): void => {
    for (const g of graphemes(text)) {
      const gw = stringWidth(g);
      if (cells + gw > w && cells > 0) {
        out.push(current);
        current = '';
        cells = 0;
      }
      current += g;
      cells += gw;
    }
  };
  for (const m of line.matchAll(ANSI)) {
    addText(line.slice(last, m.index));
    current += m[0];
    last = m.index + m[0].length;
  }
  addText(line.slice(last));
  out.push(current);
  // Colour codes are carried on the piece where they appear; close them at each break.
  return out.map((piece, i) => (i < out.length - 1 && piece.includes('\x1b[') ? `${piece}\x1b[0m` : piece));
}

export function fitWidth(lines: readonly string[], width: number): string[] {
  return lines.flatMap((l) => hardWrap(l, width));
}

/** The last `maxLines` lines, with a marker line when some are hidden. */
export function tailLines(lines: readonly string[], maxLines: number): { lines: string[]; hidden: number } {
  const max = Math.max(1, maxLines);
  if (lines.length <= max) return { lines: [...lines], hidden: 0 };
  const keep = max - 1;
  return { lines: keep > 0 ? lines.slice(-keep) : [], hidden: lines.length - keep };
}
