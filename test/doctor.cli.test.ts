// `openwork-tui doctor` as a user runs it: the built CLI (npm run build first) against the local server.
import { describe, expect, it } from 'vitest';
import { refusedPort } from './helpers/llmServer.js';
import { eachHomeAndServer } from './helpers/home.js';
import { runCli } from './helpers/cli.js';

const KEY = 'sk-test-master';
const f = eachHomeAndServer();

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['doctor', ...args], { home: f.home.dir, env });
const seedEnv = (url: string, key = KEY) => `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=${key}\n`;

describe('openwork-tui doctor', () => {
  it('a healthy proxy: six ✔ lines and a summary, no colour when not a TTY, exit 0', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['--model', 'claude-3-5-sonnet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\x1b[');
    const marks = r.stdout.split('\n').filter((l) => /^[✔✖!-] /.test(l));
    expect(marks.map((l) => l.slice(0, 2))).toEqual(['✔ ', '✔ ', '✔ ', '✔ ', '✔ ', '✔ ']);
    expect(r.stdout).toContain('✔ Server: LiteLLM 1.39.5');
    expect(r.stdout).toContain('✔ Key: the proxy accepted the key sk-…ster (from ANTHROPIC_API_KEY)');
    expect(r.stdout).toMatch(/✔ Request: claude-3-5-sonnet answered a one-token request in \d+ ms/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('All 6 checks passed.');
    // The seed guide's proxy refuses stream_options: said under the request, with the proxy-side fix.
    expect(r.stdout).toContain('    the proxy refused the optional parameter stream_options (HTTP 500)');
    expect(r.stdout).toContain('    tip: to have the proxy drop such parameters itself, set `litellm_settings: drop_params: true` in its config');
    // Kept in the preferences: the chat after it sends no refused request.
    const p = await runCli(['-p', 'hello', '--model', 'claude-3-5-sonnet'], { home: f.home.dir });
    expect(p.stdout).toBe('Hello from the proxy\n');
    expect(f.server.requests.filter((q) => q.url.endsWith('/chat/completions')).map((q) => q.body.stream_options)).toEqual([{ include_usage: true }, undefined, undefined]);
  });

  it('--json: { ok, checks } for scripts', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['--json', '--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; model: string; checks: { id: string; status: string }[] };
    expect(out.ok).toBe(true);
    expect(out.model).toBe('claude-3-5-sonnet');
    expect(out.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['config:pass', 'address:pass', 'server:pass', 'key:pass', 'model:pass', 'request:pass']);
  });

  it('a stopped proxy (seed guide: 连接超时 / cannot connect): the address and the fix, exit 4', async () => {
    const port = await refusedPort();
    f.home.writeEnv(seedEnv(`http://127.0.0.1:${port}`));
    const r = await run(['--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain(`✖ Address: Cannot reach http://127.0.0.1:${port} (connection refused, ECONNREFUSED).`);
    expect(r.stdout).toMatch(/\n {4}fix: Check the address and port in ANTHROPIC_BASE_URL, http vs https, and that the proxy is running\./);
    expect(r.stdout).toContain('- Server: skipped');
    const json = JSON.parse((await run(['--json', '--model', 'claude-3-5-sonnet'])).stdout) as { ok: boolean; checks: { id: string; status: string; kind?: string }[] };
    expect(json.ok).toBe(false);
    expect(json.checks.find((c) => c.id === 'address')).toMatchObject({ status: 'fail', kind: 'unreachable' });
  });

  it('a wrong key (seed guide: 403 / auth): the masked key and which variable, exit 3; never the key itself', async () => {
    const wrong = 'sk-wrong-key-9f3e';
    f.home.writeEnv(seedEnv(f.server.url, wrong));
    const r = await run(['--model', 'claude-3-5-sonnet', '--debug=body']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('✖ Key: The proxy refused the key (401 Unauthorized). The key sent was sk-…9f3e (from ANTHROPIC_API_KEY).');
    expect(r.stdout).toContain('fix: Check ANTHROPIC_API_KEY in your .env');
    for (const text of [r.stdout, r.stderr, f.home.readLog()]) expect(text).not.toContain(wrong);
    expect(f.home.readLog()).toContain('[Doctor] key fail');
  });

  it('an unknown model (seed guide: 模型不支持): the served names nearest first, exit 5', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['--model', 'claude-3-5-sonnet-20241022']);
    expect(r.code).toBe(5);
    expect(r.stdout).toContain('✖ Model: The model "claude-3-5-sonnet-20241022" is not supported');
    expect(r.stdout).toContain('It serves: claude-3-5-sonnet, claude-3-5-haiku-20241022.');
    expect(r.stdout).toContain('fix: Use a served model (--model claude-3-5-sonnet)');
  });

  it('a web page in front of the proxy: exit 4', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    f.server.fault = '403-html';
    const r = await run(['--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/✖ Server: .* answered with a web page \(403, server: nginx\), not the proxy\./);
  });

  it('a port that never answers: the CLI exits well inside OPENWORK_TIMEOUT_MS', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    f.server.fault = 'hang';
    const r = await run(['--model', 'claude-3-5-sonnet'], { OPENWORK_TIMEOUT_MS: '1500' });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/✖ Address: No answer from 127\.0\.0\.1:\d+ within \d+ ms \(connection timeout\)\./);
  });

  it("a slow SDK load is not the server's time: the key check's limit starts once the SDK is loaded", async () => {
    // The SDK adapter takes 8 s to load (test/helpers/slowSdk.mjs), longer than the key check's 5 s
    // limit; the proxy answers at once. With the limit started before the load, the key check (and
    // every check after it) said 'No answer within 5 s' of a proxy that was never asked.
    f.home.writeEnv(seedEnv(f.server.url));
    const slow = { NODE_OPTIONS: `--import ${new URL('./helpers/slowSdk.mjs', import.meta.url).href}`, SLOW_SDK_MS: '8000', OPENWORK_TIMEOUT_MS: '30000' };
    const r = await runCli(['doctor', '--model', 'claude-3-5-sonnet'], { home: f.home.dir, env: slow, timeoutMs: 60_000 });
    expect(r.stdout).toContain('✔ Key: the proxy accepted the key');
    expect(r.stdout).toMatch(/✔ Request: claude-3-5-sonnet answered/);
    expect(r.code).toBe(0);
  }, 90_000);

  it('a broken .env line: the config check fails with the line, exit 1', async () => {
    f.home.writeEnv(`${seedEnv(f.server.url)}oops\n`);
    const r = await run(['--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("line 6: no '=' on this line (expected KEY=VALUE)");
    expect(r.stdout).toContain('✔ Request:');
  });
});
