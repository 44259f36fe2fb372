// The runtime against real local servers, through the real SDKs.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noticeWords } from '../../src/words/notices.js';
import { worded } from '../helpers/worded.js';
import { lstatSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIfExists } from '../../src/settings/atomicWrite.js';
import { saveEnv } from '../../src/settings/saveEnv.js';
import { RuntimeService } from '../../src/runtime/service.js';
import { watchEnvFile } from '../../src/runtime/watcher.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { refusedPort, startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { anthropicAt } from '../helpers/anthropicDirect.js';

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

async function server(opts: Parameters<typeof startServer>[0] = {}) {
  const s = await startServer(opts);
  servers.push(s);
  return s;
}

function runtime(opts: { watch?: boolean; env?: NodeJS.ProcessEnv; debug?: boolean; deferStart?: boolean } = {}) {
  const logger = createFileLogger(home.logFile, { debug: opts.debug ?? false });
  const r = new RuntimeService({ envPath: home.envPath, env: opts.env ?? {}, logger, watch: opts.watch ?? false, debounceMs: 30, deferStart: opts.deferStart ?? false });
  runtimes.push(r);
  return r;
}

async function collect(it: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}
const textOf = (evs: ChatEvent[]) => evs.map((e) => (e.type === 'text' ? e.text : '')).join('');
const errorOf = (evs: ChatEvent[]) => {
  const e = evs.find((x) => x.type === 'error');
  if (!e || e.type !== 'error') throw new Error(`no error event in ${JSON.stringify(evs)}`);
  return { ...e, error: worded(e.error) }; // the fact, worded as the chat's card words it
};
/**
 * Settles once a watcher like the runtime's (same file, same debounce), made now, has fired for the
 * writes that follow. Node runs equal timers in the order they were set, so a watcher the runtime made
 * earlier has fired, and its reload has read the file, by then: the event a negative check waits for.
 */
function watchersFired(envPath: string): Promise<void> {
  return new Promise((ok) => {
    const w = watchEnvFile(envPath, () => {
      w.close();
      ok();
    }, 30);
  });
}
const hello = (model = 'claude-3-5-sonnet') => ({ model, messages: [{ role: 'user' as const, content: 'hello' }] });

