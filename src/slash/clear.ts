import { defineCommand } from './types.js';

/** `/clear`: stops a reply silently, then starts a new conversation below (nothing is erased from the terminal). */
export const clear = defineCommand({
  name: 'clear',
  description: (m) => m.slash.clear,
  run(_arg, ctx) {
    ctx.chat.cancel();
    ctx.clearScreen();
    ctx.chat.dispatch({ type: 'clear' });
  },
});
