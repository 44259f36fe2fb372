// Markdown → terminal text for assistant replies. Pure: a string in, a string out (SGR codes only
// when colour is on), for an Ink <Text>. Every line fits the width, so Ink never re-wraps a reply:
// text keeps the model's line breaks and is word-wrapped (list items and quotes with a hanging
// indent), code lines are broken hard, tables are laid out to the width.
import {
  BOLD,
  DIM,
  UNDERLINE,
  lineWidth,
  plainText,
  seg,
  spaces,
  textWidth,
  toSgr,
  withFlags,
  type Line,
  type Seg,
} from './ansi.js';
import { atxHeading, closesFence, expandTabs, isRule, leadingSpaces, listItem, openFence } from './blocks.js';
import { highlightCode } from './highlight.js';
import { renderInline } from './inline.js';
import { stripControl } from './sanitize.js';
import { parseDelimiterRow, renderTable, splitRow } from './table.js';
import { hardWrap, wrapLine } from './wrap.js';

export interface RenderOptions {
  /** Terminal columns available: no output line is wider (string-width). */
  width: number;
  /** false (NO_COLOR): no escape codes at all, same layout. */
  color: boolean;
}

const MAX_RULE = 80;
const MAX_QUOTE_DEPTH = 8;
const MARKER_FG = 36;
const HEADING_FG = [35, 35, 36, 36, 36, 36];

export function renderMarkdown(md: string, opts: RenderOptions): string {
  const width = Number.isFinite(opts.width) && opts.width >= 1 ? Math.floor(opts.width) : 80;
  const ctx: Context = { tight: false };
  let lines = renderBlocks(expandTabs(stripControl(md)).split('\n'), width, 0, ctx);
  // Indents (nested lists, quotes) wider than a very narrow screen: break what still overflows.
  if (ctx.tight) lines = lines.flatMap((l) => (lineWidth(l) > width ? hardWrap(l, width) : [l]));
  return lines.map(opts.color ? toSgr : plainText).join('\n');
}

interface Context {
  /** Some block had less than two columns left after its indent, so a line may overflow. */
  tight: boolean;
  /** renderMarkdownParts: the top-level code blocks, each left in the output as a placeholder line. */
  apart?: Line[][];
}

/** A flag no style uses: the placeholder line of a code block set apart (its index in `fg`). */
const CODE_PART = 1 << 12;
const isPlaceholder = (l: Line): boolean => l.length === 1 && (l[0] as Seg).f === CODE_PART;
const RULE = 40;

/** A reply as the chat draws it: text (already fitted to the width) and code blocks set apart. */
export type ReplyPart = { kind: 'text'; text: string } | { kind: 'code'; lines: string[]; width: number };

/**
 * Like renderMarkdown, but each top-level code block comes apart, for a view that draws it at the
 * left margin with nothing added inside: a rule with the language above, one below, and its lines
 * whole — never wrapped, so the terminal soft-wraps a long one and a mouse selection of the rows is
 * the code as written (test/e2e/copy.e2e.test.ts). Code in a quote stays inside the quote.
 */
export function renderMarkdownParts(md: string, opts: RenderOptions): ReplyPart[] {
  const width = Number.isFinite(opts.width) && opts.width >= 1 ? Math.floor(opts.width) : 80;
  const ctx: Context = { tight: false, apart: [] };
  let lines = renderBlocks(expandTabs(stripControl(md)).split('\n'), width, 0, ctx);
  if (ctx.tight) lines = lines.flatMap((l) => (!isPlaceholder(l) && lineWidth(l) > width ? hardWrap(l, width) : [l]));
  const fmt = opts.color ? toSgr : plainText;
  const parts: ReplyPart[] = [];
  let text: string[] = [];
  const flushText = () => {
    if (text.length) parts.push({ kind: 'text', text: text.join('\n') });
    text = [];
  };
  for (const l of lines) {
    if (!isPlaceholder(l)) {
      text.push(fmt(l));
      continue;
    }
    flushText();
    const block = (ctx.apart as Line[][])[(l[0] as Seg).fg] as Line[];
    parts.push({ kind: 'code', lines: block.map(fmt), width: Math.max(...block.map(lineWidth)) });
  }
  flushText();
  return parts;
}

/** A code block set apart: its rules and its highlighted lines, whole. */
function codeApart(code: string[], lang: string, width: number): Line[] {
  const rule = Math.min(RULE, Math.max(1, width));
  const label = `── ${lang || 'code'} `;
  const top: Line = [seg(label, DIM), seg('─'.repeat(Math.max(0, rule - textWidth(label))), DIM)];
  return [top, ...highlightCode(code.join('\n'), lang), [seg('─'.repeat(rule), DIM)]];
}

interface ListLevel {
  indent: number; // source column of the marker
  contentCol: number; // output column of the item's text
}

interface Paragraph {
  lines: string[];
  first: Line; // prefix of the first line (a list marker)
  col: number; // indentation of the following lines
  setext: boolean; // may become a setext heading
}