describe('LiteLLM proxy mode', () => {
  it('detects LiteLLM, streams in OpenAI format through <base>/v1 with a Bearer key, and logs the runtime line', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    const evs = await collect(r.chat(hello()));
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(evs[0]).toMatchObject({ type: 'start', mode: 'litellm' });
    expect(evs.at(-1)).toEqual({ type: 'done', stopReason: 'end' });
    const chat = s.requests.find((q) => q.url === '/v1/chat/completions')!;
    expect(chat.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(chat.body).toMatchObject({ model: 'claude-3-5-sonnet', stream: true, messages: [{ role: 'user', content: 'hello' }] });
    expect(r.getState().connection).toMatchObject({ mode: 'litellm', via: 'probe', unreachable: false });
    const log = home.readLog();
    expect(log).toContain(`[Runtime] Using LiteLLM proxy for Anthropic: { hasApiKey: true, hasAuthToken: false, baseUrl: '${s.url}' }`);
    expect(log).not.toContain(KEY);
  });

  it('the probe sends no key', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    await r.ready();
    const probe = s.requests.find((q) => q.url === '/health/liveliness')!;
    expect(probe.headers.authorization).toBeUndefined();
    expect(probe.headers['x-api-key']).toBeUndefined();
  });

  it('ANTHROPIC_AUTH_TOKEN is sent as the Bearer token when both are set', async () => {
    const s = await server({ masterKey: 'tok-master-0001' });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=sk-wrong-12345\nANTHROPIC_AUTH_TOKEN=tok-master-0001\n`);
    const evs = await collect(runtime().chat(hello()));
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(s.requests.at(-1)!.headers.authorization).toBe('Bearer tok-master-0001');
  });

  it('lists the models the proxy serves, with /model/info details, and marks built-ins it lacks', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const listing = await runtime().listModels();
    expect(listing.status).toBe('ok');
    const byId = new Map(listing.models.map((m) => [m.id, m]));
    expect(byId.get('claude-3-5-sonnet')).toMatchObject({ source: 'proxy', served: true, underlying: 'anthropic/claude-3-5-sonnet-20241022' });
    expect(byId.get('claude-3-5-haiku-20241022')).toMatchObject({ source: 'proxy', served: true });
    expect(byId.get('claude-3-5-sonnet-20241022')).toMatchObject({ source: 'builtin', served: false, suggestion: 'claude-3-5-sonnet' });
    expect(byId.get('claude-sonnet-4-5-20250929')).toMatchObject({ served: false });
  });

  it('an unreachable proxy is treated as LiteLLM and reported as unreachable', async () => {
    const port = await refusedPort();
    home.writeEnv(`ANTHROPIC_BASE_URL=http://127.0.0.1:${port}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    await r.ready();
    expect(r.getState().connection).toMatchObject({ mode: 'litellm', unreachable: true, via: 'fallback' });
    const err = errorOf(await collect(r.chat(hello())));
    expect(err.error.kind).toBe('unreachable');
    expect(err.error.message).toContain(`127.0.0.1:${port}`);
    expect(err.error.message).toMatch(/refused/);
    expect(err.error.hint).toMatch(/proxy is running/);
  });

  it('an unreachable proxy that starts later is found again on the next request', async () => {
    const port = await refusedPort();
    home.writeEnv(`ANTHROPIC_BASE_URL=http://127.0.0.1:${port}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    await r.ready();
    expect(r.getState().connection.unreachable).toBe(true);
    // Bring a proxy up on that exact port.
    const { createServer } = await import('node:http');
    const s = await server();
    const relay = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        const up = await fetch(s.url + req.url, { method: req.method, headers: req.headers as Record<string, string>, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
        res.writeHead(up.status, Object.fromEntries(up.headers));
        res.end(Buffer.from(await up.arrayBuffer()));
      });
    });
    await new Promise<void>((ok) => relay.listen(port, '127.0.0.1', ok));
    try {
      const evs = await collect(r.chat(hello()));
      expect(textOf(evs)).toBe('Hello from the proxy');
      expect(r.getState().connection.unreachable).toBe(false);
    } finally {
      relay.closeAllConnections();
      await new Promise((ok) => relay.close(ok));
    }
  });
});

describe('other provider modes', () => {
  it('an Anthropic-compatible gateway is used with @anthropic-ai/sdk', async () => {
    const s = await server({ flavor: 'anthropic' });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    const evs = await collect(r.chat(hello('claude-3-5-haiku-20241022')));
    expect(r.getState().connection).toMatchObject({ mode: 'gateway', via: 'probe' });
    expect(textOf(evs)).toBe('hi');
    expect(evs.at(-1)).toEqual({ type: 'done', stopReason: 'end' });
    expect(s.requests.some((q) => q.url === '/v1/messages' && q.body.model === 'claude-3-5-haiku-20241022')).toBe(true);
    expect(home.readLog()).toContain('[Runtime] Using Anthropic-compatible gateway:');
  });

  it('OPENWORK_PROXY_FORMAT skips the guess (no probe)', async () => {
    const s = await server({ flavor: 'anthropic' });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PROXY_FORMAT=anthropic\n`);
    const r = runtime();
    await r.ready();
    expect(r.getState().connection).toMatchObject({ mode: 'gateway', via: 'override' });
    expect(s.requests.some((q) => q.url.startsWith('/health'))).toBe(false);

    const l = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${l.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PROXY_FORMAT=openai\n`);
    const r2 = runtime();
    expect(textOf(await collect(r2.chat(hello())))).toBe('Hello from the proxy');
    expect(r2.getState().connection).toMatchObject({ mode: 'litellm', via: 'override' });
    expect(l.requests.some((q) => q.url.startsWith('/health'))).toBe(false);
  });

  it('a web server that is not an LLM API is detected as "not LiteLLM" and its answer explained', async () => {
    const s = await server({ flavor: 'plain' });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    const err = errorOf(await collect(r.chat(hello())));
    expect(r.getState().connection.mode).toBe('gateway');
    expect(err.error.kind).toBe('blocked');
  });

  it('gpt-* models go to OpenAI directly with OPENAI_API_KEY, and the proxy key is never sent there', async () => {
    const proxy = await server({ flavor: 'anthropic' });
    const openai = await server({ masterKey: 'sk-openai-7777', models: [{ name: 'gpt-4o', reply: 'from openai' }] });
    home.writeEnv(`ANTHROPIC_BASE_URL=${proxy.url}\nANTHROPIC_API_KEY=${KEY}\nOPENAI_API_KEY=sk-openai-7777\nOPENAI_BASE_URL=${openai.url}\n`);
    const r = runtime();
    const evs = await collect(r.chat(hello('gpt-4o')));
    expect(textOf(evs)).toBe('from openai');
    expect(evs[0]).toMatchObject({ type: 'start', mode: 'openai' });
    for (const q of openai.requests) expect(JSON.stringify(q.headers)).not.toContain(KEY);
    expect(proxy.requests.some((q) => q.url === '/v1/messages')).toBe(false);
  });

  it("OpenAI refusing OPENAI_API_KEY is said as OpenAI's refusal, and the proxy's key is not marked refused", async () => {
    const proxy = await server({ flavor: 'anthropic' });
    const openai = await server({ masterKey: 'sk-openai-right', models: [{ name: 'gpt-4o', reply: 'from openai' }] });
    home.writeEnv(`ANTHROPIC_BASE_URL=${proxy.url}\nANTHROPIC_API_KEY=${KEY}\nOPENAI_API_KEY=sk-openai-wrong\nOPENAI_BASE_URL=${openai.url}\n`);
    const r = runtime();
    const err = errorOf(await collect(r.chat(hello('gpt-4o'))));
    expect(err.error.kind).toBe('auth');
    expect(err.error.message).toMatch(/^The OpenAI API refused the key/);
    expect(err.error.hint).toMatch(/OPENAI_API_KEY/);
    expect(err.error.hint).not.toMatch(/config set ANTHROPIC_API_KEY/);
    expect(r.getState().keyRefused).toBeFalsy();
  });

  it('direct Anthropic without a key fails with an actionable message before any request', async () => {
    const r = runtime();
    const err = errorOf(await collect(r.chat(hello())));
    expect(r.getState().connection.mode).toBe('anthropic');
    expect(err.error.kind).toBe('auth');
    expect(err.error.message).toMatch(/nothing was sent/);
    expect(err.error.hint).toMatch(/ANTHROPIC_API_KEY/);
    // no request was made: no HTTP status, nothing the "server said"
    expect(err.error.status).toBeUndefined();
    expect(err.error.detail).toBeUndefined();
  });
});

/** A runtime on a local LiteLLM proxy it has detected, the proxy answering with `fault`. */
async function litellm(fault: TestServer['fault'] = 'none', env = '') {
  const s = await server();
  home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n${env}`);
  const r = runtime();
  await r.ready();
  s.fault = fault;
  return { s, r };
}

describe('failures', () => {

  it('a wrong key: 401 → auth, with the masked key and its variable, never the key', async () => {
    const s = await server({ masterKey: 'sk-the-right-one' });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=sk-wrong-key-abcd\n`);
    const err = errorOf(await collect(runtime().chat(hello())));
    expect(err.error).toMatchObject({ kind: 'auth', status: 401, keyVar: 'ANTHROPIC_API_KEY', maskedKey: 'sk-…abcd' });
    expect(JSON.stringify(err)).not.toContain('sk-wrong-key-abcd');
    expect(home.readLog()).not.toContain('sk-wrong-key-abcd');
  });

  it('403 JSON → auth; 403 HTML → blocked (something in front of the proxy)', async () => {
    const { r, s } = await litellm('403-json');
    expect(errorOf(await collect(r.chat(hello()))).error.kind).toBe('auth');
    s.fault = '403-html';
    const blocked = errorOf(await collect(r.chat(hello()))).error;
    expect(blocked.kind).toBe('blocked');
    expect(blocked.message).toMatch(/web page/);
    expect(blocked.message).toContain('nginx');
    expect(blocked.message).not.toContain('<html');
  });

  it('an unknown model → model, naming the names the proxy does serve, nearest first', async () => {
    const { r } = await litellm('none');
    const err = errorOf(await collect(r.chat(hello('claude-3-5-sonnet-20241022')))).error;
    expect(err.kind).toBe('model');
    expect(err.message).toContain('claude-3-5-sonnet-20241022');
    expect(err.message).toMatch(/model_name/);
    expect(err.servedModels?.[0]).toBe('claude-3-5-sonnet');
    expect(err.hint).toContain('claude-3-5-sonnet');
  });

  it('429 → rate_limit with the reset time; 500 → server', async () => {
    const { r, s } = await litellm('429');
    const rl = errorOf(await collect(r.chat(hello()))).error;
    expect(rl).toMatchObject({ kind: 'rate_limit', retryAfterSec: 7 });
    expect(rl.message).toMatch(/7 s/);
    s.fault = '500';
    expect(errorOf(await collect(r.chat(hello()))).error.kind).toBe('server');
  });

  it('a stream cut mid-reply keeps the partial text and reports stream_cut', async () => {
    const { r } = await litellm('cut');
    const evs = await collect(r.chat(hello()));
    expect(textOf(evs).length).toBeGreaterThan(0);
    expect(textOf(evs)).not.toBe('Hello from the proxy');
    const err = errorOf(evs);
    expect(err.partial).toBe(true);
    expect(err.error.kind).toBe('stream_cut');
  });

  it('a stream cut on the Anthropic SDK is reported the same way', async () => {
    const s = await server({ flavor: 'anthropic' });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    await r.ready();
    s.fault = 'cut';
    const err = errorOf(await collect(r.chat(hello())));
    expect(err).toMatchObject({ partial: true, error: { kind: 'stream_cut' } });
  });

  it('a first byte that never comes → timeout within OPENWORK_TIMEOUT_MS', async () => {
    const { r } = await litellm('hang', 'OPENWORK_TIMEOUT_MS=400\n');
    // A timeout at all is the proof: the SDK's own default (10 minutes) would outlast the test.
    const err = errorOf(await collect(r.chat(hello()))).error;
    expect(err.kind).toBe('timeout');
  });

  it('a stream that stalls after the headers → timeout, partial kept', async () => {
    const { r } = await litellm('hang-after-headers', 'OPENWORK_TIMEOUT_MS=400\n');
    const evs = await collect(r.chat(hello()));
    expect(errorOf(evs)).toMatchObject({ partial: true, error: { kind: 'timeout' } });
    // said as a reply that stopped part-way, not as a server that never answered
    expect(errorOf(evs).error.message).toMatch(/stopped part-way: nothing more arrived for 400 ms/);
  });

  it('a server that echoes the key back never gets it shown or logged', async () => {
    const s = await server();
    // No "Bearer " prefix → LiteLLM's 401 says "Malformed API Key ... Passed in: <key>".
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime({ debug: true });
    await r.ready();
    const res = await fetch(`${s.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: KEY } });
    const body = await res.text();
    expect(body).toContain(KEY); // the server really echoes it
    const { classifyError } = await import('../../src/runtime/errors.js');
    const e = classifyError({ status: 401, error: JSON.parse(body).error, headers: res.headers }, { credential: KEY, credentialVar: 'ANTHROPIC_API_KEY' })!;
    expect(JSON.stringify(e)).not.toContain(KEY);
    expect(e.detail).toMatch(/Passed in: sk-…ster/);
  });
});

