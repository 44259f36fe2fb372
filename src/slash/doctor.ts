import { defineCommand } from './types.js';

export const doctor = defineCommand({
  name: 'doctor',
  description: (m) => m.slash.doctor,
  run: (_arg, ctx) => ctx.open('doctor'),
});
