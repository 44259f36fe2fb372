// The /usage text: this session's replies per model and in all, the key's budget (LiteLLM /key/info)
// with a warning from 80 %, and the proxy's remaining rate limits. Pure.
import type { Budget } from '../runtime/types.js';
import type { SessionUsage, Totals } from '../runtime/usage/ledger.js';
import { formatUsd } from '../runtime/usage/ledger.js';
import { budgetShare, shownTime } from '../runtime/usage/keyInfo.js';
import { stripControl } from '../render/sanitize.js';
import type { Messages } from '../i18n/en.js';

export interface UsageView {
  usage?: SessionUsage | undefined;
  budget?: Budget | undefined;
  rateLimits?: Readonly<Record<string, string>> | undefined;
}

const cost = (t: Totals, m: Messages): string => (t.replies > 0 && t.cost === 0 && t.unpriced ? m.spend.unpriced : `${t.estimated ? '~' : ''}${formatUsd(t.cost)}`);

const tokens = (t: Totals) => {
  const mark = t.tokensEstimated ? '~' : '';
  return { input: `${mark}${t.inputTokens}`, output: `${mark}${t.outputTokens}` };
};

export function usageReport(v: UsageView, m: Messages): string {
  const s = m.spend;
  const lines = [s.title];
  const u = v.usage;
  if (!u || u.total.replies === 0) lines.push(s.none);
  else {
    for (const t of u.byModel) lines.push(`  ${s.row({ model: t.model, replies: t.replies, ...tokens(t), cost: cost(t, m) })}`);
    lines.push(s.total({ replies: u.total.replies, ...tokens(u.total), cost: cost(u.total, m) }));
    if (u.total.tokensEstimated) lines.push(s.tokensEstimated);
    if (u.total.estimated) lines.push(s.estimated);
  }
  const b = v.budget;
  const share = budgetShare(b);
  if (b && share !== undefined) {
    const percent = Math.round(share * 100);
    lines.push(s.budget({ spent: formatUsd(b.spend ?? 0), limit: formatUsd(b.maxBudget ?? 0), percent, resetAt: shownTime(b.resetAt) }));
    if (share >= 0.8) lines.push(`! ${s.budgetWarn({ percent })}`);
  } else if (b?.spend !== undefined) lines.push(s.spentNoLimit({ spent: formatUsd(b.spend) }));
  const rl = Object.entries(v.rateLimits ?? {});
  // Header names and values come from the server: cleaned before they reach the terminal.
  if (rl.length) lines.push(s.rateLimits({ list: rl.map(([k, val]) => `${stripControl(k.replace(/^x-ratelimit-remaining-/, ''))} ${stripControl(val)}`).join(', ') }));
  return lines.join('\n');
}