describe('cancellation', () => {
  it('aborting mid-stream ends cleanly as "aborted", not as an error', async () => {
    const s = await server({ chunkDelayMs: 30 });
    s.setReply('claude-3-5-sonnet', 'word '.repeat(200));
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime();
    const ac = new AbortController();
    const evs: ChatEvent[] = [];
    for await (const ev of r.chat(hello(), ac.signal)) {
      evs.push(ev);
      if (ev.type === 'text') ac.abort();
    }
    expect(evs.at(-1)).toEqual({ type: 'done', stopReason: 'aborted' });
    expect(evs.some((e) => e.type === 'error')).toBe(false);
  });
});

describe('live reload', () => {
  it('rewriting .env switches the next request to the other server; a stream in flight finishes on the old one', async () => {
    const a = await server({ chunkDelayMs: 25, name: 'A' });
    const b = await server({ name: 'B' });
    a.setReply('claude-3-5-sonnet', 'from A '.repeat(12));
    b.setReply('claude-3-5-sonnet', 'from B');
    home.writeEnv(`# my proxy\nANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime({ watch: true });
    await r.ready();

    const inflight = r.chat(hello())[Symbol.asyncIterator]();
    const first = await inflight.next(); // start: the request is on A
    expect(first.value).toMatchObject({ type: 'start' });

    // An atomic writer: temp file + rename.
    writeFileSync(home.envPath + '.tmp', `# my proxy\nANTHROPIC_BASE_URL=${b.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    renameSync(home.envPath + '.tmp', home.envPath);
    await waitUntil(() => r.getState().connection.baseUrl === b.url && !r.getState().detecting, 5000, 'switch to B');
    expect(noticeWords(r.getState().notice!)).toBe(`switched to LiteLLM at 127.0.0.1:${b.port}`);

    const rest: ChatEvent[] = [];
    for (let n = await inflight.next(); !n.done; n = await inflight.next()) rest.push(n.value);
    expect(textOf(rest)).toBe('from A '.repeat(12));
    expect(rest.at(-1)).toEqual({ type: 'done', stopReason: 'end' });

    expect(textOf(await collect(r.chat(hello())))).toBe('from B');
    const logLines = home.readLog().split('\n').filter((l) => l.includes('[Runtime] Using LiteLLM proxy'));
    expect(logLines).toHaveLength(2);
    expect(logLines[1]).toContain(b.url);
  });

  it('a network setting it cannot use is said at start, and when an edit brings one in, instead of "switched"; the file\'s own problems come first', async () => {
    const a = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_CONNECT_TIMEOUT_MS=abc\n`);
    const r = runtime({ watch: true });
    await r.ready();
    const start = r.getState().notice!;
    expect(start.level).toBe('warn');
    expect(noticeWords(start)).toBe('network setting OPENWORK_CONNECT_TIMEOUT_MS: not a whole number of milliseconds from 1 to 2147483647 ("abc"); using 10000');
    expect(textOf(await collect(r.chat(hello())))).toBe('Hello from the proxy'); // it still chats, with the default

    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PRECONNECT=maybe\nOPENWORK_HEADERS=x-team\n`);
    const edited = await waitUntil(() => (r.getState().notice!.id !== start.id && !r.getState().detecting ? r.getState().notice : undefined), 5000, 'the notice of the edit');
    expect(edited!.level).toBe('warn');
    expect(noticeWords(edited!)).toBe('network setting OPENWORK_HEADERS: an entry is not "Name: value"; it is not sent (+1 more)');

    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const fine = await waitUntil(() => (r.getState().notice!.id !== edited!.id && !r.getState().detecting ? r.getState().notice : undefined), 5000, 'the notice of the fix');
    expect(noticeWords(fine!)).toBe(`switched to LiteLLM at 127.0.0.1:${a.port}`);

    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_TIMEOUT_MS=soon\nOPENWORK_CONNECT_TIMEOUT_MS=abc\n`);
    const both = runtime();
    expect(noticeWords(both.getState().notice!)).toMatch(/^\.env line 3: /);
  });

  it('a broken edit keeps the last good client and reports the line', async () => {
    const a = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime({ watch: true });
    await r.ready();
    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\nthis line is broken\nANTHROPIC_BASE_URL=htp:/nowhere\n`);
    const notice = await waitUntil(() => (r.getState().notice?.level === 'error' ? r.getState().notice : undefined), 5000, 'error notice');
    expect(noticeWords(notice!)).toMatch(/line 3/);
    expect(noticeWords(notice!)).toMatch(/kept the previous connection/);
    expect(r.getState().connection.baseUrl).toBe(a.url);
    expect(textOf(await collect(r.chat(hello())))).toBe('Hello from the proxy');
  });

  it('made to wait for start() (the TUI, for its first frame): watches from start(), and an edit made before it is not lost', async () => {
    const a = await server({ name: 'A' });
    const b = await server({ name: 'B' });
    b.setReply('claude-3-5-sonnet', 'from B');
    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime({ watch: true, deferStart: true });
    expect(r.getState().detecting).toBe(true);
    const fired = watchersFired(home.envPath);
    home.writeEnv(`ANTHROPIC_BASE_URL=${b.url}\nANTHROPIC_API_KEY=${KEY}\n`); // before start(): nobody watches yet
    await fired;
    expect(r.getState().connection.baseUrl).toBe(a.url);
    expect(a.requests).toHaveLength(0); // nor probed
    r.start();
    await waitUntil(() => r.getState().connection.baseUrl === b.url && !r.getState().detecting, 5000, 'switch to B at start');
    expect(textOf(await collect(r.chat(hello())))).toBe('from B');
    // and from then on it watches
    home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    await waitUntil(() => r.getState().connection.baseUrl === a.url && !r.getState().detecting, 5000, 'switch back to A');
  });

  it('a symlinked .env (dotfile managers): an edit of the target and a save through the link both switch the app', async () => {
    const a = await server({ name: 'A' });
    const b = await server({ name: 'B' });
    const target = join(home.dir, 'dotfiles', 'openwork.env');
    mkdirSync(join(home.dir, 'dotfiles'));
    writeFileSync(target, `ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    symlinkSync(target, home.envPath);
    const r = runtime({ watch: true });
    await r.ready();
    expect(r.getState().connection.baseUrl).toBe(a.url);
    writeFileSync(target, `ANTHROPIC_BASE_URL=${b.url}\nANTHROPIC_API_KEY=${KEY}\n`); // the target edited in place
    await waitUntil(() => r.getState().connection.baseUrl === b.url && !r.getState().detecting, 5000, 'switch to B');
    expect(saveEnv(home.envPath, { ANTHROPIC_BASE_URL: a.url }, { base: readIfExists(home.envPath) }).status).toBe('saved');
    await waitUntil(() => r.getState().connection.baseUrl === a.url && !r.getState().detecting, 5000, 'switch back to A after a save');
    expect(lstatSync(home.envPath).isSymbolicLink()).toBe(true);
  });

  it('a no-op change (same bytes) does not rebuild anything', async () => {
    const a = await server();
    const text = `ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`;
    home.writeEnv(text);
    const r = runtime({ watch: true });
    await r.ready();
    const gen = r.getState().generation;
    const fired = watchersFired(home.envPath);
    home.writeEnv(text);
    home.writeEnv(text + '# a comment\n');
    await fired;
    expect(r.getState().generation).toBe(gen);
    expect(home.readLog().split('\n').filter((l) => l.includes('[Runtime] Using')).length).toBe(1);
  });
});

describe('a proxy address that is there but unusable', () => {
  it('sends nothing, not even to Anthropic directly with the proxy key: a config error naming the line', async () => {
    home.writeEnv(`ANTHROPIC_BASE_URL=htp://127.0.0.1:3000\nANTHROPIC_API_KEY=${KEY}\n`);
    const requests: string[] = [];
    const logger = createFileLogger(home.logFile, { debug: false });
    // The SDK clients use this fetch: it records every request and lets none leave loopback (were
    // the fix gone, the request would go to api.anthropic.com with the key).
    const spyFetch: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      requests.push(url);
      if (!/^https?:\/\/127\.0\.0\.1[:/]/.test(url)) return Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }));
      return fetch(input, init);
    };
    const r = new RuntimeService({ envPath: home.envPath, env: {}, logger, fetch: spyFetch });
    runtimes.push(r);
    const evs = await collect(r.chat(hello()));
    const e = errorOf(evs);
    expect(e.error.kind).toBe('config');
    expect(e.error.message).toMatch(/\.env line 1.*Nothing was sent/);
    expect(e.error.message).not.toContain(KEY);
    const listing = await r.listModels();
    expect(listing.status).toBe('error');
    expect(listing.error?.kind).toBe('config');
    expect(requests).toEqual([]);
    expect(home.readLog()).toMatch(/ANTHROPIC_BASE_URL cannot be used \(\.env line 1\)/);
    expect(home.readLog()).not.toMatch(/Using Anthropic API directly/);
  });
});

