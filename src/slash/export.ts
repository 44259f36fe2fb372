import { defineCommand } from './types.js';

/** `/export [FILE]`: the current session as Markdown (model, time and call id per reply). */
export const exportSession = defineCommand({
  name: 'export',
  args: (m) => m.slash.exportArgs,
  description: (m) => m.slash.export,
  run(arg, ctx) {
    ctx.sessions.exportTo(arg === '' ? undefined : arg, ctx.messages());
  },
});
