// The headless commands, run as a user would: the built CLI against the local test server.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refusedPort } from './helpers/llmServer.js';
import { eachHomeAndServer } from './helpers/home.js';
import { runCli } from './helpers/cli.js';
import { parseArgs, UsageError } from '../src/args.js';
import { defaultModel } from '../src/config/modelLife.js';

const KEY = 'sk-test-master';
const f = eachHomeAndServer();

const run = (args: string[], env: NodeJS.ProcessEnv = {}, input?: string) => runCli(args, { home: f.home.dir, env, ...(input !== undefined ? { input } : {}) });
const seedEnv = (url: string, key = KEY) => `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=${key}\n`;

describe('openwork-tui -p', () => {
  it('streams the reply from a LiteLLM proxy to stdout and exits 0', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('Hello from the proxy\n');
    expect(r.code).toBe(0);
    expect(f.home.readLog()).toContain(`[Runtime] Using LiteLLM proxy for Anthropic: { hasApiKey: true, hasAuthToken: false, baseUrl: '${f.server.url}' }`);
  });

  it("the seed guide's proxy refuses stream_options: the first -p still answers, and the next run sends no refused request", async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const chats = () => f.server.requests.filter((q) => q.url.endsWith('/chat/completions'));
    const first = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect([first.code, first.stdout, first.stderr]).toEqual([0, 'Hello from the proxy\n', '']);
    expect(chats().map((q) => q.body.stream_options)).toEqual([{ include_usage: true }, undefined]);
    const second = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect([second.code, second.stdout]).toEqual([0, 'Hello from the proxy\n']);
    expect(chats().slice(2).map((q) => q.body.stream_options)).toEqual([undefined]);
    const log = f.home.readLog().split('\n').filter((l) => l.includes('refused the optional parameter stream_options'));
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('litellm_settings: drop_params: true');
  });

  it("a parameter the proxy refuses that the app did not add: the proxy's whole message on stderr and a drop_params hint, one request, exit 1", async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    f.server.fault = 'refuse-param';
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("server said: AnthropicException - AnthropicException - anthropic does not support parameters: {'top_k': 40}");
    expect(r.stderr).toContain('\n    Cooldown Deployments=[]\n');
    expect(r.stderr).toMatch(/hint: .*`litellm_settings: drop_params: true`.*Retrying will not help\./);
    expect(f.server.requests.filter((q) => q.url.endsWith('/chat/completions'))).toHaveLength(1);
  });

  it("a new setup with no --model: the chat's rule picks a served model, and stderr says which and why; then the saved choice", async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['-p', 'hello']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Hello from the proxy\n');
    expect(r.stderr).toBe(`openwork-tui: model claude-3-5-sonnet (the proxy does not serve the default ${defaultModel()}; this is the nearest it serves; --model NAME uses another)\n`);
    expect(f.server.requests.filter((q) => q.url.endsWith('/chat/completions')).at(-1)!.body.model).toBe('claude-3-5-sonnet');

    writeFileSync(join(f.home.dir, 'preferences.json'), JSON.stringify({ models: { [`proxy ${f.server.url}`]: { selected: 'claude-3-5-haiku-20241022', recent: [] } } }));
    const saved = await run(['-p', 'hello']);
    expect([saved.code, saved.stdout]).toEqual([0, 'hi\n']);
    expect(saved.stderr).toBe('openwork-tui: model claude-3-5-haiku-20241022 (the last one chosen for this connection; --model NAME uses another)\n');
  });

  it('reads the prompt from stdin', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['-p', '--model', 'claude-3-5-haiku-20241022'], {}, 'hello from a pipe');
    expect(r.stdout).toBe('hi\n');
    expect(f.server.requests.at(-1)!.body.messages[0].content).toBe('hello from a pipe');
  });

  it('a wrong key: plain message on stderr with the masked key, exit 3', async () => {
    f.home.writeEnv(seedEnv(f.server.url, 'sk-wrong-key-9f3e'));
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('refused the key');
    expect(r.stderr).toContain('sk-…9f3e');
    expect(r.stderr).toContain('ANTHROPIC_API_KEY');
    expect(r.stderr).not.toContain('sk-wrong-key-9f3e');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a stopped proxy: says where it tried and what to check, exit 4', async () => {
    const port = await refusedPort();
    f.home.writeEnv(seedEnv(`http://127.0.0.1:${port}`));
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`Cannot reach http://127.0.0.1:${port}`);
    expect(r.stderr).toMatch(/proxy is running/);
  });

  it('an unknown model: names the models the proxy serves, exit 5', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet-20241022']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('"claude-3-5-sonnet-20241022" is not supported');
    expect(r.stderr).toContain('It serves: claude-3-5-sonnet, claude-3-5-haiku-20241022');
    expect(r.stderr).toContain('hint: Use a served model (--model claude-3-5-sonnet)');
    expect(r.stderr).not.toContain('Ctrl+P'); // a key of the chat only
  });

  it('a 403 HTML page from something in front of the proxy: exit 4', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    f.server.fault = '403-html';
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/web page/);
  });

  it('no secret in any output or log line, even with --debug=body', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const ok = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet', '--debug=body']);
    f.server.fault = '401';
    const bad = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet', '--debug']);
    const log = f.home.readLog();
    expect(log).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions 200 ttfb=\d+ms total=\d+ms/);
    expect(log).toContain('model=claude-3-5-sonnet');
    for (const text of [ok.stdout, ok.stderr, bad.stdout, bad.stderr, log]) expect(text).not.toContain(KEY);
  });

  it('the environment fills in what the file lacks', async () => {
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet'], { ANTHROPIC_BASE_URL: f.server.url, ANTHROPIC_API_KEY: KEY });
    expect(r.stdout).toBe('Hello from the proxy\n');
  });
});