describe('a key on a line dotenv skips', () => {
  it('the refusal points at that line instead of asking to set a key that is in the file', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY ${KEY}\n`);
    const r = runtime();
    const e = errorOf(await collect(r.chat(hello())));
    expect(e.error.kind).toBe('auth');
    expect(e.error.message).toMatch(/No key was sent/);
    expect(e.error.hint).toMatch(/ANTHROPIC_API_KEY was not read: \.env line 2: no '='/);
    expect(e.error.hint).not.toContain(KEY);
  });
});

describe('request log toggled while running (/debug)', () => {
  it('logs one line per request only while on, never the key', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const logger = createFileLogger(home.logFile, { debug: false });
    const r = new RuntimeService({ envPath: home.envPath, env: {}, logger });
    runtimes.push(r);
    await collect(r.chat(hello()));
    const requestLines = () => home.readLog().split("\n").filter((l) => /\/v1\/chat\/completions \d{3} ttfb=/.test(l));
    expect(requestLines()).toHaveLength(0);
    logger.setDebug(true);
    await collect(r.chat(hello()));
    expect(requestLines()).toHaveLength(1);
    expect(requestLines()[0]).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions 200 ttfb=\d+ms total=\d+ms .*model=claude-3-5-sonnet/);
    logger.setDebug(false);
    await collect(r.chat(hello()));
    expect(requestLines()).toHaveLength(1);
    expect(home.readLog()).not.toContain(KEY);
  });
});

describe('a refused key in the state (the status bar)', () => {
  it('is marked after a 401 and cleared by the next reply', async () => {
    const { s, r } = await litellm('401');
    await collect(r.chat(hello()));
    expect(r.getState().keyRefused).toBe(true);
    s.fault = 'none';
    expect(textOf(await collect(r.chat(hello())))).toBe('Hello from the proxy');
    expect(r.getState().keyRefused).toBe(false);
    expect(r.getState().keyAccepted).toBe(true);
  });

  it('is known from the model listing, before any message: unknown, then refused (401) or accepted', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=sk-wrong-12345\n`);
    const r = runtime();
    expect([r.getState().keyRefused, r.getState().keyAccepted]).toEqual([undefined, undefined]); // not ✓ while unknown
    const listing = await r.listModels();
    expect(listing.error?.kind).toBe('auth');
    expect(r.getState()).toMatchObject({ keyRefused: true, keyAccepted: false });
    expect(s.requests.filter((q) => q.url.endsWith('/chat/completions'))).toEqual([]);
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const good = runtime();
    await good.listModels();
    expect(good.getState()).toMatchObject({ keyRefused: false, keyAccepted: true });
  });

  it('Anthropic direct: known from its /v1/models before any message — unknown, then refused (401) or accepted; checked once', async () => {
    const s = await server({ flavor: 'anthropic' });
    const direct = (key: string) => {
      home.writeEnv(`ANTHROPIC_API_KEY=${key}\n`);
      const r = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile), watch: false, fetch: anthropicAt(s.url) });
      runtimes.push(r);
      return r;
    };
    const wrong = direct('sk-ant-wrong-12345');
    expect([wrong.getState().keyRefused, wrong.getState().keyAccepted]).toEqual([undefined, undefined]); // not ✓ while unknown
    const refused = await wrong.listModels(); // what the chat does after its first frame
    expect(wrong.getState().connection.mode).toBe('anthropic');
    expect(refused.error?.kind).toBe('auth');
    expect(wrong.getState()).toMatchObject({ keyRefused: true, keyAccepted: false });
    expect(s.requests.map((q) => `${q.method} ${q.url}`)).toEqual(['GET /v1/models?limit=100']); // and nothing else
    const good = direct(KEY);
    expect(good.getState().keyAccepted).toBeUndefined();
    const listing = await good.listModels();
    expect(listing.status).toBe('none'); // the built-ins, as before
    expect(good.getState()).toMatchObject({ keyRefused: false, keyAccepted: true });
    await good.listModels(); // the picker again: the key is known, nothing more is sent
    expect(s.requests.filter((q) => q.url.startsWith('/v1/models'))).toHaveLength(2);
    expect(s.requests.filter((q) => q.url.startsWith('/v1/messages'))).toEqual([]);
  });
});

describe('a proxy that stops after it was detected', () => {
  it('is marked unreachable after a refused request, and found again when it answers', async () => {
    const { s, r } = await litellm();
    expect(r.getState().connection.unreachable).toBe(false);
    const port = s.port;
    await s.close();
    servers = servers.filter((x) => x !== s);
    expect(errorOf(await collect(r.chat(hello()))).error.kind).toBe('unreachable');
    expect(r.getState().connection.unreachable).toBe(true);
    const again = await startServer({ port });
    servers.push(again);
    expect(textOf(await collect(r.chat(hello())))).toBe('Hello from the proxy');
    expect(r.getState().connection.unreachable).toBe(false);
  });
});
