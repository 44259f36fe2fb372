// Line classifiers shared by the block renderer and splitCommittable: fences, headings, rules,
// list markers. Hand-written scans rather than regexes, so no input can make them backtrack.
import { textWidth } from './ansi.js';

export interface Fence {
  ch: string;
  len: number;
  indent: number;
  lang: string;
}

/** ``` or ~~~ (3+) at any indentation, so fences nested in list items are found too. */
export function openFence(line: string): Fence | undefined {
  const indent = leadingSpaces(line);
  const ch = line[indent];
  if (ch !== '`' && ch !== '~') return undefined;
  let j = indent;
  while (line[j] === ch) j++;
  if (j - indent < 3) return undefined;
  const info = line.slice(j).trim();
  if (ch === '`' && info.includes('`')) return undefined;
  const lang = (info.split(/\s/, 1)[0] ?? '').replace(/^[{.]+/, '').replace(/}$/, '');
  return { ch, len: j - indent, indent, lang };
}

export function closesFence(line: string, f: Fence): boolean {
  const t = line.trim();
  if (t.length < f.len) return false;
  for (let k = 0; k < t.length; k++) if (t[k] !== f.ch) return false;
  return true;
}

export function leadingSpaces(line: string): number {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  return i;
}

export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes('\t')) return line;
      let out = '';
      let col = 0;
      line.split('\t').forEach((part, k) => {
        if (k > 0) {
          const n = 4 - (col % 4);
          out += ' '.repeat(n);
          col += n;
        }
        out += part;
        col += textWidth(part);
      });
      return out;
    })
    .join('\n');
}

export function atxHeading(text: string): { level: number; text: string } | undefined {
  let j = 0;
  while (text[j] === '#') j++;
  if (j < 1 || j > 6 || (j < text.length && text[j] !== ' ')) return undefined;
  let body = text.slice(j).trim();
  let k = body.length;
  while (k > 0 && body[k - 1] === '#') k--;
  if (k < body.length && (k === 0 || body[k - 1] === ' ')) body = body.slice(0, k).trimEnd();
  return { level: j, text: body };
}

export function isRule(text: string): boolean {
  const c = text[0];
  if (c !== '-' && c !== '*' && c !== '_') return false;
  let n = 0;
  for (const ch of text) {
    if (ch === c) n++;
    else if (ch !== ' ') return false;
  }
  return n >= 3;
}

export function listItem(text: string): { marker: string; ordered: boolean; rest: string } | undefined {
  let j = 0;
  const c = text[0];
  if (c === '-' || c === '*' || c === '+') j = 1;
  else {
    while (j < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
    if (j === 0 || (text[j] !== '.' && text[j] !== ')')) return undefined;
    j++;
  }
  if (j < text.length && text[j] !== ' ') return undefined;
  return { marker: text.slice(0, j), ordered: j > 1 || !(c === '-' || c === '*' || c === '+'), rest: text.slice(j).trim() };
}
