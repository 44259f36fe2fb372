// The fenced code blocks of a reply, exactly as the model wrote them (for /copy code): the same fence
// rules the renderer uses, the fence's own indentation taken off each line, nothing else changed.
import { closesFence, leadingSpaces, openFence } from './blocks.js';

export interface CodeBlock {
  lang: string;
  code: string;
}

export function codeBlocks(md: string): CodeBlock[] {
  const lines = md.split('\n');
  const out: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = openFence(lines[i]!);
    if (!fence) continue;
    let j = i + 1;
    while (j < lines.length && !closesFence(lines[j]!, fence)) j++;
    const body = lines.slice(i + 1, j).map((l) => l.slice(Math.min(fence.indent, leadingSpaces(l))));
    if (j === lines.length) while (body.length && body.at(-1)!.trim() === '') body.pop(); // unterminated
    out.push({ lang: fence.lang, code: body.join('\n').replace(/\r$/gm, '') });
    i = j;
  }
  return out;
}
