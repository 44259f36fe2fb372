// One TCP connection for the chat's requests: the listing at start and the chat requests after it
// (a refused parameter's retry included) reuse one keep-alive connection, against a local server
// that numbers the connections it accepts. undici frees a connection a turn after a body's end; a
// request sent in that turn (the listing's /model/info after /v1/models, a retry) opened another.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';

const KEY = 'sk-test-master';
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

async function collect(it: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}
const hello = { model: 'claude-3-5-sonnet', messages: [{ role: 'user' as const, content: 'hello' }] };
const CHAT = /chat\/completions|\/v1\/messages/;

describe('keep-alive', () => {
  for (const flavor of ['litellm', 'anthropic'] as const) {
    it(`${flavor}: the listing and the chat requests after it share one connection`, async () => {
      const s = await startServer({ flavor });
      servers.push(s);
      home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
      const r = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile), watch: false });
      runtimes.push(r);
      await r.ready();
      const from = s.requests.length; // the address probe's connection may have been idle long enough to close (loading the SDK under load)
      expect((await r.listModels()).status).toBe('ok');
      for (let i = 0; i < 3; i++) expect((await collect(r.chat(hello))).at(-1)).toMatchObject({ type: 'done' });
      const after = s.requests.slice(from);
      expect(after.filter((q) => q.url.startsWith('/v1/models') || q.url === '/model/info').length).toBeGreaterThanOrEqual(1);
      // LiteLLM refuses stream_options for an anthropic/* model: the first chat is sent twice.
      expect(after.filter((q) => CHAT.test(q.url)).length).toBe(flavor === 'litellm' ? 4 : 3);
      expect(new Set(after.map((q) => q.connection))).toEqual(new Set([after[0]!.connection]));
    });
  }
});
