// Enterprise networks, for real: a local forward proxy between the app and the test server, a
// private CA (openssl), extra headers, and a key helper command — through the real SDKs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { worded } from '../helpers/worded.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import { loadConfig } from '../../src/runtime/loadConfig.js';
import { runDoctor } from '../../src/doctor/index.js';
import { parseHeaders, proxyFor, resolveNetwork } from '../../src/runtime/net/settings.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type ServerOptions, type TestServer } from '../helpers/llmServer.js';
import { startForwardProxy, type ForwardProxy } from '../helpers/forwardProxy.js';
import { makeCerts, type TestCerts } from '../helpers/certs.js';
import { tempHome, type TempHome } from '../helpers/home.js';

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

async function server(opts: ServerOptions = {}): Promise<TestServer> {
  const s = await startServer(opts);
  closers.push(() => s.close());
  return s;
}
async function forwardProxy(): Promise<ForwardProxy> {
  const p = await startForwardProxy();
  closers.push(() => p.close());
  return p;
}
function runtime(env: NodeJS.ProcessEnv = {}, debug = false) {
  const logger = createFileLogger(home.logFile, { debug: debug ? 'body' : false });
  // The probe passing through the proxy is a subject here: room for it on a loaded machine (the app's limit is 1 s).
  const r = new RuntimeService({ envPath: home.envPath, env, logger, probeLimitMs: 30_000 });
  closers.push(() => r.close());
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
  return worded(e.error); // the fact, worded as the chat's card words it
};
const hello = { model: 'claude-3-5-sonnet', messages: [{ role: 'user' as const, content: 'hello' }] };
const paths = (p: ForwardProxy) => p.passed.map((x) => (x.method === 'CONNECT' ? `CONNECT ${x.target}` : `${x.method} ${new URL(x.target).pathname}`));

