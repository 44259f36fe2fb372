import { defineCommand } from './types.js';

/**
 * `/new` (and `/clear`, its alias): a fresh conversation. A running reply stops silently (what came
 * of it is saved as interrupted), the terminal is erased, and the next prompt starts a new saved
 * session; the one before stays saved (/resume brings it back), so nothing is lost.
 */
export const newSession = defineCommand({
  name: 'new',
  aliases: ['clear'],
  description: (m) => m.slash.new,
  run(_arg, ctx) {
    ctx.chat.cancel();
    ctx.clearScreen();
    ctx.chat.dispatch({ type: 'clear' });
    ctx.sessions.newSession();
    ctx.say((m) => m.history.newSession);
  },
});
