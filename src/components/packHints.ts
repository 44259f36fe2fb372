// Key hints ("↑↓ move", "Esc close", …) laid out on as few lines as fit the width, never cut: a
// hint at the end of a line (often "Esc close") must stay visible on a narrow terminal. Pure.
import { textWidth } from '../i18n/width.js';

const SEP = ' · ';

/** Greedy packing of `hints` into lines at most `width` cells wide (a hint wider than that gets a line of its own). */
export function packHints(hints: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const h of hints) {
    if (line === '') line = h;
    else if (textWidth(line) + textWidth(SEP) + textWidth(h) <= width) line += SEP + h;
    else {
      lines.push(line);
      line = h;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
