// A connection opened early (src/runtime/net/preconnect.ts) carries the first request: against local
// servers that number the TCP connections they accept, the request goes out on the connection that
// was open before it, over http and https (undici's TLS over the early socket), and no other is
// opened. A connection that fails is undici's to meet again: a refused one fails as it would have
// without it, and one nothing accepts fails at the connect limit, with the same error code.
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { networkFetch, type EarlySlot } from '../../src/runtime/net/fetch.js';
import { closeEarly, isLoopbackHost, openEarly, preconnectWanted } from '../../src/runtime/net/preconnect.js';
import { resolveNetwork } from '../../src/runtime/net/settings.js';
import { connectLimitFetch, connectLimitOf } from '../../src/runtime/net/connectLimit.js';
import { findErrorCode } from '../../src/runtime/errorFacts.js';
import { connectionFreed } from '../../src/runtime/boundedFetch.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { startBlackHole, type BlackHole } from '../helpers/blackHole.js';
import { waitUntil } from '../helpers/home.js';
import { TEST_CERT, TEST_CERT_KEY } from '../helpers/tlsCert.js';

const KEY = 'sk-test-master';
const auth = { headers: { authorization: `Bearer ${KEY}` } };
let servers: TestServer[] = [];
let holes: BlackHole[] = [];
let slots: EarlySlot[] = [];
let dirs: string[] = [];

afterEach(async () => {
  for (const s of slots) closeEarly(s.early);
  await Promise.all([...servers.map((s) => s.close()), ...holes.map((h) => h.close())]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  servers = [];
  holes = [];
  slots = [];
  dirs = [];
});

function early(url: string): EarlySlot {
  const slot: EarlySlot = { early: openEarly(url, connect) };
  slots.push(slot);
  return slot;
}

/** The error a request through `f` ends with (the test fails if it succeeds). */
async function failure(f: typeof fetch, url: string): Promise<unknown> {
  try {
    await f(url, auth);
  } catch (err) {
    return err;
  }
  throw new Error(`${url} answered`);
}

describe('a connection opened early', () => {
  it('http: the first request goes out on it, and the next ones too (kept alive): one connection in all', async () => {
    const s = await startServer();
    servers.push(s);
    const slot = early(s.url);
    // Accepted before any request exists.
    await waitUntil(() => s.connections === 1, 10_000, 'the early connection accepted');
    expect(s.requests).toHaveLength(0);
    const f = networkFetch(resolveNetwork({}, {}), s.url, fetch, slot);
    for (let i = 0; i < 3; i++) {
      const res = await f(`${s.url}/v1/models`, auth);
      expect(res.status).toBe(200);
      await res.text();
      await connectionFreed(); // undici frees the connection a turn after the body's end (as boundedFetch waits)
    }
    expect(s.connections).toBe(1);
    expect(s.requests.map((r) => r.connection)).toEqual([1, 1, 1]);
    expect(slot.early?.taken).toBe(true);
  });

  it('https: undici speaks TLS over it (a private CA), and opens no other', async () => {
    const s = await startServer({ tls: { key: TEST_CERT_KEY, cert: TEST_CERT } });
    servers.push(s);
    const dir = mkdtempSync(join(tmpdir(), 'openwork-ca-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'ca.pem'), TEST_CERT);
    const net = resolveNetwork({ OPENWORK_CA_FILE: join(dir, 'ca.pem') }, {});
    const slot = early(s.url);
    await waitUntil(() => s.connections === 1, 10_000, 'the early connection accepted');
    const f = networkFetch(net, s.url, fetch, slot);
    const res = await f(`${s.url}/v1/models`, auth);
    expect(res.status).toBe(200);
    await res.text();
    // (The server numbers TCP connections; a request's TLS socket is not among them.)
    expect(s.connections).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('refused: the request fails as it does without one (ECONNREFUSED)', async () => {
    const s = await startServer();
    const url = s.url;
    await s.close(); // nothing listens there any more
    const slot = early(url);
    await waitUntil(() => slot.early!.socket.destroyed, 10_000, 'the early connection refused');
    const withEarly = await failure(networkFetch(resolveNetwork({}, {}), url, fetch, slot), `${url}/v1/models`);
    const without = await failure(networkFetch(resolveNetwork({}, {}), url, fetch), `${url}/v1/models`);
    expect(findErrorCode(withEarly)).toBe('ECONNREFUSED');
    expect(findErrorCode(without)).toBe('ECONNREFUSED');
  });

  it('nothing accepts it: the request fails at the connect limit, as undici words it', async () => {
    const hole = await startBlackHole();
    holes.push(hole);
    const net = resolveNetwork({ OPENWORK_CONNECT_TIMEOUT_MS: '400' }, {});
    const slot = early(hole.url);
    const err = await failure(connectLimitFetch(networkFetch(net, hole.url, fetch, slot), 400), `${hole.url}/v1/models`);
    expect(connectLimitOf(err)).toBe(400);
    expect(slot.early?.socket.destroyed).toBe(true);
  }, 20_000);

  it('is not taken for another address: that request opens its own connection', async () => {
    const a = await startServer();
    const b = await startServer();
    servers.push(a, b);
    const slot = early(a.url);
    await waitUntil(() => a.connections === 1, 10_000, 'the early connection accepted');
    const f = networkFetch(resolveNetwork({}, {}), a.url, fetch, slot);
    const res = await f(`${b.url}/v1/models`, auth);
    expect(res.status).toBe(200);
    await res.text();
    await connectionFreed();
    expect(b.connections).toBe(1);
    expect(slot.early?.taken).toBe(false);
    const again = await f(`${a.url}/v1/models`, auth);
    await again.text();
    expect(a.connections).toBe(1);
    expect(a.requests.map((r) => r.connection)).toEqual([1]);
  });

  it('is wanted for an address off this machine, or when OPENWORK_PRECONNECT says so', () => {
    for (const h of ['localhost', 'api.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['proxy.example.com', '10.0.0.5', '128.0.0.1', '::2']) expect(isLoopbackHost(h)).toBe(false);
    expect(preconnectWanted('https://litellm.example.com', undefined)).toBe(true);
    expect(preconnectWanted('http://127.0.0.1:4000', undefined)).toBe(false);
    expect(preconnectWanted('http://[::1]:4000', undefined)).toBe(false);
    expect(preconnectWanted('http://127.0.0.1:4000', { on: true })).toBe(true);
    expect(preconnectWanted('https://litellm.example.com', { on: false })).toBe(false);
    expect(resolveNetwork({ OPENWORK_PRECONNECT: 'on' }, {}).preconnect?.on).toBe(true);
    expect(resolveNetwork({}, { OPENWORK_PRECONNECT: 'off' }).preconnect?.on).toBe(false);
    const bad = resolveNetwork({ OPENWORK_PRECONNECT: 'sometimes' }, {});
    expect(bad.preconnect).toBeUndefined();
    expect(bad.problems.join()).toMatch(/OPENWORK_PRECONNECT/);
  });

  it('only http(s) addresses are opened', () => {
    expect(openEarly('unix:/tmp/x', connect)).toBeUndefined();
    expect(openEarly('not a url', connect)).toBeUndefined();
  });
});
