import { defineCommand } from './types.js';

/** `/retry [MODEL]`: sends the last prompt again (to MODEL for this once); nothing is replaced, the new reply follows. */
export const retry = defineCommand({
  name: 'retry',
  args: (m) => m.slash.retryArgs,
  description: (m) => m.slash.retry,
  run(arg, ctx) {
    if (ctx.chat.busy()) return ctx.say((m) => m.chat.stillReplying, 'warn');
    const last = ctx.lastPrompt();
    if (!last) return ctx.say((m) => m.material.retryNothing, 'warn');
    ctx.chat.send(last.text, arg || ctx.model(), { content: last.content, ...(last.images ? { images: last.images } : {}) });
  },
});
