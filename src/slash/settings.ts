import { defineCommand } from './types.js';

export const settings = defineCommand({
  name: 'settings',
  description: (m) => m.slash.settings,
  run: (_arg, ctx) => ctx.open('settings'),
});