describe('openwork-tui models', () => {
  it('--json lists served and built-in models', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['models', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.connection).toEqual({ mode: 'litellm', baseUrl: f.server.url, reachable: true });
    const served = out.models.filter((m: { served: boolean }) => m.served).map((m: { id: string }) => m.id);
    expect(served).toEqual(['claude-3-5-sonnet', 'claude-3-5-haiku-20241022']);
    expect(out.models.find((m: { id: string }) => m.id === 'claude-3-5-sonnet-20241022')).toMatchObject({ served: false, suggestion: 'claude-3-5-sonnet', availability: 'missing' });
    expect(out.models.find((m: { id: string }) => m.id === 'claude-3-5-sonnet')).toMatchObject({ served: true, availability: 'served' });
  });

  it('text output marks what the proxy does not serve', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await run(['models'], { NO_COLOR: '1' });
    expect(r.stdout).toMatch(/✔ claude-3-5-sonnet\s/);
    expect(r.stdout).toMatch(/✖ claude-3-5-sonnet-20241022 .*use claude-3-5-sonnet/);
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('with OPENAI_API_KEY, built-in gpt-* names are listed as going to OpenAI directly, not as unserved', async () => {
    f.home.writeEnv(seedEnv(f.server.url) + 'OPENAI_API_KEY=sk-openai-test-0000\n');
    const r = await run(['models'], { NO_COLOR: '1' });
    expect(r.code).toBe(0);
    const direct = r.stdout.split('Built in, sent to OpenAI directly')[1]?.split('\n\n')[0] ?? '';
    expect(direct).toMatch(/✔ gpt-/);
    const notServed = r.stdout.split('NOT served by this proxy')[1]?.split('\n\n')[0] ?? '';
    expect(notServed).toContain('claude-3-5-sonnet-20241022');
    expect(notServed).not.toMatch(/gpt-/);
    const json = JSON.parse((await run(['models', '--json'])).stdout);
    expect(json.models.find((m: { id: string }) => m.id.startsWith('gpt-'))).toMatchObject({ availability: 'openai' });
  });

  it('a refused key while listing: built-ins still shown, exit 3', async () => {
    f.home.writeEnv(seedEnv(f.server.url, 'sk-nope-00000000'));
    const r = await run(['models']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/claude-sonnet-4-5-20250929 .*retired 2026-11-30/);
    expect(r.stderr).toContain('refused the key');
    const json = JSON.parse((await run(['models', '--json'])).stdout);
    expect(json.models.find((e: { id: string }) => e.id === 'claude-sonnet-4-5-20250929')).toMatchObject({ endOfLife: '2026-11-30', retired: true });
    expect(json.models.find((e: { id: string }) => e.id === defaultModel())).not.toHaveProperty('endOfLife');
  });
});

describe('help, version, usage', () => {
  it('--version prints the package version (the launcher answers it alone; with other flags the app does)', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    for (const argv of [['--version'], ['-v'], ['--lang', 'en', '--version']]) {
      const r = await run(argv);
      expect(r.stdout).toBe(`${pkg.version}\n`);
      expect(r.code).toBe(0);
    }
  });
  it('--help documents the commands, keys and exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['-p "text"', 'models', 'doctor', 'ANTHROPIC_BASE_URL', 'ANTHROPIC_AUTH_TOKEN', 'Exit codes', '3 auth']) expect(r.stdout).toContain(s);
  });
  it('an unknown option is a usage error (exit 2) with a pointer to --help', async () => {
    const r = await run(['--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--help');
  });
  it('the chat refuses to start without a terminal and says what to do', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('-p');
  });
});

describe('parseArgs', () => {
  it.each([
    [['-p', 'hi'], { kind: 'prompt', text: 'hi', format: 'text' }],
    [['-p'], { kind: 'prompt', text: undefined, format: 'text' }],
    [['-p', 'hi', '--model', 'm'], { kind: 'prompt', text: 'hi', format: 'text' }],
    [['-p', 'hi', '--output-format', 'stream-json'], { kind: 'prompt', text: 'hi', format: 'stream-json' }],
    [['models', '--json'], { kind: 'models', json: true }],
    [['config', 'set', 'ANTHROPIC_API_KEY', 'x'], { kind: 'config', action: 'set', key: 'ANTHROPIC_API_KEY', value: 'x', reveal: false }],
    [['config'], { kind: 'config', action: 'list', reveal: false }],
    [[], { kind: 'tui' }],
  ])('%j', (argv, command) => {
    expect(parseArgs(argv).command).toEqual(command);
  });
  it('--model and --debug=body', () => {
    expect(parseArgs(['--model', 'x', '--debug=body'])).toMatchObject({ model: 'x', debug: 'body' });
  });
  it.each([[['--model']], [['nope']], [['config', 'set', 'K']], [['--debug=loud']]])('rejects %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
  });
});
