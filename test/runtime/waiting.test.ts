// Waiting is bounded and can be cut short (issue 13 points 6 and 7), against a local server that
// records every request: a stop during detection sends nothing; a health endpoint that hangs is
// probed once per run; -p against a listener that never answers ends at OPENWORK_TIMEOUT_MS.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { runCli } from '../helpers/cli.js';

let home: TempHome;
let server: TestServer;
let runtimes: RuntimeService[] = [];
beforeEach(async () => {
  home = tempHome();
  server = await startServer();
});
afterEach(async () => {
  for (const r of runtimes) r.close();
  runtimes = [];
  await server.close();
  home.cleanup();
});

function runtime(o: { deferStart?: boolean } = {}): RuntimeService {
  const r = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile), watch: false, ...o });
  runtimes.push(r);
  return r;
}
const paths = () => server.requests.map((q) => `${q.method} ${q.url}`);
const PROBE = 'GET /health/liveliness';
const probes = () => paths().filter((p) => p === PROBE).length;
const withoutProbe = () => paths().filter((p) => p !== PROBE);

describe('stop while the proxy is being detected', () => {
  it('an abort during a slow probe ends the send at once (before detection ends) and nothing reaches the server afterwards', async () => {
    server.fault = 'hang'; // the health endpoint never answers: detection waits for the probe's limit
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
    const r = runtime();
    const ac = new AbortController();
    const order: string[] = [];
    const events: ChatEvent[] = [];
    const sending = (async () => {
      for await (const ev of r.chat({ model: 'claude-3-5-sonnet', messages: [{ role: 'user', content: 'hello' }] }, ac.signal)) events.push(ev);
      order.push(`send ended (detecting: ${r.getState().detecting})`);
    })();
    ac.abort(); // Esc / Ctrl+C
    await sending;
    await r.ready();
    order.push('detection ended');
    server.fault = 'none'; // the proxy answers again: a request sent now would be recorded and answered
    await r.listModels(); // a later call goes through (proves the server records what reaches it)
    expect(order).toEqual(['send ended (detecting: true)', 'detection ended']);
    expect(events).toEqual([{ type: 'done', stopReason: 'aborted' }]);
    // The probe reached the server, unless a starved machine ran out its limit before it was written.
    expect(withoutProbe()).toEqual(['GET /v1/models', 'GET /model/info']);
    expect(probes()).toBeLessThanOrEqual(1);
  });
});

describe('a listener that never answers, OPENWORK_TIMEOUT_MS=3000', () => {
  it('one deadline per send: the request is given what the probe left of the 3000 ms, and its timeout still names 3000 ms', async () => {
    server.fault = 'hang';
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_TIMEOUT_MS=3000\n`);
    // Detection starts with the send (as a send right after the TUI's first frame): the probe's
    // 750 ms limit runs out inside the send, before the request.
    const r = runtime({ deferStart: true });
    const events: ChatEvent[] = [];
    for await (const ev of r.chat({ model: 'claude-3-5-sonnet', messages: [{ role: 'user', content: 'hello' }] }, new AbortController().signal)) events.push(ev);
    const error = events.find((e) => e.type === 'error');
    expect(error?.type === 'error' && error.error.fact).toMatchObject({ id: 'timeout', timeoutMs: 3000 });
    expect(withoutProbe()).toEqual(['POST /v1/chat/completions']);
    const given = /the request waits at most (\d+) ms of OPENWORK_TIMEOUT_MS=3000/.exec(readFileSync(home.logFile, 'utf8'));
    expect(given).not.toBeNull();
    // 3000 − 750 (a timer may fire a millisecond early); a quarter of the limit at least.
    expect(Number(given![1])).toBeLessThanOrEqual(2252);
    expect(Number(given![1])).toBeGreaterThanOrEqual(750);
  });

  it('-p probes the health endpoint once, sends one request, and ends with a timeout, exit 4', async () => {
    server.fault = 'hang';
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_TIMEOUT_MS=3000\n`);
    const r = await runCli(['-p', 'hello', '--model', 'claude-3-5-sonnet'], { home: home.dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`No answer from 127.0.0.1:${server.port} within 3000 ms`);
    // One request, and at most one probe before it (it was probed 2 × 3 s before); the probe's limit
    // is 750 ms here, which a starved machine can run out before the probe is written.
    expect(withoutProbe()).toEqual(['POST /v1/chat/completions']);
    expect(probes()).toBeLessThanOrEqual(1);
    if (probes()) expect(paths()[0]).toBe('GET /health/liveliness');
  });

  it('with no --model on a new setup: the model listing times out and nothing more is sent (the message would only wait again)', async () => {
    server.fault = 'hang';
    home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_TIMEOUT_MS=3000\n`);
    const r = await runCli(['-p', 'hello'], { home: home.dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('within 3000 ms');
    expect(withoutProbe()).toEqual(['GET /v1/models']);
    expect(probes()).toBeLessThanOrEqual(1);
  });
});
