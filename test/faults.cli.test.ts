// Issue 14: servers that send more than anyone should read. A gzip-bomb 500 (4 MB on the wire,
// 4 GiB inflated) and a huge error body are read only up to 64 KB; a response with 64 KB of
// headers keeps its cause (UND_ERR_HEADERS_OVERFLOW) in the message and the log.
import { describe, expect, it } from 'vitest';
import { eachHomeAndServer } from './helpers/home.js';
import { runCli } from './helpers/cli.js';
import { boundedFetch, ERROR_BODY_MAX } from '../src/runtime/boundedFetch.js';
import { EXIT, exitCodeFor } from '../src/runtime/errors.js';

const f = eachHomeAndServer();
const env = () => f.home.writeEnv(`ANTHROPIC_BASE_URL=${f.server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
const chat = (fetchImpl: typeof fetch) =>
  fetchImpl(`${f.server.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk-test-master', 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'claude-3-5-sonnet', messages: [{ role: 'user', content: 'hi' }] }),
  });

describe('bounded reads', () => {
  it('boundedFetch reads at most 64 KB of an error body, inflated (a gzip bomb) or not', async () => {
    f.server.fault = 'gzip-bomb-500';
    const bomb = await chat(boundedFetch(fetch));
    expect(bomb.status).toBe(500);
    expect((await bomb.arrayBuffer()).byteLength).toBe(ERROR_BODY_MAX);
    f.server.options.faultMessage = 'x'.repeat(1_000_000);
    f.server.fault = '500';
    const big = await chat(boundedFetch(fetch));
    const text = await big.text();
    expect(text.length).toBe(ERROR_BODY_MAX);
    expect(text.startsWith('{"error":{"message":"xxx')).toBe(true);
  });

  it('-p against a gzip-bomb 500 says HTTP 500 and exits with its code, in a process that has only 96 MB of heap', async () => {
    env();
    f.server.fault = 'gzip-bomb-500';
    const r = await runCli(['-p', 'hi', '--model', 'claude-3-5-sonnet'], { home: f.home.dir, env: { NODE_OPTIONS: '--max-old-space-size=96' }, timeoutMs: 60_000 });
    expect(r.stderr).toContain('failed with 500');
    expect(r.code).toBe(1);
  });

  it('-p against a response with 64 KB of headers: the message says the headers were too large, the log names UND_ERR_HEADERS_OVERFLOW', async () => {
    env();
    f.server.fault = 'huge-headers';
    const r = await runCli(['-p', 'hi', '--model', 'claude-3-5-sonnet'], { home: f.home.dir });
    expect(r.stderr).toContain('response headers too large');
    expect(r.code).toBe(1);
    expect(f.home.readLog()).toMatch(/request failed: .*code: 'UND_ERR_HEADERS_OVERFLOW'/);
  });
});

describe('an address fetch never connects to', () => {
  it('-p on port 6000 (on the Fetch standard\'s blocked list) says the port is the reason and what to do, not "Connection error."', async () => {
    f.home.writeEnv('ANTHROPIC_BASE_URL=http://127.0.0.1:6000\nANTHROPIC_API_KEY=sk-test-master\n');
    const r = await runCli(['-p', 'hi', '--model', 'claude-3-5-sonnet'], { home: f.home.dir });
    expect(r.stderr).toContain("127.0.0.1:6000: Node never connects to this port");
    expect(r.stderr).toContain('change the port in ANTHROPIC_BASE_URL');
    expect(r.stderr).not.toContain('Connection error');
    expect(r.code).toBe(exitCodeFor('unreachable'));
    expect(r.code).not.toBe(EXIT.other);
  });
});

