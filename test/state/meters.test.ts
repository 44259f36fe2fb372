import { describe, expect, it } from 'vitest';
import { conversationTokens, estimateTokens, gauge, levelOf, meters, shortCount } from '../../src/state/meters.js';
import { chatReducer, initialChatState } from '../../src/state/chat.js';
import { activityLabel, meterParts } from '../../src/components/StatusBar.js';
import { theme } from '../../src/components/theme.js';
import { addReply, EMPTY_USAGE } from '../../src/runtime/usage/ledger.js';
import { en } from '../../src/i18n/en.js';

describe('context size', () => {
  it('estimates about four characters a token, one a token for Chinese', () => {
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('')).toBe(0);
  });

  it("uses the server's counts for what they cover and estimates only what came after", () => {
    const conversation = [
      { role: 'user' as const, content: 'x'.repeat(400) },
      { role: 'assistant' as const, content: 'y'.repeat(400) },
    ];
    const last = { outputTokens: 20, estimated: false, inputTokens: 10, durationMs: 1, context: { tokens: 30, messages: 2 } };
    expect(conversationTokens(conversation, last, undefined)).toEqual({ tokens: 30, exact: true });
    // A new message about to be sent: 40 chars = 10 tokens + 4 framing.
    expect(conversationTokens(conversation, last, undefined, 'z'.repeat(40))).toEqual({ tokens: 44, exact: false });
    // Without counts everything is estimated (the system prompt too).
    expect(conversationTokens(conversation, undefined, 's'.repeat(40))).toEqual({ tokens: 10 + 104 + 104, exact: false });
    // Counts from a longer conversation (before /new) are not used for a shorter one.
    expect(conversationTokens(conversation.slice(0, 1), last, undefined).exact).toBe(false);
  });

  it('the reducer keeps the counts and how many messages they cover; a wait sets the retry time, the start clears it', () => {
    let s = initialChatState({ version: '0' });
    s = chatReducer(s, { type: 'submit', gen: 1, text: 'hi', model: 'm', now: 0 });
    s = chatReducer(s, { type: 'wait', gen: 1, untilMs: 5000 });
    expect(s.live?.retryAt).toBe(5000);
    s = chatReducer(s, { type: 'start', gen: 1, model: 'm' });
    expect(s.live?.retryAt).toBeUndefined();
    s = chatReducer(s, { type: 'usage', gen: 1, usage: { inputTokens: 10, outputTokens: 20, cost: 0.001, costEstimated: true } });
    s = chatReducer(s, { type: 'delta', gen: 1, text: 'hello', chunks: 1, now: 1, split: (t) => ({ done: '', rest: t }) });
    s = chatReducer(s, { type: 'finish', gen: 1, stopReason: 'end', now: 2 });
    expect(s.last).toMatchObject({ context: { tokens: 30, messages: 2 }, costEstimated: true });
  });
});

describe('meters', () => {
  const u = addReply(EMPTY_USAGE, { model: 'a', inputTokens: 10, outputTokens: 20, cost: 0.05, costSource: 'proxy' });

  it('levels: warn from 80 %, over from 100 %', () => {
    expect([levelOf(0.79), levelOf(0.8), levelOf(0.99), levelOf(1), levelOf(undefined)]).toEqual(['ok', 'warn', 'warn', 'over', 'ok']);
  });

  it('shows only what is known: no window, no conversation, no limit → nothing', () => {
    expect(meters({ conversation: [], last: undefined, system: undefined, window: 100, usage: undefined, budget: undefined })).toEqual({});
    expect(meters({ conversation: [{ role: 'user', content: 'hi' }], last: undefined, system: undefined, window: undefined, usage: undefined, budget: { spend: 3 } })).toEqual({});
  });

  it('context, session and budget in the status bar, the budget coloured from 80 %', () => {
    const conversation = [{ role: 'user' as const, content: 'hi' }, { role: 'assistant' as const, content: 'yo' }];
    const last = { outputTokens: 20, estimated: false, durationMs: 1, context: { tokens: 30, messages: 2 } };
    const mt = meters({ conversation, last, system: undefined, window: 100, usage: u, budget: { spend: 8.5, maxBudget: 10 } });
    expect(mt).toEqual({ context: { tokens: 30, window: 100, exact: true, level: 'ok' }, session: { cost: 0.05, estimated: false }, budget: { spend: 8.5, max: 10, level: 'warn' } });
    const t = theme(true);
    const parts = meterParts(mt, en, t);
    expect(parts.map((p) => p.text).join('')).toBe('context ▰▰▱▱▱ 30 % · session $0.05 · budget $8.50/$10.00');
    expect(parts.at(-1)!.color).toBe(t.warn);
    const over = meterParts({ budget: { spend: 10.2, max: 10, level: 'over' } }, en, t);
    expect(over[0]!.color).toBe(t.error);
  });

  it('an estimated cost is marked ~ (per reply and for the session)', () => {
    const est = addReply(EMPTY_USAGE, { model: 'a', inputTokens: 10, outputTokens: 20, cost: 0.0003, costSource: 'builtin' });
    const mt = meters({ conversation: [], last: undefined, system: undefined, window: undefined, usage: est, budget: undefined });
    expect(meterParts(mt, en, theme(false)).map((p) => p.text).join('')).toBe('session ~$0.0003');
    expect(activityLabel(undefined, { outputTokens: 20, estimated: false, cost: 0.0003, costEstimated: true, durationMs: 1 }, 0, en)).toBe('ready · 20 tok · ~$0.0003');
  });

  it('the countdown: whole seconds left, then waiting once it has passed', () => {
    const live = { gen: 1, model: 'm', text: '', full: '', committed: false, startedAt: 0, firstTokenAt: undefined, chunks: 0, usage: undefined, retryAt: 12_000 };
    expect(activityLabel(live, undefined, 0, en)).toBe('retry in 12 s · Esc cancels');
    expect(activityLabel(live, undefined, 11_500, en)).toBe('retry in 1 s · Esc cancels');
    expect(activityLabel(live, undefined, 12_000, en)).toBe('waiting…');
    // With the first-byte limit: the new request's wait, counted from the retry.
    expect(activityLabel(live, undefined, 14_900, en, 60_000)).toBe('waiting 2 s of 60 s · Esc stops');
    expect(activityLabel({ ...live, retryAt: undefined }, undefined, 12_400, en, 60_000)).toBe('waiting 12 s of 60 s · Esc stops');
  });

  it('gauge and counts', () => {
    expect([gauge(0), gauge(0.3), gauge(1), gauge(2)]).toEqual(['▱▱▱▱▱', '▰▰▱▱▱', '▰▰▰▰▰', '▰▰▰▰▰']);
    expect([shortCount(950), shortCount(1234), shortCount(200_000)]).toEqual(['950', '1.2k', '200k']);
  });
});
