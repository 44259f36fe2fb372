// doctor in-process against the local test server, in each fault mode. Loopback only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { doctorExitCode, doctorLines, doctorSummary, runDoctor, type CheckId, type CheckResult } from '../../src/doctor/index.js';
import { loadConfig } from '../../src/runtime/loadConfig.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import { RefusedParams } from '../../src/runtime/optionalParams.js';
import { refusedPort, startServer, type ServerOptions, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { TEST_CERT, TEST_CERT_KEY } from '../helpers/tlsCert.js';

const KEY = 'sk-test-master';
const WRONG = 'sk-wrong-key-9f3e';
let home: TempHome;
let servers: TestServer[] = [];
let tlsServers: HttpsServer[] = [];

beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const s of tlsServers) s.closeAllConnections();
  await Promise.all(tlsServers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
  tlsServers = [];
  home.cleanup();
});

async function server(opts: ServerOptions = {}) {
  const s = await startServer(opts);
  servers.push(s);
  return s;
}

/** An HTTPS server with a self-signed certificate (nobody trusts it). */
async function tlsServer(): Promise<number> {
  const s = createHttpsServer({ cert: TEST_CERT, key: TEST_CERT_KEY }, (_req, res) => res.end('{}'));
  tlsServers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return (s.address() as AddressInfo).port;
}

const seedEnv = (url: string, key = KEY, extra = '') => `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=${key}\n${extra}`;

async function doctor(envText: string | undefined, opts: { model?: string; env?: NodeJS.ProcessEnv } = {}) {
  if (envText !== undefined) home.writeEnv(envText);
  const env = opts.env ?? {};
  const { config, text } = loadConfig(home.envPath, env);
  const logger = createFileLogger(home.logFile, { debug: 'body' });
  const seen: CheckId[] = [];
  const results = await runDoctor(
    { config, ...(text !== undefined ? { envText: text } : {}), env, model: opts.model ?? 'claude-3-5-sonnet', logger },
    (r) => seen.push(r.id),
  );
  expect(seen).toEqual(['config', 'address', 'server', 'key', 'model', 'request']);
  const by = (id: CheckId): CheckResult => results.find((r) => r.id === id)!;
  return { results, by, code: doctorExitCode(results) };
}

const statuses = (results: CheckResult[]) => Object.fromEntries(results.map((r) => [r.id, r.status]));