function renderBlocks(lines: string[], width: number, depth: number, ctx: Context): Line[] {
  const out: Line[] = [];
  const list: ListLevel[] = [];
  let para: Paragraph | undefined;
  let gap = false; // a blank line is due before the next output line

  const push = (line: Line): void => {
    if (gap && out.length > 0) out.push([]);
    gap = false;
    out.push(line);
  };
  /** Columns left after an indent (at least 1). */
  const room = (n: number): number => {
    if (n < 2) ctx.tight = true;
    return Math.max(1, n);
  };
  /** Word-wraps lines of text; continuation lines are indented `col` (a hanging indent). */
  const pushText = (text: Line[], first: Line, col: number): void => {
    const firstWidth = lineWidth(first);
    const rest = room(width - col);
    text.forEach((l, k) => {
      wrapLine(l, k === 0 ? room(width - firstWidth) : rest, rest).forEach((r, m) => {
        if (k === 0 && m === 0) push(first.length > 0 ? [...first, ...r] : r);
        else push(r.length > 0 && col > 0 ? [spaces(col), ...r] : r);
      });
    });
  };
  const flush = (): void => {
    if (!para) return;
    const p = para;
    para = undefined;
    pushText(renderInline(p.lines.join('\n')), p.first, p.col);
  };
  /** Output column for a block indented `indent` columns; an unindented block ends the list. */
  const columnFor = (indent: number): number => {
    if (indent === 0) list.length = 0;
    for (let k = list.length - 1; k >= 0; k--) {
      const level = list[k] as ListLevel;
      if (level.indent < indent) return level.contentCol;
    }
    return 0;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const indent = leadingSpaces(line);
    const text = line.slice(indent).trimEnd();
    if (text === '') {
      flush();
      gap = true;
      i++;
      continue;
    }

    const fence = openFence(line);
    if (fence) {
      flush();
      const col = columnFor(indent) + 2;
      let j = i + 1;
      while (j < lines.length && !closesFence(lines[j] as string, fence)) j++;
      const code = lines.slice(i + 1, j).map((l) => l.slice(Math.min(fence.indent, leadingSpaces(l))));
      if (j === lines.length) while (code.length > 0 && code[code.length - 1]?.trim() === '') code.pop();
      if (code.length > 0 && ctx.apart && depth === 0) {
        push([seg('', CODE_PART, ctx.apart.length)]);
        ctx.apart.push(codeApart(code, fence.lang, width));
      } else if (code.length > 0) {
        const avail = room(width - col);
        for (const l of highlightCode(code.join('\n'), fence.lang)) {
          if (l.length === 0) push([]);
          else for (const r of hardWrap(l, avail)) push([spaces(col), ...r]);
        }
      }
      i = j + 1; // past the closing fence; an unterminated fence runs to the end
      continue;
    }

    if (para?.setext && indent <= 3 && /^(?:={3,}|-{3,})$/.test(text)) {
      const level = text.startsWith('=') ? 1 : 2;
      const p = para;
      para = undefined;
      pushText(renderInline(p.lines.join('\n'), headingFlags(level), HEADING_FG[level - 1]), [], 0);
      i++;
      continue;
    }

    const heading = indent <= 3 ? atxHeading(text) : undefined;
    if (heading) {
      flush();
      list.length = 0;
      const { level } = heading;
      pushText(renderInline(heading.text, headingFlags(level), HEADING_FG[level - 1]), [], 0);
      i++;
      continue;
    }

    if (indent <= 3 && isRule(text)) {
      flush();
      const col = columnFor(indent);
      push([spaces(col), seg('─'.repeat(Math.min(MAX_RULE, room(width - col))), DIM)]);
      i++;
      continue;
    }

    if (text.startsWith('>')) {
      flush();
      const col = columnFor(indent);
      let j = i;
      const inner: string[] = [];
      while (j < lines.length && (lines[j] as string).trimStart().startsWith('>')) {
        const t = (lines[j] as string).trimStart().slice(1);
        inner.push(t.startsWith(' ') ? t.slice(1) : t);
        j++;
      }
      const avail = room(width - col - 2);
      const body =
        depth < MAX_QUOTE_DEPTH
          ? renderBlocks(inner, avail, depth + 1, ctx)
          : inner.flatMap((t) => wrapLine([seg(t)], avail, avail));
      for (const l of body) {
        push([spaces(col), seg(l.length > 0 ? '│ ' : '│', DIM), ...withFlags(l, DIM)]);
      }
      i = j;
      continue;
    }

    const item = listItem(text);
    if (item) {
      flush();
      while (list.length > 0 && (list[list.length - 1] as ListLevel).indent > indent) list.pop();
      if (list.length > 0 && (list[list.length - 1] as ListLevel).indent === indent) list.pop();
      const col = list.length > 0 ? (list[list.length - 1] as ListLevel).contentCol : 0;
      const marker = item.ordered ? item.marker : list.length % 2 === 0 ? '•' : '◦';
      const contentCol = col + textWidth(marker) + 1;
      list.push({ indent, contentCol });
      const first = [spaces(col), seg(marker, 0, MARKER_FG), seg(item.rest ? ' ' : '')];
      para = { lines: [item.rest], first, col: contentCol, setext: false };
      i++;
      continue;
    }

    const next = lines[i + 1];
    if (text.includes('|') && next !== undefined) {
      const header = splitRow(text);
      const aligns = parseDelimiterRow(next);
      if (aligns && aligns.length === header.length) {
        flush();
        const col = columnFor(indent);
        let j = i + 2;
        const rows: string[][] = [];
        while (j < lines.length && (lines[j] as string).includes('|') && (lines[j] as string).trim() !== '') {
          rows.push(splitRow(lines[j] as string));
          j++;
        }
        for (const l of renderTable(header, aligns, rows, room(width - col))) push([spaces(col), ...l]);
        i = j;
        continue;
      }
    }

    // Paragraph text. Without a blank line before it, it continues the open paragraph (or list item).
    if (para && !gap) {
      para.lines.push(text);
    } else {
      flush();
      const col = gap || indent > 0 ? columnFor(indent) : lastContentCol(list);
      para = { lines: [text], first: [spaces(col)], col, setext: list.length === 0 };
    }
    i++;
  }
  flush();
  return out;
}

function lastContentCol(list: ListLevel[]): number {
  return list.length > 0 ? (list[list.length - 1] as ListLevel).contentCol : 0;
}

function headingFlags(level: number): number {
  return level === 1 ? BOLD | UNDERLINE : BOLD;
}
