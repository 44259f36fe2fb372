// Terminal widths of text (CJK and emoji take two cells). Apart from i18n/index.ts so that what
// draws no table (`-p`) does not load string-width (~40 ms of regular expressions and ICU data).
import stringWidth from 'string-width';

/** Terminal columns a string takes (CJK and emoji are two). */
export function textWidth(s: string): number {
  return stringWidth(s);
}

/** Pads with spaces to `width` terminal columns (never cuts). */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `s` cut to at most `width` terminal cells, ending in "…" when cut. Used before Ink's own
 * truncation, which can overshoot by a cell when it cuts through a wide (CJK) character — and a
 * line one cell too wide wraps, breaking the layout below it.
 */
export function fit(s: string, width: number): string {
  return stringWidth(s) <= width ? s : cut(s, width);
}

/** `s` shortened to `width - 1` cells and "…" (something after it was left out). */
function cut(s: string, width: number): string {
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Consecutive pieces of one line (each drawn in its own colour) cut together to `width` cells. */
export function fitParts<T extends { text: string }>(parts: readonly T[], width: number): T[] {
  const out: T[] = [];
  let left = width;
  for (const [i, part] of parts.entries()) {
    const w = stringWidth(part.text);
    const rest = parts.slice(i + 1).reduce((n, p) => n + stringWidth(p.text), 0);
    if (w + rest <= left) return [...out, ...parts.slice(i)];
    if (w >= left) return [...out, { ...part, text: cut(part.text, left) }];
    out.push(part);
    left -= w;
  }
  return out;
}
