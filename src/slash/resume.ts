import { defineCommand } from './types.js';

/** `/resume`: a picker over every saved session, searched in full text as one types. */
export const resume = defineCommand({
  name: 'resume',
  description: (m) => m.slash.resume,
  run(_arg, ctx) {
    ctx.open('resume');
  },
});
