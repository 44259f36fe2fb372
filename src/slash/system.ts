import { defineCommand } from './types.js';
import { stripControl } from '../render/sanitize.js';

/** `/system`: shows the system prompt; `/system TEXT` sets it for the conversation; `/system clear` removes it (and the role). */
export const system = defineCommand({
  name: 'system',
  args: (m) => m.slash.systemArgs,
  description: (m) => m.slash.system,
  complete: (arg) => ['clear'].filter((c) => c.startsWith(arg) && c !== arg),
  run(arg, ctx) {
    if (arg === '') {
      const { system: text, role = '' } = ctx.system.current();
      // A role file's text is shown as it is, minus what would drive the terminal.
      return ctx.say(text ? (m) => m.material.systemShow({ text: stripControl(text), role }) : (m) => m.material.systemNone);
    }
    if (arg === 'clear') {
      ctx.system.set(undefined);
      return ctx.say((m) => m.material.systemCleared);
    }
    ctx.system.set(arg);
    const chars = arg.length;
    ctx.say((m) => m.material.systemSet({ chars }));
  },
});
