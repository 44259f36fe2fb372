// Where a reply that is still streaming can be cut: the part before it is rendered once and frozen
// (the transcript), the rest is the live tail. Kept apart from the renderer (markdown.ts): the chat
// reducer calls it on every delta, through the lazily loaded module (render/lazyMarkdown.ts).
import { closesFence, openFence, type Fence } from './blocks.js';
import { stripControl } from './sanitize.js';

/**
 * Splits a reply that is still streaming at its last paragraph break: a blank line outside any
 * code fence, followed by a line that has started and does not begin with whitespace (so it cannot
 * continue a list item or a code block above). `done` ends just after the blank line(s) and can be
 * rendered once and frozen; `rest` is the live tail. `done + rest === md`; done is '' when there is
 * no safe break. Render each committed chunk on its own and put one blank line between chunks.
 */
export function splitCommittable(md: string): { done: string; rest: string } {
  let cut = 0;
  let fence: Fence | undefined;
  let content = false; // a non-blank line has been seen
  let blank = false; // the previous line was blank (outside a fence)
  let pos = 0;
  while (pos < md.length) {
    const nl = md.indexOf('\n', pos);
    const end = nl < 0 ? md.length : nl;
    const raw = md.slice(pos, end);
    const line = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(raw) ? stripControl(raw) : raw;
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (line.trim() === '') {
      blank = content;
    } else {
      if (blank && !/^\s/.test(line)) cut = pos;
      blank = false;
      content = true;
      fence = openFence(line);
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  return { done: md.slice(0, cut), rest: md.slice(cut) };
}
