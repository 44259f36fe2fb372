import { defineCommand, type SlashContext } from './types.js';
import type { Say } from '../i18n/index.js';

/**
 * `/copy`: the last reply to the clipboard; `/copy N`: the Nth from the end; `/copy code`: the code
 * block of the last reply (several: they are listed, `/copy code N` takes one).
 */
export const copy = defineCommand({
  name: 'copy',
  args: (m) => m.slash.copyArgs,
  description: (m) => m.slash.copy,
  complete: (arg) => ['code'].filter((c) => c.startsWith(arg) && c !== arg),
  run(arg, ctx) {
    const replies = ctx.replies();
    const [first = '', second, ...extra] = arg.split(/\s+/).filter(Boolean);
    if (first === 'code') return void copyCode(ctx, replies.at(-1), second, extra.length > 0);
    if (second !== undefined || (first !== '' && !/^[1-9]\d*$/.test(first))) return ctx.say((m) => m.material.copyUsage, 'warn');
    const n = first === '' ? 1 : Number(first);
    if (!replies.length) return ctx.say((m) => m.material.copyNothing, 'warn');
    if (n > replies.length) return ctx.say((m) => m.material.copyTooFew({ n, count: replies.length }), 'warn');
    ctx.copy(replies[replies.length - n]!, n === 1 ? (m) => m.material.copyWhatLast : (m) => m.material.copyWhatNth({ n }));
  },
});

function copyCode(ctx: SlashContext, reply: string | undefined, pick: string | undefined, extra: boolean): void {
  if (extra || (pick !== undefined && !/^[1-9]\d*$/.test(pick))) return ctx.say((m) => m.material.copyUsage, 'warn');
  if (reply === undefined) return ctx.say((m) => m.material.copyNothing, 'warn');
  // The fence scanner is the renderer's; it comes with the rest of the material code, not before the first frame.
  void import('../material/lazy.js').then(({ codeBlocks }) => {
    const blocks = codeBlocks(reply);
    if (!blocks.length) return ctx.say((m) => m.material.copyNoCode, 'warn');
    const lines = (code: string) => code.split('\n').length;
    if (pick === undefined && blocks.length > 1) {
      const list = blocks.map((b, i) => ({ n: i + 1, lang: b.lang, lineCount: lines(b.code), first: b.code.split('\n', 1)[0]! }));
      return ctx.say((m) => m.material.copyWhich({ list: list.map((b) => m.material.copyBlock(b)).join('\n') }));
    }
    const n = pick === undefined ? 1 : Number(pick);
    const block = blocks[n - 1];
    if (!block) return ctx.say((m) => m.material.copyNoBlock({ n, count: blocks.length }), 'warn');
    const what: Say = (m) => m.material.copyWhatCode({ n, lang: block.lang, lineCount: lines(block.code) });
    ctx.copy(block.code, what);
  });
}
