import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';
import { addReply, EMPTY_USAGE } from '../runtime/usage/ledger.js';

const waitFor = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('/usage', () => {
  it('says the session per model and in all, the budget with a warning from 80 %, and rate limits left', async () => {
    let usage = addReply(EMPTY_USAGE, { model: 'claude-3-5-sonnet', inputTokens: 10, outputTokens: 20, cost: 0.0123, costSource: 'proxy' });
    usage = addReply(usage, { model: 'claude-3-5-haiku', inputTokens: 5, outputTokens: 7, cost: 0.0001, costSource: 'builtin' });
    const ctx = recordingContext('claude-3-5-sonnet', {
      usage,
      budget: { spend: 8.5, maxBudget: 10, resetAt: '2030-01-31T00:00:00Z' },
      rateLimits: { 'x-ratelimit-remaining-requests': '99', 'x-ratelimit-remaining-tokens': '9000' },
    });
    runSlash('/usage', ctx);
    await waitFor(() => ctx.said.length > 0);
    expect(ctx.calls).toEqual(['usage', 'say']);
    expect(ctx.said[0]!.split('\n')).toEqual([
      'Usage this session',
      '  claude-3-5-sonnet: 1 reply, 10 in / 20 out, $0.0123',
      '  claude-3-5-haiku: 1 reply, 5 in / 7 out, ~$0.0001',
      'Total: 2 replies, 15 in / 27 out, ~$0.0124',
      '(~ estimated from prices: the proxy sent no cost for some replies)',
      'Budget: $8.50 of $10.00 spent (85 %), resets 2030-01-31 00:00 UTC',
      '! over 80 % of the budget is spent',
      'Rate limits left: requests 99, tokens 9000',
    ]);
  });

  it('token counts the proxy did not send are marked as estimated (~), with a line that says so', async () => {
    const usage = addReply(EMPTY_USAGE, { model: 'claude-3-5-sonnet', inputTokens: 6, outputTokens: 100, cost: 0.001518, costSource: 'builtin', tokensEstimated: true });
    const ctx = recordingContext('claude-3-5-sonnet', { usage });
    runSlash('/usage', ctx);
    await waitFor(() => ctx.said.length > 0);
    expect(ctx.said[0]!.split('\n')).toEqual([
      'Usage this session',
      '  claude-3-5-sonnet: 1 reply, ~6 in / ~100 out, ~$0.0015',
      'Total: 1 reply, ~6 in / ~100 out, ~$0.0015',
      '(~ tokens estimated from the text: the proxy sent no counts for some replies)',
      '(~ estimated from prices: the proxy sent no cost for some replies)',
    ]);
  });

  it('with nothing yet and no budget: says so, and nothing else', async () => {
    const ctx = recordingContext();
    runSlash('/usage', ctx);
    await waitFor(() => ctx.said.length > 0);
    expect(ctx.said).toEqual(['Usage this session\nNo replies yet in this session.']);
  });
});
