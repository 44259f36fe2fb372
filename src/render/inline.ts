// Inline Markdown: code spans, links, autolinks, backslash escapes and emphasis (* _ ~~). One
// linear scan builds nodes; emphasis is then matched on a delimiter stack (emphasis.ts).
import { BOLD, DIM, ITALIC, STRIKE, UNDERLINE, seg, type Line, type Seg } from './ansi.js';
import { delimRun, matchEmphasis, type Delim } from './emphasis.js';

export const CODE_FG = 33; // yellow
const LINK_FG = 34; // blue
const MAX_LINK_DEPTH = 4;
const MAX_DEST = 2048;

type Node =
  | { k: 'text'; t: string }
  | { k: 'code'; t: string }
  | { k: 'link'; kids: Node[]; label: string; url: string }
  | Delim;

// Characters that may start something other than plain text.
const SPECIAL = new Uint8Array(128);
for (const c of '\\`*_~[!<') SPECIAL[c.charCodeAt(0)] = 1;

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const AUTOLINK = /<((?:https?|ftp|mailto):[^\s<>]*)>/y;

/**
 * Renders inline Markdown to styled lines (split at the text's own \n). f and fg are the base
 * style of the block (a heading is bold and coloured, a table header bold).
 */
export function renderInline(src: string, f = 0, fg = 0): Line[] {
  const segs: Seg[] = [];
  emit(parseNodes(src, 0), f, fg, segs, { b: 0, i: 0, s: 0 });
  const lines: Line[] = [[]];
  for (const x of segs) {
    if (!x.t.includes('\n')) {
      (lines[lines.length - 1] as Line).push(x);
      continue;
    }
    const parts = x.t.split('\n');
    parts.forEach((p, k) => {
      if (k > 0) lines.push([]);
      if (p) (lines[lines.length - 1] as Line).push(seg(p, x.f, x.fg));
    });
  }
  return lines;
}

function parseNodes(src: string, depth: number): Node[] {
  const nodes: Node[] = [];
  const stack: Delim[] = [];
  const noCloser = new Set<number>(); // backtick run lengths with no closing run further on
  let brackets: Int32Array | undefined;
  let buf = '';
  const flush = (): void => {
    if (buf) nodes.push({ k: 'text', t: buf });
    buf = '';
  };
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c >= 128 || SPECIAL[c] === 0) {
      let j = i + 1;
      while (j < n) {
        const d = src.charCodeAt(j);
        if (d < 128 && SPECIAL[d] === 1) break;
        j++;
      }
      buf += src.slice(i, j);
      i = j;
      continue;
    }
    const ch = src[i] as string;
    if (ch === '\\') {
      const next = src[i + 1];
      if (next !== undefined && ASCII_PUNCT.test(next)) {
        buf += next;
        i += 2;
        continue;
      }
      if (next === '\n') {
        i++; // a hard line break: the line break is kept anyway
        continue;
      }
    } else if (ch === '`') {
      let j = i;
      while (j < n && src.charCodeAt(j) === 0x60) j++;
      const len = j - i;
      const close = noCloser.has(len) ? -1 : findBacktickRun(src, j, len);
      if (close < 0) {
        noCloser.add(len);
        buf += src.slice(i, j);
        i = j;
        continue;
      }
      flush();
      let t = src.slice(j, close).replace(/\n/g, ' ');
      if (t.length >= 2 && t.startsWith(' ') && t.endsWith(' ') && t.trim() !== '') t = t.slice(1, -1);
      nodes.push({ k: 'code', t });
      i = close + len;
      continue;
    } else if (ch === '*' || ch === '_' || ch === '~') {
      let j = i;
      while (j < n && src[j] === ch) j++;
      if (ch === '~' && j - i !== 2) {
        buf += src.slice(i, j); // only ~~ strikes through: "~5 min" and "~/path" stay literal
        i = j;
        continue;
      }
      flush();
      const d = delimRun(src, ch, i, j);
      nodes.push(d);
      if (d.open || d.close) stack.push(d);
      i = j;
      continue;
    } else if (ch === '[' || (ch === '!' && src[i + 1] === '[')) {
      const open = ch === '!' ? i + 1 : i;
      brackets ??= matchBrackets(src);
      const close = brackets[open] ?? -1;
      const dest = close > 0 && src[close + 1] === '(' ? parseDestination(src, close + 2) : undefined;
      if (dest) {
        flush();
        let label = src.slice(open + 1, close);
        if (label.trim() === '') label = ch === '!' ? 'image' : dest.url;
        const kids: Node[] =
          depth < MAX_LINK_DEPTH ? parseNodes(label, depth + 1) : [{ k: 'text', t: label }];
        nodes.push({ k: 'link', kids, label, url: dest.url });
        i = dest.end;
        continue;
      }
    } else if (ch === '<') {
      AUTOLINK.lastIndex = i;
      const m = AUTOLINK.exec(src);
      if (m) {
        flush();
        const url = m[1] as string;
        nodes.push({ k: 'link', kids: [{ k: 'text', t: url }], label: url, url });
        i = AUTOLINK.lastIndex;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  matchEmphasis(stack);
  return nodes;
}

/** Start of the next run of exactly len backticks at or after from, or -1. */
function findBacktickRun(src: string, from: number, len: number): number {
  let p = src.indexOf('`', from);
  while (p >= 0) {
    let q = p;
    while (q < src.length && src.charCodeAt(q) === 0x60) q++;
    if (q - p === len) return p;
    p = src.indexOf('`', q);
  }
  return -1;
}

/** For every '[' the index of its matching ']' (or -1), in one pass. */
function matchBrackets(src: string): Int32Array {
  const match = new Int32Array(src.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x5b) open.push(i);
    else if (c === 0x5d && open.length > 0) match[open.pop() as number] = i;
  }
  return match;
}

