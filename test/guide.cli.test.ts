// The seed guide's steps, as written: `npm run dev` in a clone, and the `[Runtime] Using LiteLLM
// proxy for Anthropic` line in the console (--verbose in a headless command).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eachHomeAndServer } from './helpers/home.js';
import { runCli } from './helpers/cli.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const KEY = 'sk-test-master';
const f = eachHomeAndServer();
const seedEnv = (url: string, key = KEY) => `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=${key}\n`;

describe('--verbose', () => {
  it("-p prints the runtime lines to stderr, the guide's line among them (presence of keys only); stdout stays the reply", async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const r = await runCli(['-p', 'hello', '--model', 'claude-3-5-sonnet', '--verbose'], { home: f.home.dir });
    expect([r.code, r.stdout]).toEqual([0, 'Hello from the proxy\n']);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(`[Runtime] Using LiteLLM proxy for Anthropic: { hasApiKey: true, hasAuthToken: false, baseUrl: '${f.server.url}' }`);
    expect(r.stderr).toContain('[Runtime] 127.0.0.1:');
    expect(r.stderr).toContain('refused the optional parameter stream_options');
    expect(r.stderr).not.toContain(KEY);
    // Without --verbose: nothing of it (the log has it).
    const quiet = await runCli(['-p', 'hello', '--model', 'claude-3-5-sonnet'], { home: f.home.dir });
    expect(quiet.stderr).toBe('');
    expect(f.home.readLog()).toContain('[Runtime] Using LiteLLM proxy for Anthropic');
  });

  it('a refused key: the runtime line and the failure, with the key masked; the chat refuses --verbose and says where its lines are', async () => {
    f.home.writeEnv(seedEnv(f.server.url, 'sk-wrong-key-9f3e'));
    const r = await runCli(['models', '--verbose'], { home: f.home.dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[Runtime] Using LiteLLM proxy for Anthropic: { hasApiKey: true');
    expect(r.stderr).not.toContain('sk-wrong-key-9f3e');
    // The guide's "403": a real LiteLLM says 401; on the command line the hint names no chat key.
    const p = await runCli(['-p', 'hello'], { home: f.home.dir });
    expect(p.code).toBe(3);
    expect(p.stderr).toContain('The proxy refused the key (401 Unauthorized)');
    expect(p.stderr).toContain('run "openwork-tui config set ANTHROPIC_API_KEY …"');
    expect(p.stderr).not.toContain('Ctrl+');
    const chat = await runCli(['--verbose'], { home: f.home.dir });
    expect(chat.code).toBe(2);
    expect(chat.stderr).toContain('--verbose is for -p and models');
    expect(chat.stderr).toContain('openwork-tui logs');
  });
});

describe('npm run dev', () => {
  it('builds the app from source and runs it with the arguments given (here -p against the proxy), exiting with it', async () => {
    // Its own output folder: the suite's dist/ is left alone.
    const out = mkdtempSync(join(tmpdir(), 'openwork-dev-'));
    try {
      mkdirSync(join(out, 'bin'));
      copyFileSync(join(ROOT, 'bin', 'openwork-tui.cjs'), join(out, 'bin', 'openwork-tui.cjs'));
      copyFileSync(join(ROOT, 'package.json'), join(out, 'package.json'));
      symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
      f.home.writeEnv(seedEnv(f.server.url));
      const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn('npm', ['run', 'dev', '--silent', '--', '-p', 'hello', '--model', 'claude-3-5-haiku-20241022'], {
          cwd: ROOT,
          env: { PATH: process.env.PATH, HOME: f.home.dir, OPENWORK_HOME: f.home.dir, OPENWORK_DEV_OUT: out },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      expect(r.stderr).toBe('');
      expect([r.code, r.stdout]).toEqual([0, 'hi\n']);
      expect(f.server.requests.filter((q) => q.url.endsWith('/chat/completions')).at(-1)!.body.model).toBe('claude-3-5-haiku-20241022');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
