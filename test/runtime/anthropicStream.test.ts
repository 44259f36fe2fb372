// The Anthropic adapter's stream (src/runtime/providers/anthropicMessages.ts over anthropicSse.ts),
// through the real runtime, the real SDK and a local server speaking Anthropic's API: a reply
// arrives byte for byte, one idle timer still ends a stream that goes quiet, and a slow stream that
// keeps sending is not cut by it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';

const KEY = 'sk-test-master';
const MODEL = 'claude-3-5-sonnet';
let home: TempHome;
let servers: TestServer[] = [];
let runtimes: RuntimeService[] = [];

beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  for (const r of runtimes) r.close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  runtimes = [];
  home.cleanup();
});

async function anthropicRuntime(opts: Parameters<typeof startServer>[0] = {}, env = '') {
  const s = await startServer({ flavor: 'anthropic', ...opts });
  servers.push(s);
  home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n${env}`);
  const r = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile), watch: false });
  runtimes.push(r);
  await r.ready();
  expect(r.getState().connection.mode).toBe('gateway');
  return { s, r };
}

async function collect(it: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}
const textOf = (evs: ChatEvent[]) => evs.map((e) => (e.type === 'text' ? e.text : '')).join('');
const hello = () => ({ model: MODEL, messages: [{ role: 'user' as const, content: 'hello' }] });

/** ~20 KB of Markdown with non-ASCII text, CRLF inside, and characters JSON escapes. */
const REPLY = Array.from({ length: 120 }, (_, i) => `## Part ${i}\n\n- **item** \`code()\` — 你好 🙂 "quoted" \\ back\\slash\ttab\r\n${'word '.repeat(i % 7)}\n`).join('\n');

describe('Anthropic adapter streams', () => {
  for (const chunkSize of [1, 7, 64]) {
    it(`a long reply in ${chunkSize}-character deltas arrives byte for byte, with its usage and end`, async () => {
      const { s, r } = await anthropicRuntime({ chunkSize });
      s.setReply(MODEL, REPLY);
      const evs = await collect(r.chat(hello()));
      expect(evs.find((e) => e.type === 'error')).toBeUndefined();
      expect(textOf(evs)).toBe(REPLY);
      expect(evs.at(-1)).toMatchObject({ type: 'done', stopReason: 'end' });
      expect(evs.find((e) => e.type === 'usage')).toMatchObject({ inputTokens: 10, outputTokens: Math.ceil([...REPLY].length / chunkSize) });
    }, 60_000);
  }

  it('a stream that goes quiet after its first event ends with a timeout (the one idle timer fires)', async () => {
    const { s, r } = await anthropicRuntime({}, 'OPENWORK_TIMEOUT_MS=400\n');
    s.fault = 'hang-after-headers';
    const evs = await collect(r.chat(hello()));
    const err = evs.find((e) => e.type === 'error');
    expect(err).toMatchObject({ type: 'error', error: { kind: 'timeout' } });
  });

  it('a slow stream that keeps sending outlasts the idle limit without being cut (each read counts as life)', async () => {
    // 30 events 150 ms apart: 4.5 s in all against a 3 s idle limit, never 3 s without a read.
    const { s, r } = await anthropicRuntime({ chunkSize: 1, chunkDelayMs: 150 }, 'OPENWORK_TIMEOUT_MS=3000\n');
    const reply = 'slow but steady, á';
    s.setReply(MODEL, reply);
    const evs = await collect(r.chat(hello()));
    expect(evs.find((e) => e.type === 'error')).toBeUndefined();
    expect(textOf(evs)).toBe(reply);
    expect(evs.at(-1)).toMatchObject({ type: 'done', stopReason: 'end' });
  }, 60_000);
});
