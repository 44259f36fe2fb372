import { defineCommand } from './types.js';
import { usageReport } from '../state/usageReport.js';

/** `/usage`: tokens and cost this session (per model and in all), the key's budget, rate limits left. */
export const usage = defineCommand({
  name: 'usage',
  aliases: ['cost'],
  description: (m) => m.slash.usage,
  run(_arg, ctx) {
    // The budget is asked of the proxy now (a quick GET /key/info); the rest is this session's.
    void ctx.usage().then((view) => ctx.say((m) => usageReport(view, m)));
  },
});
