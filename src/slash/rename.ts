import { defineCommand } from './types.js';

/** `/rename TITLE`: the current session's title (or the next one's, before anything is saved). */
export const rename = defineCommand({
  name: 'rename',
  args: (m) => m.slash.renameArgs,
  description: (m) => m.slash.rename,
  run(arg, ctx) {
    const title = arg.replace(/\s+/g, ' ').trim();
    if (!title) {
      ctx.say((m) => m.history.renameNeedsTitle, 'warn');
      return;
    }
    ctx.sessions.rename(title);
    ctx.say((m) => m.history.renamed({ title }));
  },
});
