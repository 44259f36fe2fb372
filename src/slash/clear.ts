import { defineCommand } from './types.js';

/** `/clear`: stops a reply silently, then empties the conversation and the terminal. */
export const clear = defineCommand({
  name: 'clear',
  description: (m) => m.slash.clear,
  run(_arg, ctx) {
    ctx.chat.cancel();
    ctx.clearScreen();
    ctx.chat.dispatch({ type: 'clear' });
  },
});