/** Parses `url "title")` starting just after the '('. */
function parseDestination(src: string, p: number): { url: string; end: number } | undefined {
  const n = src.length;
  const skipWs = (): void => {
    while (p < n && (src[p] === ' ' || src[p] === '\t' || src[p] === '\n')) p++;
  };
  skipWs();
  let url: string;
  if (src[p] === '<') {
    const q = src.indexOf('>', p + 1);
    if (q < 0 || q - p > MAX_DEST || src.slice(p, q).includes('\n')) return undefined;
    url = src.slice(p + 1, q);
    p = q + 1;
  } else {
    const start = p;
    let depth = 0;
    while (p < n) {
      const c = src[p];
      if (c === ' ' || c === '\t' || c === '\n') break;
      if (c === '\\') p++;
      else if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      p++;
      if (p - start > MAX_DEST) return undefined;
    }
    url = src.slice(start, p);
  }
  skipWs();
  const q = src[p];
  if (q === '"' || q === "'" || q === '(') {
    const end = src.indexOf(q === '(' ? ')' : q, p + 1);
    if (end < 0) return undefined;
    p = end + 1;
    skipWs();
  }
  if (src[p] !== ')') return undefined;
  return { url, end: p + 1 };
}

interface Counts {
  b: number;
  i: number;
  s: number;
}

function emit(nodes: Node[], f: number, fg: number, out: Seg[], c: Counts): void {
  const style = (): number => f | (c.b > 0 ? BOLD : 0) | (c.i > 0 ? ITALIC : 0) | (c.s > 0 ? STRIKE : 0);
  const count = (s: number, by: number): void => {
    if (s === BOLD) c.b += by;
    else if (s === ITALIC) c.i += by;
    else c.s += by;
  };
  for (const node of nodes) {
    switch (node.k) {
      case 'text':
        out.push(seg(node.t, style(), fg));
        break;
      case 'code':
        out.push(seg(node.t, style(), CODE_FG));
        break;
      case 'delim':
        for (const s of node.off) count(s, -1);
        if (node.n > 0) out.push(seg(node.ch.repeat(node.n), style(), fg));
        for (const s of node.on) count(s, 1);
        break;
      case 'link': {
        emit(node.kids, f | UNDERLINE, LINK_FG, out, c);
        const url = node.url;
        if (url && url !== node.label && url !== `mailto:${node.label}`) {
          out.push(seg(' ', style(), fg));
          out.push(seg(`(${url})`, style() | DIM, fg));
        }
        break;
      }
    }
  }
}
