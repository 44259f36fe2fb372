import { defineCommand } from './types.js';

/** `/model`: the picker; `/model NAME`: switch to NAME. */
export const model = defineCommand({
  name: 'model',
  args: (m) => m.slash.modelArgs,
  description: (m) => m.slash.model,
  run(arg, ctx) {
    if (arg === '') ctx.open('models');
    else ctx.switchModel(arg);
  },
});
