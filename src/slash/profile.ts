import { defineCommand } from './types.js';

/** `/profile [NAME]`: the connection profiles (the active one in brackets), or a switch to one ("default": .env). */
export const profile = defineCommand({
  name: 'profile',
  args: (m) => m.slash.profileArgs,
  description: (m) => m.slash.profile,
  run(arg, ctx) {
    const p = ctx.profiles;
    if (arg) return p.switchTo(arg === 'default' ? undefined : arg);
    const names = p.list();
    if (!names.length) return ctx.say((m) => m.profiles.none({ dir: p.dir() }));
    const active = p.active();
    const shown = [undefined, ...names].map((n) => (n === active ? `[${n ?? 'default'}]` : (n ?? 'default')));
    ctx.say((m) => m.profiles.list({ list: shown.join(', ') }));
  },
});
