// GFM tables laid out in terminal columns (string-width), so CJK and emoji cells line up. When the
// table is wider than the screen the widest columns shrink first and cells end in `…`.
import { BOLD, DIM, lineWidth, seg, spaces, truncateLine, type Line } from './ansi.js';
import { renderInline } from './inline.js';

export type Align = 'left' | 'center' | 'right';

const SEP = ' │ ';
const SEP_WIDTH = 3;

/** Cells of a table row; `\|` does not split (the inline renderer unescapes it later). */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x7c) {
      cells.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  cells.push(s.slice(start).trim());
  return cells;
}

/** The alignments of a delimiter row such as `|:--|:-:|--:|`, or undefined if it is not one. */
export function parseDelimiterRow(line: string): Align[] | undefined {
  if (!line.includes('|')) return undefined;
  const aligns: Align[] = [];
  for (const cell of splitRow(line)) {
    const left = cell.startsWith(':');
    const right = cell.length > 1 && cell.endsWith(':');
    const dashes = cell.slice(left ? 1 : 0, right ? -1 : undefined);
    if (dashes.length === 0 || !/^-+$/.test(dashes)) return undefined;
    aligns.push(left && right ? 'center' : right ? 'right' : 'left');
  }
  return aligns;
}

/** Header cell texts + alignment + body rows → styled lines, each at most maxWidth columns wide. */
export function renderTable(header: string[], aligns: Align[], rows: string[][], maxWidth: number): Line[] {
  const cols = aligns.length;
  const grid = [header, ...rows].map((row, r) =>
    aligns.map((_, c) => {
      const line = cellLine(row[c] ?? '', r === 0 ? BOLD : 0);
      return { line, width: lineWidth(line) };
    }),
  );
  const natural = aligns.map((_, c) => grid.reduce((m, row) => Math.max(m, row[c]?.width ?? 0), 1));
  const widths = fitWidths(natural, maxWidth - SEP_WIDTH * (cols - 1));
  const tooWide = widths.reduce((a, b) => a + b, 0) + SEP_WIDTH * (cols - 1) > maxWidth;
  const lines: Line[] = [];
  grid.forEach((row, r) => {
    const line: Line = [];
    row.forEach((cell, c) => {
      const w = widths[c] as number;
      if (c > 0) line.push(seg(SEP, DIM));
      if (cell.width <= w) line.push(...pad(cell.line, w - cell.width, aligns[c] as Align));
      else {
        const cut = truncateLine(cell.line, w);
        line.push(...pad(cut, w - lineWidth(cut), aligns[c] as Align));
      }
    });
    lines.push(line);
    if (r === 0) lines.push([seg(widths.map((w) => '─'.repeat(w)).join('─┼─'), DIM)]);
  });
  // Only when not even one column per cell fits: cut whole rows.
  return tooWide ? lines.map((l) => truncateLine(l, maxWidth)) : lines;
}

function cellLine(text: string, f: number): Line {
  return renderInline(text.replace(/<br\s*\/?>/gi, ' '), f).flat();
}

/**
 * Column widths that fit in budget: caps the widest columns at the largest width T for which
 * sum(min(w, T)) fits, then hands leftover columns back to the capped ones.
 */
export function fitWidths(natural: number[], budget: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= budget) return natural;
  if (budget < natural.length) return natural.map(() => 1);
  const capped = (t: number): number => natural.reduce((a, w) => a + Math.min(w, t), 0);
  let lo = 1;
  let hi = Math.max(...natural);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (capped(mid) <= budget) lo = mid;
    else hi = mid - 1;
  }
  let left = budget - capped(lo);
  return natural.map((w) => {
    if (w <= lo) return w;
    if (left > 0) {
      left--;
      return lo + 1;
    }
    return lo;
  });
}

function pad(cell: Line, gap: number, align: Align): Line {
  if (gap <= 0) return cell;
  if (align === 'right') return [spaces(gap), ...cell];
  if (align === 'center') {
    const before = Math.floor(gap / 2);
    return [spaces(before), ...cell, spaces(gap - before)];
  }
  return [...cell, spaces(gap)];
}
