// A connect that never completes is reported at the connect limit (10 s, undici's), not after the
// whole first-byte timeout (OPENWORK_TIMEOUT_MS, 60 s by default), and said as such (issue 13 point 7).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startBlackHole, type BlackHole } from '../helpers/blackHole.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { runCli } from '../helpers/cli.js';
import { worded } from '../helpers/worded.js';

let home: TempHome;
let hole: BlackHole;
beforeEach(async () => {
  home = tempHome();
  hole = await startBlackHole();
  home.writeEnv(`ANTHROPIC_BASE_URL=${hole.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
});
afterEach(async () => {
  await hole.close();
  home.cleanup();
});

describe('an address where a connect never completes (OPENWORK_TIMEOUT_MS at its default, 60 s)', () => {
  it('-p ends at the connect limit: exit 4, "nothing accepted the connection within 10 s", not a 60 s timeout', async () => {
    const r = await runCli(['-p', 'hello', '--model', 'claude-3-5-sonnet'], { home: home.dir, timeoutMs: 45_000 });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`Cannot connect to ${hole.url}: nothing accepted the connection within 10 s (connect timeout).`);
    expect(r.stderr).not.toContain('60 s');
  }, 60_000);

  it('-p with no --model: the listing runs into the connect limit and -p ends with it there, exit 4 (the message is never sent)', async () => {
    const r = await runCli(['-p', 'hello', '--debug'], { home: home.dir, timeoutMs: 45_000 });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`Cannot connect to ${hole.url}: nothing accepted the connection within 10 s (connect timeout).`);
    expect(r.stderr).not.toContain('openwork-tui: model '); // said only when it goes on to send
    // Before: the listing was cut at its 5 s cap, then the message waited out the connect limit again.
    const requests = home.readLog().split('\n').filter((l) => / failed \S+ after \d+ms/.test(l));
    expect(requests.some((l) => l.includes(`GET ${hole.url}/v1/models failed`))).toBe(true);
    expect(requests.filter((l) => l.includes('/chat/completions') || l.includes('/v1/messages'))).toEqual([]);
  }, 60_000);

  it('OPENWORK_CONNECT_TIMEOUT_MS=1000: -p ends at that limit instead, and doctor shows where it came from', async () => {
    home.writeEnv(`ANTHROPIC_BASE_URL=${hole.url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_CONNECT_TIMEOUT_MS=1000\n`);
    const r = await runCli(['-p', 'hello', '--model', 'claude-3-5-sonnet'], { home: home.dir, timeoutMs: 45_000 });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`Cannot connect to ${hole.url}: nothing accepted the connection within 1000 ms (connect timeout).`);
    const d = await runCli(['doctor', '--model', 'claude-3-5-sonnet'], { home: home.dir, env: { OPENWORK_TIMEOUT_MS: '3000' }, timeoutMs: 45_000 });
    expect(d.stdout).toContain('connect timeout (OPENWORK_CONNECT_TIMEOUT_MS): 1000 ms, from the .env file');
  }, 60_000);

  it('doctor: the address check says no answer came to the connection attempt, the rest is skipped, exit 4', async () => {
    home.writeEnv(`ANTHROPIC_BASE_URL=${hole.url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_TIMEOUT_MS=3000\n`);
    const r = await runCli(['doctor', '--model', 'claude-3-5-sonnet'], { home: home.dir, timeoutMs: 45_000 });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/✖ Address: Connection to 127\.0\.0\.1:\d+ timed out \(ETIMEDOUT\)\./);
    expect(r.stdout).toMatch(/no answer to the connection attempt within \d+ ms: a firewall may drop the packets/);
    expect(r.stdout).toContain('- Request: skipped: nothing accepts connections');
  }, 60_000);

  it("the chat's error event is 'unreachable' with the connect limit (the SDK would have called it a timeout)", async () => {
    const r = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile), watch: false });
    try {
      const events: ChatEvent[] = [];
      for await (const ev of r.chat({ model: 'claude-3-5-sonnet', messages: [{ role: 'user', content: 'hello' }] }, new AbortController().signal)) events.push(ev);
      const error = events.find((e) => e.type === 'error');
      expect(error).toMatchObject({ type: 'error', error: { kind: 'unreachable', url: hole.url } });
      expect(error && error.type === 'error' && worded(error.error).message).toContain('within 10 s (connect timeout)');
    } finally {
      r.close();
    }
  }, 60_000);
});