describe('network settings', () => {
  it('reads proxies in either case (lower case first, .env before the environment) and headers split by ; or newlines', () => {
    const net = resolveNetwork({ HTTPS_PROXY: 'proxy.corp:3128' }, { https_proxy: 'http://other:1', HTTP_PROXY: 'http://h:8080', no_proxy: '.internal' });
    expect(net.httpsProxy).toEqual({ value: 'http://proxy.corp:3128', from: 'HTTPS_PROXY', source: 'file' });
    expect(net.httpProxy).toMatchObject({ value: 'http://h:8080', from: 'HTTP_PROXY', source: 'env' });
    expect(parseHeaders('x-litellm-tags: team-a; X-Team: b\nbroken\n')).toEqual({
      headers: [
        ['x-litellm-tags', 'team-a'],
        ['x-team', 'b'],
      ],
      problems: ['OPENWORK_HEADERS: an entry is not "Name: value"; it is not sent'],
    });
  });

  it('NO_PROXY: *, a host, .domain / *.domain for subdomains, host:port', () => {
    const net = (noProxy: string) => resolveNetwork({}, { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1', NO_PROXY: noProxy });
    expect(proxyFor(net('*'), 'https://a.b').kind).toBe('bypass');
    expect(proxyFor(net('localhost,127.0.0.1'), 'http://127.0.0.1:4000/v1').kind).toBe('bypass');
    expect(proxyFor(net('.corp.example'), 'https://llm.corp.example').kind).toBe('bypass');
    expect(proxyFor(net('*.corp.example'), 'https://corp.example').kind).toBe('bypass');
    expect(proxyFor(net('corp.example'), 'https://notcorp.example').kind).toBe('proxy');
    expect(proxyFor(net('127.0.0.1:9'), 'http://127.0.0.1:4000').kind).toBe('proxy');
    expect(proxyFor(net('127.0.0.1:4000'), 'http://127.0.0.1:4000').kind).toBe('bypass');
    expect(proxyFor(resolveNetwork({}, { HTTP_PROXY: 'http://p:1' }), 'https://x').kind).toBe('proxy'); // https falls back to the http proxy
    expect(proxyFor(resolveNetwork({}, {}), 'https://x').kind).toBe('direct');
  });

  it('OPENWORK_CONNECT_TIMEOUT_MS: whole milliseconds (.env before the environment); anything else is a problem and undici keeps its 10 s', () => {
    expect(resolveNetwork({ OPENWORK_CONNECT_TIMEOUT_MS: '2500' }, { OPENWORK_CONNECT_TIMEOUT_MS: '9' }).connectTimeout).toEqual({ value: '2500', from: 'OPENWORK_CONNECT_TIMEOUT_MS', source: 'file', ms: 2500 });
    expect(resolveNetwork({}, {}).connectTimeout).toBeUndefined();
    for (const bad of ['abc', '0', '2147483648', '1.5']) {
      const net = resolveNetwork({ OPENWORK_CONNECT_TIMEOUT_MS: bad }, {});
      expect(net.connectTimeout).toBeUndefined();
      expect(net.problems).toEqual([`OPENWORK_CONNECT_TIMEOUT_MS: not a whole number of milliseconds from 1 to 2147483647 ("${bad}"); using 10000`]);
    }
  });
});

describe('through a forward proxy (HTTP_PROXY)', () => {
  it('the probe, the reply, the listing and /model/info all pass through it; the doctor says which proxy', async () => {
    const s = await server();
    const p = await forwardProxy();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const r = runtime({ HTTP_PROXY: p.url });
    const evs = await collect(r.chat(hello));
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(r.getState().connection.mode).toBe('litellm'); // the probe reached LiteLLM through the proxy
    const listing = await r.listModels();
    expect(listing.status).toBe('ok');
    // undici's ProxyAgent tunnels plain http too (CONNECT); the proxy reads the requests inside.
    expect(paths(p)).toContain(`CONNECT 127.0.0.1:${s.port}`);
    expect(p.tunnelled).toEqual(expect.arrayContaining(['GET /health/liveliness', 'POST /v1/chat/completions', 'GET /v1/models', 'GET /model/info']));
    // Every request the server saw came through the proxy.
    expect(p.tunnelled.length).toBe(s.requests.length);

    const before = p.tunnelled.length;
    const { config } = loadConfig(home.envPath, { HTTP_PROXY: p.url });
    const checks = await runDoctor({ config, env: { HTTP_PROXY: p.url }, model: 'claude-3-5-sonnet' });
    expect(checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    const address = checks.find((c) => c.id === 'address')!;
    expect(address.detail).toContain(`through the forward proxy ${p.url} (from HTTP_PROXY); the proxy connects to the address`);
    expect(p.tunnelled.length).toBeGreaterThan(before + 3);
    expect(p.tunnelled.length).toBe(s.requests.length);
  });

  it('NO_PROXY bypasses it: the server answers, the proxy sees nothing', async () => {
    const s = await server();
    const p = await forwardProxy();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nNO_PROXY=localhost,127.0.0.1\n`);
    const r = runtime({ http_proxy: p.url });
    expect(textOf(await collect(r.chat(hello)))).toBe('Hello from the proxy');
    expect((await r.listModels()).status).toBe('ok');
    expect(s.requests.length).toBeGreaterThan(2);
    expect(p.passed).toEqual([]);
    const { config } = loadConfig(home.envPath, { http_proxy: p.url });
    const checks = await runDoctor({ config, model: 'claude-3-5-sonnet' });
    expect(checks.find((c) => c.id === 'address')!.detail).toContain('not through the forward proxy: NO_PROXY lists this host');
    expect(p.passed).toEqual([]);
  });

  it('an unreachable forward proxy is said as such, not as a broken LLM proxy', async () => {
    const s = await server();
    const p = await forwardProxy();
    await p.close();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PROXY_FORMAT=openai\n`);
    const r = runtime({ HTTP_PROXY: p.url });
    const err = errorOf(await collect(r.chat(hello)));
    expect(err.kind).toBe('unreachable');
    expect(s.requests).toEqual([]);
  });
});

describe('a private certificate authority (OPENWORK_CA_FILE)', () => {
  let certs: TestCerts;
  beforeAll(() => {
    certs = makeCerts();
  });
  afterAll(() => certs.cleanup());

  it('without it: a TLS card naming OPENWORK_CA_FILE (chat and doctor); with it: the reply arrives', async () => {
    const s = await server({ tls: { key: certs.key, cert: certs.cert } });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PROXY_FORMAT=openai\n`);
    const err = errorOf(await collect(runtime().chat(hello)));
    expect(err.kind).toBe('tls');
    expect(err.message).toMatch(/self-signed or from an unknown certificate authority \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    expect(err.hint).toContain('OPENWORK_CA_FILE');

    const { config } = loadConfig(home.envPath, {});
    const address = (await runDoctor({ config, model: 'claude-3-5-sonnet' })).find((c) => c.id === 'address')!;
    expect(address.status).toBe('fail');
    expect(address.fix).toContain('OPENWORK_CA_FILE');

    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_CA_FILE=${certs.caFile}\n`);
    const r = runtime();
    expect(textOf(await collect(r.chat(hello)))).toBe('Hello from the proxy');
    expect(r.getState().connection.mode).toBe('litellm');
    const fixed = await runDoctor({ config: loadConfig(home.envPath, {}).config, model: 'claude-3-5-sonnet' });
    expect(fixed.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(fixed.find((c) => c.id === 'address')!.detail).toContain(`trusts the certificate authority in ${certs.caFile} (OPENWORK_CA_FILE)`);
  });

  it('https through the forward proxy goes as a CONNECT tunnel, verified with the CA file', async () => {
    const s = await server({ tls: { key: certs.key, cert: certs.cert } });
    const p = await forwardProxy();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_CA_FILE=${certs.caFile}\n`);
    const r = runtime({ HTTPS_PROXY: p.url });
    expect(textOf(await collect(r.chat(hello)))).toBe('Hello from the proxy');
    expect(paths(p)).toContain(`CONNECT 127.0.0.1:${s.port}`);
  });

  it('a CA file that cannot be read is a config card naming the variable', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PROXY_FORMAT=openai\nOPENWORK_CA_FILE=${join(home.dir, 'missing.pem')}\n`);
    const err = errorOf(await collect(runtime().chat(hello)));
    expect(err).toMatchObject({ kind: 'config' });
    expect(err.message).toBe('The certificate authority file in OPENWORK_CA_FILE cannot be read (ENOENT), so nothing was sent.');
  });
});

describe('OPENWORK_HEADERS', () => {
  it('are sent with every request to the proxy and never written to the log', async () => {
    const s = await server();
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_HEADERS="x-litellm-tags: team-secret-a; x-cost-center: cc-4711"\n`);
    const r = runtime({}, true);
    expect(textOf(await collect(r.chat(hello)))).toBe('Hello from the proxy');
    await r.listModels();
    expect(s.requests.length).toBeGreaterThan(3);
    for (const req of s.requests) {
      expect(req.headers['x-litellm-tags']).toBe('team-secret-a');
      expect(req.headers['x-cost-center']).toBe('cc-4711');
    }
    const log = home.readLog();
    expect(log).toContain('/v1/chat/completions');
    expect(log).not.toContain('team-secret-a');
    expect(log).not.toContain('cc-4711');
  });
});

describe('OPENWORK_API_KEY_HELPER', () => {
  /** A helper script that prints the keys given, one per run (the last one again after that), and counts its runs. */
  function helper(keys: string[], extra = ''): { command: string; runs: () => number } {
    const script = join(home.dir, 'helper.cjs');
    const count = join(home.dir, 'runs');
    writeFileSync(
      script,
      `const fs=require('fs');const n=fs.existsSync(${JSON.stringify(count)})?Number(fs.readFileSync(${JSON.stringify(count)},'utf8')):0;` +
        `fs.writeFileSync(${JSON.stringify(count)},String(n+1));${extra}const keys=${JSON.stringify(keys)};process.stdout.write(keys[Math.min(n,keys.length-1)]+'\\n');`,
    );
    return {
      command: `${process.execPath} ${script}`,
      runs: () => {
        try {
          return Number(readFileSync(count, 'utf8'));
        } catch {
          return 0;
        }
      },
    };
  }

  it("replaces the stored key, and is never logged", async () => {
    const s = await server();
    const h = helper([KEY]);
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=sk-stale-stored-key\nOPENWORK_API_KEY_HELPER=${h.command}\n`);
    const r = runtime({}, true);
    expect(textOf(await collect(r.chat(hello)))).toBe('Hello from the proxy');
    expect(s.requests.filter((q) => q.url.startsWith('/v1/')).every((q) => q.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    expect((await r.listModels()).status).toBe('ok');
    expect(h.runs()).toBe(1);
    expect(home.readLog()).not.toContain(KEY);
  });

  it('is asked once more after a 401, and the request is sent again with the new key', async () => {
    const s = await server();
    const h = helper(['sk-expired-key', KEY]);
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nOPENWORK_API_KEY_HELPER=${h.command}\n`);
    const r = runtime();
    const evs = await collect(r.chat(hello));
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(h.runs()).toBe(2);
    const sent = s.requests.filter((q) => q.url === '/v1/chat/completions').map((q) => q.headers.authorization);
    // (then once more without stream_options, which this proxy refuses for anthropic/* models)
    expect(sent[0]).toBe('Bearer sk-expired-key');
    expect(sent.slice(1).length).toBeGreaterThan(0);
    expect(sent.slice(1).every((a) => a === `Bearer ${KEY}`)).toBe(true);
  });

  it('a 401 again after that is the ordinary key card (the helper runs once more, not in a loop)', async () => {
    const s = await server();
    const h = helper(['sk-wrong-key']);
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nOPENWORK_API_KEY_HELPER=${h.command}\n`);
    const err = errorOf(await collect(runtime().chat(hello)));
    expect(err).toMatchObject({ kind: 'auth', status: 401 });
    expect(h.runs()).toBe(2);
  });

  it('a failing helper is a card naming the command, never its output; nothing is sent', async () => {
    const s = await server();
    const h = helper(['sk-printed-secret-key'], `process.stderr.write('sk-stderr-secret');process.exitCode=3;`);
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nOPENWORK_PROXY_FORMAT=openai\nOPENWORK_API_KEY_HELPER=${h.command}\n`);
    const r = runtime();
    const err = errorOf(await collect(r.chat(hello)));
    expect(err.kind).toBe('config');
    // A long command (Node's own path can be long, as under CI's Node 24) is cut at 80 columns.
    const shown = h.command.length > 80 ? `${h.command.slice(0, 79)}…` : h.command;
    expect(err.message).toBe(`The key helper (OPENWORK_API_KEY_HELPER: ${shown}) exited with 3, so nothing was sent.`);
    expect(JSON.stringify(err)).not.toMatch(/secret/);
    expect(s.requests.filter((q) => q.url.startsWith('/v1/'))).toEqual([]);
    expect((await r.listModels()).error?.kind).toBe('config');
    const log = home.readLog();
    expect(log).toMatch(/the key helper failed .*why: 'exit', code: '3'/); // the fact, as data
    expect(log).not.toMatch(/sk-printed|sk-stderr/);

    const { config } = loadConfig(home.envPath, {});
    const key = (await runDoctor({ config, model: 'claude-3-5-sonnet' })).find((c) => c.id === 'key')!;
    expect(key).toMatchObject({ status: 'fail', kind: 'config' });
    expect(key.title).toContain('OPENWORK_API_KEY_HELPER');
  });

  it('a helper that hangs is stopped at the time limit', async () => {
    const s = await server();
    const h = helper([KEY], `setInterval(()=>{},1000);`);
    // The script prints, then keeps running: the runtime waits for it to end, up to OPENWORK_TIMEOUT_MS.
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nOPENWORK_PROXY_FORMAT=openai\nOPENWORK_TIMEOUT_MS=500\nOPENWORK_API_KEY_HELPER=${h.command}\n`);
    const err = errorOf(await collect(runtime().chat(hello)));
    expect(err.message).toContain('gave no key within 500 ms');
  });

  it('the doctor uses the helper key, and says where it came from', async () => {
    const s = await server();
    const h = helper([KEY]);
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nOPENWORK_API_KEY_HELPER=${h.command}\n`);
    const { config } = loadConfig(home.envPath, {});
    const checks = await runDoctor({ config, model: 'claude-3-5-sonnet' });
    expect(checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(checks.find((c) => c.id === 'key')!.title).toContain('(from OPENWORK_API_KEY_HELPER)');
    expect(checks.find((c) => c.id === 'config')!.detail).toContain(`the key comes from OPENWORK_API_KEY_HELPER: ${h.command}`);
  });
});
