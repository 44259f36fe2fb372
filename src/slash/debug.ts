import { defineCommand } from './types.js';

/** `/debug`: the request log on or off. */
export const debug = defineCommand({
  name: 'debug',
  description: (m) => m.slash.debug,
  run: (_arg, ctx) => ctx.toggleRequestLog(),
});