describe('doctor against a LiteLLM proxy', () => {
  it('passes every check against a healthy proxy, with the LiteLLM version and request timings', async () => {
    const s = await server();
    const { results, by, code } = await doctor(seedEnv(s.url));
    expect(statuses(results)).toEqual({ config: 'pass', address: 'pass', server: 'pass', key: 'pass', model: 'pass', request: 'pass' });
    expect(by('config').title).toMatch(/\.env \(0600, private\)/);
    expect(by('config').detail.join('\n')).toMatch(/ANTHROPIC_API_KEY\s+sk-…ster {2}\(\.env line 5; sent as the key\)/);
    expect(by('server').title).toBe(`LiteLLM 1.39.5 at 127.0.0.1:${s.port}`);
    expect(by('key').title).toBe('the proxy accepted the key sk-…ster (from ANTHROPIC_API_KEY)');
    expect(by('key').detail).toContain(`127.0.0.1:${s.port} lists 2 models: claude-3-5-sonnet, claude-3-5-haiku-20241022`);
    expect(by('model').detail).toContain('claude-3-5-sonnet → anthropic/claude-3-5-sonnet-20241022');
    expect(by('request').title).toMatch(/^claude-3-5-sonnet answered a one-token request in \d+ ms \(first byte after \d+ ms\)$/);
    expect(by('request').detail).toContain('reply: "Hel"'); // the first text: a one-token request stops there
    expect(code).toBe(0);
    const chat = s.requests.find((r) => r.url === '/v1/chat/completions')!;
    expect(chat.body).toMatchObject({ model: 'claude-3-5-sonnet', max_tokens: 1, stream: true });
    expect(chat.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(doctorSummary(results)).toBe('All 6 checks passed.');
  });

  it("sends the chat's request shape: a proxy that refuses stream_options is told in the request check, and the memory keeps it", async () => {
    const s = await server();
    home.writeEnv(seedEnv(s.url));
    const { config } = loadConfig(home.envPath, {});
    const memory = new RefusedParams();
    const input = { config, model: 'claude-3-5-sonnet', paramMemory: memory };
    const first = (await runDoctor(input)).find((r) => r.id === 'request')!;
    expect(first.status).toBe('pass');
    expect(first.detail[0]).toBe('the proxy refused the optional parameter stream_options (HTTP 500): sent again without it, as the chat does from now on (token counts are estimated)');
    expect(first.fix).toContain('litellm_settings: drop_params: true');
    const chats = () => s.requests.filter((r) => r.url === '/v1/chat/completions');
    expect(chats().map((r) => r.body.stream_options)).toEqual([{ include_usage: true }, undefined]);
    expect(memory.refused(`proxy ${s.url}`, 'claude-3-5-sonnet')).toEqual(['stream_options']);

    // Again (or the chat after it): no refused request, and the check says what it leaves out.
    const again = (await runDoctor(input)).find((r) => r.id === 'request')!;
    expect(again.detail[0]).toBe('stream_options left out: this proxy refused it for this model before (token counts are estimated)');
    expect(chats().slice(2).map((r) => r.body.stream_options)).toEqual([undefined]);

    // A proxy with drop_params accepts it: nothing to say.
    const lax = await server({ dropParams: true });
    home.writeEnv(seedEnv(lax.url));
    const ok = (await runDoctor({ config: loadConfig(home.envPath, {}).config, model: 'claude-3-5-sonnet', paramMemory: new RefusedParams() })).find((r) => r.id === 'request')!;
    expect(ok.detail.join('\n')).not.toContain('stream_options');
    expect(ok.fix).toBeUndefined();
  });

  it("a parameter the proxy refuses that the app did not add: the request check shows the proxy's message whole and the drop_params fix", async () => {
    const s = await server();
    s.fault = 'refuse-param';
    const { by, code } = await doctor(seedEnv(s.url));
    expect(by('key').status).toBe('pass');
    const r = by('request');
    expect(r.status).toBe('fail');
    expect(r.detail[0]).toBe("server said: AnthropicException - AnthropicException - anthropic does not support parameters: {'top_k': 40}, for model=claude-3-5-sonnet-20241022. To drop these, set `litellm.drop_params=True` or for proxy:");
    expect(r.detail.slice(1)).toEqual(['  `litellm_settings:', '   drop_params: true`', '  . Handle with `litellm.APIError`.. Handle with `litellm.APIError`.', '  Number Retries = 2, Max Retries=2', '  Cooldown Deployments=[]']);
    expect(r.fix).toContain('`litellm_settings: drop_params: true`');
    expect(code).toBe(1);
  });

  it("a new setup (nobody chose the model): a default the proxy lacks is replaced as the chat does, and the request check still runs", async () => {
    const s = await server();
    home.writeEnv(seedEnv(s.url));
    const { config } = loadConfig(home.envPath, {});
    const results = await runDoctor({ config, model: 'claude-sonnet-4-5-20250929', modelChosen: false });
    expect(statuses(results)).toMatchObject({ key: 'pass', model: 'pass', request: 'pass' });
    const by = (id: CheckId) => results.find((r) => r.id === id)!;
    expect(by('model').title).toBe(`claude-3-5-sonnet is served by 127.0.0.1:${s.port}: the chat uses it, as no model was chosen and the default claude-sonnet-4-5-20250929 is not served there`);
    expect(by('request').title).toMatch(/^claude-3-5-sonnet answered a one-token request/);
    expect(s.requests.filter((r) => r.url === '/v1/chat/completions').map((r) => r.body.model)).toContain('claude-3-5-sonnet');
    // A model someone chose is checked as it is.
    const chosen = await runDoctor({ config, model: 'claude-sonnet-4-5-20250929' });
    expect(statuses(chosen)).toMatchObject({ model: 'fail', request: 'skip' });
  });

  it('a stopped proxy: the address fails with the address it tried, the rest is skipped, exit 4', async () => {
    const port = await refusedPort();
    const { results, by, code } = await doctor(seedEnv(`http://127.0.0.1:${port}`));
    expect(by('address')).toMatchObject({ status: 'fail', kind: 'unreachable' });
    expect(by('address').title).toBe(`Cannot reach http://127.0.0.1:${port} (connection refused, ECONNREFUSED).`);
    expect(by('address').fix).toMatch(/proxy is running/);
    for (const id of ['server', 'key', 'model', 'request'] as const) {
      expect(by(id).status).toBe('skip');
      expect(by(id).title).toBe(`skipped: nothing accepts connections at 127.0.0.1:${port}`);
    }
    expect(results.filter((r) => r.fix)).toHaveLength(1);
    expect(code).toBe(4);
  });

  it('a wrong key: address and server still pass, the key fails with the masked key, exit 3', async () => {
    const s = await server();
    const { results, by, code } = await doctor(seedEnv(s.url, WRONG));
    expect(statuses(results)).toMatchObject({ address: 'pass', server: 'pass', key: 'fail', model: 'skip', request: 'skip' });
    expect(by('key').kind).toBe('auth');
    expect(by('key').title).toBe('The proxy refused the key (401 Unauthorized). The key sent was sk-…9f3e (from ANTHROPIC_API_KEY).');
    expect(by('key').fix).toMatch(/Check ANTHROPIC_API_KEY in your \.env/);
    expect(by('key').detail).toContain('server said: Authentication Error, No connected db.');
    expect(by('model').title).toBe('skipped: the key was refused (see above)');
    expect(code).toBe(3);
    expect(JSON.stringify(results)).not.toContain(WRONG);
  });

  it('a 403 from the proxy itself (JSON) is a refused key, as the seed guide says', async () => {
    const s = await server();
    s.fault = '403-json';
    const { by, code } = await doctor(seedEnv(s.url));
    expect(by('server').status).toBe('pass');
    expect(by('key')).toMatchObject({ status: 'fail', kind: 'auth' });
    expect(by('key').title).toContain('refused the key (403 Forbidden)');
    expect(by('key').detail.join('\n')).toContain('API Key not allowed to access model');
    expect(code).toBe(3);
  });

  it('a 403 web page: the server check says a web server answered instead of the proxy, exit 4', async () => {
    const s = await server();
    s.fault = '403-html';
    const { results, by, code } = await doctor(seedEnv(s.url));
    expect(by('address').status).toBe('pass');
    expect(by('server')).toMatchObject({ status: 'fail', kind: 'blocked' });
    expect(by('server').title).toBe(`127.0.0.1:${s.port} answered with a web page (403, server: nginx), not the proxy.`);
    expect(by('server').detail.join('\n')).toMatch(/health endpoint answers, but the API path gets a web page/);
    expect(by('server').fix).toMatch(/web server, firewall/);
    expect(statuses(results)).toMatchObject({ key: 'skip', model: 'skip', request: 'skip' });
    expect(code).toBe(4);
  });

  it('an unknown model: the model check lists the served names nearest first, exit 5', async () => {
    const s = await server({ models: [{ name: 'gpt-4o' }, { name: 'claude-3-5-haiku-20241022' }, { name: 'claude-3-5-sonnet' }] });
    const { by, code } = await doctor(seedEnv(s.url), { model: 'claude-3-5-sonnet-20241022' });
    expect(by('key').status).toBe('pass');
    expect(by('model')).toMatchObject({ status: 'fail', kind: 'model' });
    expect(by('model').title).toBe(
      `The model "claude-3-5-sonnet-20241022" is not supported by 127.0.0.1:${s.port}: it is not a model_name in the proxy's config. It serves: claude-3-5-sonnet, claude-3-5-haiku-20241022, gpt-4o.`,
    );
    expect(by('model').fix).toContain('--model claude-3-5-sonnet');
    expect(by('request').status).toBe('skip');
    expect(code).toBe(5);
    expect(s.requests.some((r) => r.url.includes('chat/completions'))).toBe(false);
  });

  it('https:// to the plain-HTTP proxy: the fix says use http://', async () => {
    const s = await server();
    const { by, code } = await doctor(seedEnv(`https://127.0.0.1:${s.port}`));
    expect(by('address')).toMatchObject({ status: 'fail', kind: 'tls' });
    expect(by('address').title).toMatch(/TLS handshake with 127\.0\.0\.1:\d+ failed: the port probably speaks plain HTTP \((ERR_SSL_WRONG_VERSION_NUMBER|EPROTO)\)/);
    expect(by('address').fix).toBe('Use http:// instead of https:// in ANTHROPIC_BASE_URL.');
    expect(by('address').detail).toContain(`http://127.0.0.1:${s.port} answers like LiteLLM: the port speaks plain HTTP`);
    expect(by('server').status).toBe('skip');
    expect(code).toBe(4);
  });

  it('http:// to a TLS port: a TLS handshake on the same port tells, the fix says use https://', async () => {
    const port = await tlsServer();
    const { by, code } = await doctor(seedEnv(`http://127.0.0.1:${port}`));
    expect(by('address')).toMatchObject({ status: 'fail', kind: 'tls' });
    expect(by('address').title).toBe(`127.0.0.1:${port} speaks HTTPS (TLS), but the address starts with http://.`);
    expect(by('address').fix).toBe('Use https:// instead of http:// in ANTHROPIC_BASE_URL.');
    expect(code).toBe(4);
  });

  it('an untrusted certificate: the fix names NODE_EXTRA_CA_CERTS', async () => {
    const port = await tlsServer();
    const { by } = await doctor(seedEnv(`https://127.0.0.1:${port}`));
    expect(by('address')).toMatchObject({ status: 'fail', kind: 'tls' });
    expect(by('address').title).toContain('certificate');
    expect(by('address').fix).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('a port that accepts but never answers: finishes well inside OPENWORK_TIMEOUT_MS and names the timeout', async () => {
    const s = await server();
    s.fault = 'hang';
    // Bounded by the test's own timeout (the default OPENWORK_TIMEOUT_MS would outlast it); how
    // fast it gives up is the bench's business, not an assertion on a loaded machine.
    const { results, by, code } = await doctor(seedEnv(s.url, KEY, 'OPENWORK_TIMEOUT_MS=1500\n'));
    expect(by('address')).toMatchObject({ status: 'fail', kind: 'timeout' });
    expect(by('address').title).toMatch(/^No answer from 127\.0\.0\.1:\d+ within \d+ ms \(connection timeout\)\.$/);
    expect(by('address').detail.join('\n')).toMatch(/TCP: connected.*\n.*accepted, but no HTTP answer came within \d+ ms/);
    expect(statuses(results)).toMatchObject({ server: 'skip', key: 'skip', model: 'skip', request: 'skip' });
    expect(code).toBe(4);
  });

  it('a proxy that stops answering mid-run still ends within the timeout', async () => {
    const s = await server();
    // The health probes answer; the key check's listing gets headers and half a body, then nothing.
    home.writeEnv(seedEnv(s.url, KEY, 'OPENWORK_TIMEOUT_MS=1500\n'));
    s.fault = 'hang-after-headers';
    const { by, code } = await doctor(undefined);
    expect(by('key')).toMatchObject({ status: 'fail', kind: 'timeout' });
    expect(code).toBe(4);
  });

  it('a web server instead of the proxy (every path a 404 page)', async () => {
    const s = await server({ flavor: 'plain' });
    const { by, code } = await doctor(seedEnv(s.url));
    expect(by('server')).toMatchObject({ status: 'fail', kind: 'blocked' });
    expect(by('server').title).toBe(`127.0.0.1:${s.port} answered 404 with something that is not the proxy's API.`);
    expect(by('server').fix).toMatch(/web server instead of the proxy/);
    expect(code).toBe(4);
  });

  it('an Anthropic-compatible gateway: identified, key and request through the Anthropic format', async () => {
    const s = await server({ flavor: 'anthropic' });
    const { results, by, code } = await doctor(seedEnv(s.url));
    expect(statuses(results)).toEqual({ config: 'pass', address: 'pass', server: 'pass', key: 'pass', model: 'pass', request: 'pass' });
    expect(by('server').title).toBe(`an Anthropic-compatible gateway at 127.0.0.1:${s.port} (not LiteLLM)`);
    // The Anthropic SDK sends an API key as a Bearer token (the server's records say so).
    expect(by('key').detail).toContain('sent as Authorization: Bearer');
    expect(s.requests.find((r) => r.url === '/v1/messages')!.body).toMatchObject({ max_tokens: 1, stream: true });
    expect(code).toBe(0);
  });

  it('never writes the key to the log, even with --debug=body', async () => {
    const s = await server();
    await doctor(seedEnv(s.url));
    await doctor(seedEnv(s.url, WRONG));
    const log = home.readLog();
    expect(log).toContain('[Doctor] key pass');
    expect(log).toContain('[Doctor] key fail');
    expect(log).toMatch(/DEBUG GET http:\/\/127\.0\.0\.1:\d+\/v1\/models 200/);
    expect(log).not.toContain(KEY);
    expect(log).not.toContain(WRONG);
  });
});

/** What carried the key on the server's record of the model listing, in the doctor's words. */
function headerReceived(s: TestServer): string {
  // The last listing: the detection probe before it asks without a key; the key check's goes through the SDK.
  const listing = s.requests.filter((r) => r.url.startsWith('/v1/models')).at(-1)!;
  const auth = listing.headers.authorization;
  const names = [...(auth ? [`Authorization: ${auth.split(' ')[0]}`] : []), ...(listing.headers['x-api-key'] ? ['x-api-key'] : [])];
  return names.join(' + ');
}

describe('doctor says how the key is really sent (checked against what the server received)', () => {
  const kinds: [string, ServerOptions, (url: string) => string][] = [
    ['LiteLLM (openai SDK), ANTHROPIC_API_KEY', {}, (url) => seedEnv(url)],
    ['LiteLLM (openai SDK), ANTHROPIC_AUTH_TOKEN', {}, (url) => `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_AUTH_TOKEN=${KEY}\n`],
    ['a gateway (Anthropic SDK), ANTHROPIC_API_KEY', { flavor: 'anthropic' }, (url) => seedEnv(url)],
    ['a gateway (Anthropic SDK), ANTHROPIC_AUTH_TOKEN', { flavor: 'anthropic' }, (url) => `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_AUTH_TOKEN=${KEY}\n`],
  ];
  for (const [name, opts, env] of kinds) {
    it(name, async () => {
      const s = await server(opts);
      const { by } = await doctor(env(s.url));
      expect(by('key').status).toBe('pass');
      const received = headerReceived(s);
      expect(received).not.toBe('');
      expect(by('key').detail).toContain(`sent as ${received}`);
      expect(by('key').detail.filter((l) => l.startsWith('sent as'))).toHaveLength(1);
    });
  }

  it('a refused key: the words still follow the request that was made', async () => {
    const s = await server({ flavor: 'anthropic' });
    const { by } = await doctor(seedEnv(s.url, WRONG));
    expect(by('key').status).toBe('fail');
    expect(by('key').detail).toContain(`sent as ${headerReceived(s)}`);
  });
});

describe('doctor: the config file', () => {
  it('problems by line fail the config check (exit 1) without stopping the network checks', async () => {
    const s = await server();
    const { by, code } = await doctor(`${seedEnv(s.url)}this line is broken\nOPENWORK_PROXY_FORMAT=sometimes\n`);
    expect(by('config')).toMatchObject({ status: 'fail', kind: 'config' });
    expect(by('config').title).toMatch(/2 problems \(lines 6, 7\)/);
    expect(by('config').detail).toContain("line 6: no '=' on this line (expected KEY=VALUE)");
    expect(by('config').fix).toMatch(/^Fix lines 6, 7 of /);
    expect(by('request').status).toBe('pass');
    expect(code).toBe(1);
  });

  it('warns when other users can read the file', async () => {
    const s = await server();
    home.writeEnv(seedEnv(s.url));
    chmodSync(home.envPath, 0o644);
    const { by, code } = await doctor(undefined);
    expect(by('config').status).toBe('warn');
    expect(by('config').title).toContain('0644: other users can read the key');
    expect(by('config').fix).toBe(`chmod 600 ${home.envPath}`);
    expect(code).toBe(0);
  });

  it('says which value won: the file over the environment, the auth token over the API key, secrets masked', async () => {
    const s = await server();
    const env = { ANTHROPIC_API_KEY: 'sk-from-the-env-7777', ANTHROPIC_AUTH_TOKEN: KEY, OPENWORK_TIMEOUT_MS: '30000' };
    const { results, by } = await doctor(seedEnv(s.url, 'sk-in-the-file-1234'), { env });
    const d = by('config').detail.join('\n');
    expect(d).toMatch(/ANTHROPIC_API_KEY\s+sk-…1234 {2}\(\.env line 5; overrides the environment's sk-…7777; not sent: ANTHROPIC_AUTH_TOKEN wins\)/);
    expect(d).toMatch(/ANTHROPIC_AUTH_TOKEN\s+sk-…ster {2}\(environment; sent as the key\)/);
    expect(d).toMatch(/OPENWORK_TIMEOUT_MS\s+30000 {2}\(environment\)/);
    expect(by('key').status).toBe('pass');
    expect(by('key').detail[0]).toMatch(/ANTHROPIC_AUTH_TOKEN wins, ANTHROPIC_API_KEY \(sk-…1234\) is not sent/);
    const all = JSON.stringify(results);
    for (const secret of ['sk-from-the-env-7777', 'sk-in-the-file-1234', KEY]) expect(all).not.toContain(secret);
  });

  it('an address that is not a URL fails as a config problem and skips the network', async () => {
    const { by, code } = await doctor(seedEnv('127.0.0.1:3000'));
    expect(by('address')).toMatchObject({ status: 'fail', kind: 'config' });
    expect(by('address').fix).toMatch(/e\.g\. http:\/\/127\.0\.0\.1:3000/);
    expect(by('server').status).toBe('skip');
    expect(code).toBe(1);
  });

  it('nothing configured at all: says how to start, without touching the network', async () => {
    const { results, by, code } = await doctor(undefined);
    expect(by('config')).toMatchObject({ status: 'fail', kind: 'config' });
    expect(by('config').title).toMatch(/Nothing is configured/);
    expect(by('address').status).toBe('skip');
    expect(by('key')).toMatchObject({ status: 'fail', kind: 'auth' });
    expect(by('key').fix).toMatch(/Set ANTHROPIC_API_KEY/);
    expect(results.filter((r) => r.status === 'pass')).toHaveLength(0);
    expect(code).toBe(1);
  });
});

describe('doctorLines / doctorSummary', () => {
  const results: CheckResult[] = [
    { id: 'config', status: 'pass', title: '/h/.env (0600, private)', detail: [] },
    { id: 'address', status: 'warn', title: 'slow', detail: ['d'], fix: 'f' },
    { id: 'key', status: 'fail', kind: 'auth', title: 'refused', detail: [], fix: 'check the key' },
    { id: 'model', status: 'skip', title: 'skipped: x', detail: [] },
  ];
  it('marks each check and labels its title', () => {
    expect(doctorLines(results).map((l) => `${l.mark} ${l.title}`)).toEqual([
      '✔ Config file: /h/.env (0600, private)',
      '! Address: slow',
      '✖ Key: refused',
      '- Model: skipped: x',
    ]);
    expect(doctorLines(results)[2]!.fix).toBe('check the key');
  });
  it('summarises and picks the exit code of the first failure', () => {
    expect(doctorSummary(results)).toBe('1 check failed: Key (1 warning, 1 skipped). Fix the first ✖ and run doctor again.');
    expect(doctorExitCode(results)).toBe(3);
    expect(doctorExitCode(results.filter((r) => r.status !== 'fail'))).toBe(0);
  });
});

describe('doctor on values not saved yet (the settings screen\'s Test connection)', () => {
  it('says the file is not saved yet instead of a file error, and stops the request at the first text', async () => {
    const { runDoctor } = await import('../../src/doctor/index.js');
    const { configFromText } = await import('../../src/runtime/loadConfig.js');
    const { startServer } = await import('../helpers/llmServer.js');
    const { tempHome } = await import('../helpers/home.js');
    const h = tempHome();
    const s = await startServer({ chunkDelayMs: 50 });
    s.setReply('claude-3-5-sonnet', 'word '.repeat(400)); // a server that ignores max_tokens: 20 s of reply
    try {
      const text = `ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=sk-test-master\n`;
      // The reply would take 20 s: ending inside the test's timeout shows it stopped at the first text.
      const results = await runDoctor({ config: configFromText(h.envPath, text, {}), envText: text, env: {}, model: 'claude-3-5-sonnet' });
      const config = results.find((r) => r.id === 'config')!;
      expect(config.title).toContain('not saved yet');
      expect(JSON.stringify(config)).not.toContain('ENOENT');
      expect(results.find((r) => r.id === 'request')!.status).toBe('pass');
    } finally {
      await s.close();
      h.cleanup();
    }
  });
});

describe('doctor on a proxy address that is set but unusable', () => {
  it('fails the address check and checks nothing at Anthropic with the proxy key', async () => {
    // A line dotenv skips (":" instead of "="): the config must mark it before the doctor runs, or
    // the checks below would go to api.anthropic.com.
    const text = `ANTHROPIC_BASE_URL:http://127.0.0.1:4000\nANTHROPIC_API_KEY=${KEY}\n`;
    home.writeEnv(text);
    expect(loadConfig(home.envPath, {}).config.unusableBaseUrl).toMatchObject({ line: 1, key: 'ANTHROPIC_BASE_URL' });
    const { results, by } = await doctor(text);
    expect(by('address')).toMatchObject({ status: 'fail', kind: 'config' });
    expect(by('address').detail).toEqual(['.env line 1']);
    expect(statuses(results)).toMatchObject({ server: 'skip', key: 'skip', model: 'skip', request: 'skip' });
    expect(JSON.stringify(results)).not.toContain('api.anthropic.com');
  });
});

describe("doctor: the key's budget (LiteLLM /key/info)", () => {
  it('the key check shows the spend, the limit and when it resets', async () => {
    const s = await server({ dropParams: true, spend: { costPerReply: 0.01, spend: 2.5, maxBudget: 10, budgetResetAt: '2030-01-31T00:00:00Z' } });
    const { by, code } = await doctor(seedEnv(s.url));
    expect(by('key').status).toBe('pass');
    expect(by('key').detail).toContain('Budget: $2.50 of $10.00 spent (25 %), resets 2030-01-31 00:00 UTC');
    expect(s.requests.find((r) => r.url === '/key/info')?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(code).toBe(0);
  });

  it('from 80 % a warning with what to do; at 100 % the request check then shows the budget card', async () => {
    const s = await server({ dropParams: true, spend: { costPerReply: 0.01, spend: 8.5, maxBudget: 10 } });
    const near = await doctor(seedEnv(s.url));
    expect(near.by('key')).toMatchObject({ status: 'warn', fix: expect.stringMatching(/^over 80 % of the budget is spent\. Ask the proxy's admin/) });
    expect(near.by('model').status).toBe('pass'); // a warning on the key does not stop the checks after it
    s.options.spend!.spend = 10;
    const over = await doctor(seedEnv(s.url));
    expect(over.by('key').fix).toMatch(/^the budget is used up/);
    expect(over.by('request')).toMatchObject({ status: 'fail', kind: 'budget' });
    expect(over.by('request').title).toContain("this key's budget is used up (spent $10.00 of $10.00)");
  });

  it('a key without a limit: its spend only; a proxy without /key/info: no line, nothing else changes', async () => {
    const s = await server({ dropParams: true, spend: { costPerReply: 0.01, spend: 1.25, maxBudget: null } });
    expect((await doctor(seedEnv(s.url))).by('key').detail).toContain('Key spend: $1.25 (no budget set)');
    const plain = await server({ dropParams: true });
    const { by, results } = await doctor(seedEnv(plain.url));
    expect(by('key').detail.join('\n')).not.toMatch(/budget|spend/i);
    expect(statuses(results)).toEqual({ config: 'pass', address: 'pass', server: 'pass', key: 'pass', model: 'pass', request: 'pass' });
  });
});
