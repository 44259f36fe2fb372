import { defineCommand } from './types.js';

/** `/role`: the role picker; `/role NAME`: that role's system prompt (and model, when it names one). */
export const role = defineCommand({
  name: 'role',
  args: (m) => m.slash.roleArgs,
  description: (m) => m.slash.role,
  run(arg, ctx) {
    if (arg === '') ctx.open('roles');
    else ctx.system.applyRole(arg);
  },
});
