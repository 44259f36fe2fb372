// `-p` opens its connection to the proxy while the SDK loads (src/runtime/net/preconnect.ts): the
// handshake's round trip passes meanwhile, and the chat request goes out on that connection. The
// SDK's load is made to take seconds (test/helpers/slowSdk.mjs, which writes a file when it lets the
// load go on): the proxy has accepted the connection before then, and the request comes on it.
// The test servers are on this machine, where it is not done unless OPENWORK_PRECONNECT=on (a local
// port forwarded to a proxy far away).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { tempHome, waitUntil, type TempHome } from './helpers/home.js';
import { startServer, type TestServer } from './helpers/llmServer.js';
import { startForwardProxy } from './helpers/forwardProxy.js';

const MODEL = 'claude-3-5-sonnet';
const env = (url: string, extra = ''): string => `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=sk-test-master\n${extra}`;
const slowSdk = (mark: string) => ({ NODE_OPTIONS: `--import ${new URL('./helpers/slowSdk.mjs', import.meta.url).href}`, SLOW_SDK_MS: '4000', SLOW_SDK_MARK: mark });

let home: TempHome;
let server: TestServer;
beforeEach(async () => {
  home = tempHome();
  server = await startServer({ dropParams: true });
  server.setReply(MODEL, 'hello over the early connection');
});
afterEach(async () => {
  await server.close();
  home.cleanup();
});

// On Node 24 a module held by a load hook holds the main thread too (measured: the connection came
// only after slowSdk's delay), so this way of slowing the SDK cannot tell an early connect from a late
// one there. The bench's relay row measures the early connection on any Node (0.87× on Node 24).
const hooksHoldTheMainThread = Number(process.versions.node.split('.')[0]) >= 24;

describe('-p connects while the SDK loads', () => {
  it.skipIf(hooksHoldTheMainThread)('the proxy accepts the connection before the SDK has loaded, and the one request comes on it', async () => {
    home.writeEnv(env(server.url, 'OPENWORK_PRECONNECT=on\n'));
    // The user's first run for this address (it probes); the next one is what every later run is.
    expect((await runCli(['-p', 'hi', '--model', MODEL], { home: home.dir, timeoutMs: 30_000 })).code).toBe(0);
    const before = { connections: server.connections, requests: server.requests.length };
    const mark = join(home.dir, 'sdk-loaded');
    const run = runCli(['-p', 'hello', '--model', MODEL], { home: home.dir, env: slowSdk(mark), timeoutMs: 60_000 });
    await waitUntil(() => server.connections > before.connections, 30_000, 'a connection from the second run');
    // Opened before the SDK's load was let go on: nothing could have asked for it but the early connect.
    expect(existsSync(mark)).toBe(false);
    const r = await run;
    expect(r.stdout).toBe('hello over the early connection\n');
    expect(r.code).toBe(0);
    expect(existsSync(mark)).toBe(true);
    const sent = server.requests.slice(before.requests);
    expect(sent.map((q) => `${q.method} ${q.url}`)).toEqual(['POST /v1/chat/completions']);
    expect(server.connections).toBe(before.connections + 1);
    expect(sent[0]!.connection).toBe(before.connections + 1);
  }, 90_000);

  it('to an address on this machine, by default: the connection comes with the request, after the SDK has loaded', async () => {
    home.writeEnv(env(server.url));
    expect((await runCli(['-p', 'hi', '--model', MODEL], { home: home.dir, timeoutMs: 30_000 })).code).toBe(0);
    const before = server.connections;
    const mark = join(home.dir, 'sdk-loaded');
    const run = runCli(['-p', 'hello', '--model', MODEL], { home: home.dir, env: slowSdk(mark), timeoutMs: 60_000 });
    await waitUntil(() => server.connections > before, 30_000, 'a connection from the second run');
    expect(existsSync(mark)).toBe(true);
    expect((await run).stdout).toBe('hello over the early connection\n');
  }, 90_000);

  it('not through a forward proxy: the connection is the proxy agent’s to make, on the request', async () => {
    const proxy = await startForwardProxy();
    try {
      home.writeEnv(env(server.url, `HTTP_PROXY=${proxy.url}\nNO_PROXY=\nOPENWORK_PRECONNECT=on\n`));
      expect((await runCli(['-p', 'hi', '--model', MODEL], { home: home.dir, timeoutMs: 30_000 })).code).toBe(0);
      const before = server.connections;
      const passedBefore = proxy.passed.length;
      const mark = join(home.dir, 'sdk-loaded');
      const r = await runCli(['-p', 'hello', '--model', MODEL], { home: home.dir, env: slowSdk(mark), timeoutMs: 60_000 });
      expect(r.stdout).toBe('hello over the early connection\n');
      // The one request went through the forward proxy, and the server saw that one connection only:
      // an early connection straight to the server would have been a second.
      expect(proxy.passed.length - passedBefore).toBe(1);
      expect(server.connections - before).toBe(1);
    } finally {
      await proxy.close();
    }
  }, 90_000);
});
