// Spend, budget and rate limits against the test server's LiteLLM shapes (see its `spend` option):
// the cost the proxy reports, an estimate from prices when it reports none, /key/info, the budget
// refusal, and a 429 waited out once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { worded } from '../helpers/worded.js';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type ServerOptions, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';

const KEY = 'sk-test-master';
let home: TempHome;
let closers: (() => unknown)[] = [];
beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  for (const c of closers.reverse()) await c();
  closers = [];
  home.cleanup();
});

async function setup(opts: ServerOptions): Promise<{ s: TestServer; r: RuntimeService }> {
  const s = await startServer(opts);
  closers.push(() => s.close());
  home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
  const r = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile) });
  closers.push(() => r.close());
  return { s, r };
}
async function collect(it: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}
const hello = { model: 'claude-3-5-sonnet', messages: [{ role: 'user' as const, content: 'hello' }] };
const usageOf = (evs: ChatEvent[]) => evs.find((e) => e.type === 'usage') as Extract<ChatEvent, { type: 'usage' }> | undefined;

describe('spend', () => {
  it("the proxy's x-litellm-response-cost is the reply's cost; the session sums it; /key/info gives the budget", async () => {
    const { s, r } = await setup({ dropParams: true, spend: { costPerReply: 0.0123, spend: 1, maxBudget: 10, budgetResetAt: '2030-01-31T00:00:00Z', remainingRequests: 41 } });
    const first = await collect(r.chat(hello));
    expect(usageOf(first)).toMatchObject({ cost: 0.0123, costSource: 'proxy' });
    await collect(r.chat(hello));
    const u = r.getState().usage!;
    expect(u.total).toMatchObject({ replies: 2, estimated: false });
    expect(u.total.cost).toBeCloseTo(0.0246, 10);
    expect(u.byModel.map((m) => m.model)).toEqual(['claude-3-5-sonnet']);
    expect(r.getState().rateLimits).toEqual({ 'x-ratelimit-remaining-requests': '41' });
    // The spend the proxy reports is what the server counted.
    const budget = await r.refreshBudget();
    expect(budget).toEqual({ spend: s.options.spend!.spend, maxBudget: 10, resetAt: '2030-01-31T00:00:00Z' });
    expect(budget!.spend).toBeCloseTo(1.0246, 10);
    expect(r.getState().budget).toEqual(budget);
    const keyInfo = s.requests.filter((q) => q.url === '/key/info');
    expect(keyInfo.length).toBeGreaterThan(0);
    expect(keyInfo.every((q) => q.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('no cost header: estimated from /model/info prices (marked), else from the built-in table', async () => {
    // Providers that take stream_options, so the proxy sends a usage chunk (tokens to price).
    const { r } = await setup({
      models: [
        { name: 'claude-3-5-sonnet', underlying: 'vertex_ai/claude-3-5-sonnet', modelInfo: { input_cost_per_token: 0.000003, output_cost_per_token: 0.000015 } },
        { name: 'haiku', underlying: 'bedrock/claude-3-5-haiku-20241022' },
      ],
    });
    await r.listModels();
    const a = usageOf(await collect(r.chat(hello)));
    expect(a).toMatchObject({ inputTokens: 10, outputTokens: 20, costSource: 'prices' });
    expect(a!.cost).toBeCloseTo((10 * 3 + 20 * 15) / 1e6, 12);
    const b = usageOf(await collect(r.chat({ ...hello, model: 'haiku' })));
    expect(b).toMatchObject({ costSource: 'builtin' });
    expect(b!.cost).toBeCloseTo((10 * 0.8 + 20 * 4) / 1e6, 12);
    expect(r.getState().usage!.total.estimated).toBe(true);
  });

  it("the seed guide's proxy (refuses stream_options, so sends no counts): tokens estimated from the text and priced from the built-in table, both marked", async () => {
    const { s, r } = await setup({});
    s.setReply('claude-3-5-sonnet', 'x'.repeat(400));
    await r.listModels(); // as the chat does at start: it learns the model behind the name
    const evs = await collect(r.chat(hello));
    expect(evs.at(-1)).toEqual({ type: 'done', stopReason: 'end' });
    expect(usageOf(evs)).toBeUndefined(); // the proxy counted nothing
    const t = r.getState().usage!.total;
    // 400 characters of reply ≈ 100 tokens; "hello" + a message's framing ≈ 6.
    expect(t).toMatchObject({ replies: 1, outputTokens: 100, inputTokens: 6, tokensEstimated: true, estimated: true, unpriced: false });
    // claude-3-5-sonnet is anthropic/claude-3-5-sonnet-20241022 behind the proxy: $3 / $15 per million.
    expect(t.cost).toBeCloseTo((6 * 3 + 100 * 15) / 1e6, 12);
  });

  it('a reply that ends before the first model list is priced when the list comes (an alias is priced through it), once', async () => {
    const { s, r } = await setup({});
    s.setReply('claude-3-5-sonnet', 'x'.repeat(400));
    await collect(r.chat(hello)); // before any listing: the alias has no price yet
    expect(r.getState().usage!.total).toMatchObject({ replies: 1, cost: 0, unpriced: true, unpricedReplies: 1 });
    await r.listModels();
    const t = r.getState().usage!.total;
    expect(t).toMatchObject({ replies: 1, outputTokens: 100, inputTokens: 6, estimated: true, unpriced: false, unpricedReplies: 0 });
    expect(t.cost).toBeCloseTo((6 * 3 + 100 * 15) / 1e6, 12);
    expect(r.getState().usage!.byModel).toMatchObject([{ model: 'claude-3-5-sonnet', unpriced: false }]);
    expect(r.getState().usage!.last?.cost).toBeCloseTo(t.cost, 12);
    await r.listModels(); // a second list adds nothing
    expect(r.getState().usage!.total.cost).toBeCloseTo((6 * 3 + 100 * 15) / 1e6, 12);
    // After the list, a reply is priced at once.
    await collect(r.chat(hello));
    expect(r.getState().usage!.total).toMatchObject({ replies: 2, unpriced: false, unpricedReplies: 0 });
    expect(r.getState().usage!.total.cost).toBeCloseTo((2 * (6 * 3 + 100 * 15)) / 1e6, 9);
  });

  it('a proxy without /key/info: no budget, nothing broken', async () => {
    const { r } = await setup({ dropParams: true });
    expect((await collect(r.chat(hello))).at(-1)).toEqual({ type: 'done', stopReason: 'end' });
    expect(await r.refreshBudget()).toBeUndefined();
    expect(r.getState().budget).toBeUndefined();
  });

  it('a budget refusal is its own card: spent, limit, when it resets', async () => {
    const { r } = await setup({ dropParams: true, spend: { costPerReply: 0.5, spend: 10.25, maxBudget: 10, budgetResetAt: '2030-01-31T00:00:00Z' } });
    const evs = await collect(r.chat(hello));
    const err = evs.find((e) => e.type === 'error');
    expect(err).toMatchObject({ type: 'error', error: { kind: 'budget', status: 400, budget: { spend: 10.25, maxBudget: 10, resetAt: '2030-01-31 00:00 UTC' } } });
    if (err?.type !== 'error') throw new Error('no error');
    expect(worded(err.error).message).toBe("127.0.0.1:" + new URL(r.getState().config.baseUrl!).port + " refused the request: this key's budget is used up (spent $10.25 of $10.00).");
    expect(worded(err.error).hint).toContain('The budget resets at 2030-01-31 00:00 UTC');
  });
});

describe('rate limits', () => {
  it("a 429 with retry-after is waited out once, then sent again by itself", async () => {
    const { s, r } = await setup({ dropParams: true, retryAfterSec: 1, faultTimes: 1 });
    s.fault = '429';
    const evs = await collect(r.chat(hello));
    expect(evs[0]).toMatchObject({ type: 'wait', seconds: 1 });
    expect(evs.at(-1)).toEqual({ type: 'done', stopReason: 'end' });
    expect(s.requests.filter((q) => q.url === '/v1/chat/completions').length).toBe(2);
  });

  it('Esc during the wait cancels: nothing more is sent', async () => {
    const { s, r } = await setup({ dropParams: true, retryAfterSec: 30 });
    s.fault = '429';
    const ac = new AbortController();
    const out: ChatEvent[] = [];
    const done = (async () => {
      for await (const ev of r.chat(hello, ac.signal)) {
        out.push(ev);
        if (ev.type === 'wait') ac.abort();
      }
    })();
    await done;
    expect(out.map((e) => e.type)).toEqual(['wait', 'done']);
    expect(out.at(-1)).toEqual({ type: 'done', stopReason: 'aborted' });
    await waitUntil(() => true);
    expect(s.requests.filter((q) => q.url === '/v1/chat/completions').length).toBe(1);
  });

  it('a second 429 after the wait is the card (one retry only)', async () => {
    const { s, r } = await setup({ dropParams: true, retryAfterSec: 1 });
    s.fault = '429';
    const evs = await collect(r.chat(hello));
    expect(evs.map((e) => e.type)).toEqual(['wait', 'error']);
    expect(s.requests.filter((q) => q.url === '/v1/chat/completions').length).toBe(2);
  });
});
