import { defineCommand } from './types.js';

export const quit = defineCommand({
  name: 'quit',
  aliases: ['exit'],
  description: (m) => m.slash.quit,
  run: (_arg, ctx) => ctx.quit(),
});
