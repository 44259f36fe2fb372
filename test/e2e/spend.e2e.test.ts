// Spend, budget, rate limits and the context gauge in the built app, in a real terminal, against the
// test server's LiteLLM spend tracking (its `spend` option: documented shapes, see llmServer.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';

let home: TempHome;
let server: TestServer | undefined;
let app: PtyApp | undefined;

beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home (log, sessions.db) until it exits: remove the home after that
  app = undefined;
  await server?.close();
  server = undefined;
  home.cleanup();
});

const chats = (s: TestServer) => s.requests.filter((r) => r.url.endsWith('/chat/completions')).length;
/** The status bar's second row (under the row with the connection). */
const barAt = (rows: string[]): number => rows.map((r) => r.startsWith('● LiteLLM')).lastIndexOf(true);
const meterRow = (a: PtyApp): string => {
  const rows = a.screen().split('\n');
  const bar = barAt(rows);
  return bar < 0 ? '' : (rows[bar + 1] ?? '');
};
const statusRows = (a: PtyApp): string => {
  const rows = a.screen().split('\n');
  const bar = barAt(rows);
  return rows.slice(bar, bar + 2).join('\n');
};

describe('spend and context in a real terminal', () => {
  it("status bar: the key's budget from the start, the session's cost and the context gauge after a reply; a warning at 80 %; /usage says the server's figures", async () => {
    // vertex_ai takes stream_options, so the proxy reports tokens (10 in, 20 out) besides its cost.
    server = await startServer({
      models: [{ name: 'claude-3-5-sonnet', underlying: 'vertex_ai/claude-3-5-sonnet', modelInfo: { max_input_tokens: 100 } }],
      spend: { costPerReply: 0.05, spend: 7.97, maxBudget: 10, budgetResetAt: '2030-01-31T00:00:00Z', remainingRequests: 41, remainingTokens: 9000 },
    });
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 110, rows: 30 });
    await app.waitFor('budget $7.97/$10.00');
    expect(meterRow(app)).not.toContain('session');

    await typeLine(app, 'hello');
    await app.waitFor('session $0.05');
    await app.waitFor('budget $8.02/$10.00');
    // 10 + 20 tokens of a 100-token window (set when the chat has the reply's counts).
    // The row whole (the session and the budget are drawn after the gauge).
    await app.waitFor([/context ▰▰▱▱▱ 30 % · session \$0\.05 · budget \$8\.02\/\$10\.00$/m]);
    expect(meterRow(app)).toMatch(/context ▰▰▱▱▱ 30 % · session \$0\.05 · budget \$8\.02\/\$10\.00$/);
    await app.waitFor('over 80 % of the budget is spent');

    await typeLine(app, '/usage');
    const spent = server.options.spend!.spend!;
    expect(spent).toBeCloseTo(8.02, 10);
    // Every line of the answer, not its first words: it is one frame.
    const screen = await app.waitFor([
      'claude-3-5-sonnet: 1 reply, 10 in / 20 out, $0.0500',
      'Total: 1 reply, 10 in / 20 out, $0.0500',
      `Budget: $${spent.toFixed(2)} of $10.00 spent (80 %), resets 2030-01-31 00:00 UTC`,
      'Rate limits left: requests 41, tokens 9000',
    ]);
    expect(screen).toContain('claude-3-5-sonnet: 1 reply, 10 in / 20 out, $0.0500');
    expect(screen).toContain('Total: 1 reply, 10 in / 20 out, $0.0500');
    expect(screen).toContain(`Budget: $${spent.toFixed(2)} of $10.00 spent (80 %), resets 2030-01-31 00:00 UTC`);
    expect(screen).toContain('Rate limits left: requests 41, tokens 9000');
    app.kill();
  });

  it('a send past the context window is held once with a warning; Enter again sends it', async () => {
    server = await startServer({ models: [{ name: 'claude-3-5-sonnet', underlying: 'vertex_ai/claude-3-5-sonnet', modelInfo: { max_input_tokens: 100 } }] });
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 110, rows: 30 });
    await app.waitFor('ready');
    await typeLine(app, 'hello');
    await app.waitFor('context ▰▰▱▱▱ 30 %'); // the window is known: 30 of 100 tokens
    const long = 'word '.repeat(70).trim(); // ~92 tokens by the estimate: 30 + 92 is past 100
    app.write(long);
    await app.waitFor('word word');
    app.write(keys.enter);
    await app.waitFor(/past the 100 that claude-3-5-sonnet takes/);
    expect(chats(server)).toBe(1);
    app.write(keys.enter);
    await waitUntil(() => chats(server!) === 2, 10_000, 'the send');
  });

  it('a 429 counts down live in the status bar; Esc cancels the retry', async () => {
    server = await startServer({ dropParams: true, retryAfterSec: 30 });
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('ready');
    server.fault = '429';
    await typeLine(app, 'hello');
    const first = await app.waitFor(/retry in (\d+) s · Esc cancels/);
    const n1 = Number(/retry in (\d+) s/.exec(first)![1]);
    expect(n1).toBeLessThanOrEqual(30);
    // It counts down by itself (the screen changes with no key pressed).
    await app.waitFor(new RegExp(`retry in ${n1 - 1} s · Esc cancels`));
    expect(chats(server)).toBe(1);
    app.write(keys.esc);
    await app.waitFor(/interrupted/i);
    await app.waitFor('ready');
    expect(statusRows(app)).not.toContain('Esc cancels');
    server.fault = 'none';
    await typeLine(app, 'again');
    await app.waitFor('Hello from the proxy');
    // The cancelled request was never sent again: one 429, one reply.
    expect(chats(server)).toBe(2);
  });

  it('a proxy without /key/info and without costs: no budget; the session cost only as an estimate (~); /usage still answers', async () => {
    server = await startServer({ dropParams: true });
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('ready');
    await waitUntil(() => server!.requests.some((r) => r.url === '/key/info'), 10_000, 'the /key/info request');
    await typeLine(app, 'hello');
    await app.waitFor('Hello from the proxy');
    await app.waitFor('ready ·');
    // No cost from the proxy: priced here from the built-in table, and said to be an estimate. The
    // alias is priced through the proxy's model list (its underlying model), asked for at start; a
    // reply that ends before that list has come is priced when it does.
    await app.waitFor([/· session ~\$\d/]);
    expect(meterRow(app)).toMatch(/ session ~\$\d[\d.]*( ·|$)/);
    expect(meterRow(app)).not.toMatch(/budget/);
    await typeLine(app, '/usage');
    // The answer whole before saying what is not in it: the prompt is drawn again below it last.
    const screen = await app.waitFor([/claude-3-5-sonnet: 1 reply[\s\S]*Total: 1 reply[\s\S]*› Send a message/]);
    expect(screen).not.toContain('Budget');
    expect(screen).not.toContain('Rate limits');
    expect(screen).not.toMatch(/✗|failed/i);
  });
});
