import { defineCommand } from './types.js';

/** `/help`: a card listing the registry's commands and the keymap's keys. */
export const help = defineCommand({
  name: 'help',
  description: (m) => m.slash.help,
  run: (_arg, ctx) => ctx.chat.dispatch({ type: 'help' }),
});
