// `openwork-tui config`, run as a script would: the built CLI on a throwaway $OPENWORK_HOME.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tempHome, type TempHome } from './helpers/home.js';
import { BIN, runCli } from './helpers/cli.js';
import { CONFIG_KEYS } from '../src/config/keys.js';

const KEY = 'sk-test-master';
const SEED = `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=http://127.0.0.1:3000\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=${KEY}\n`;
const posix = process.platform !== 'win32';
let home: TempHome;

beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['config', ...args], { home: home.dir, env });
const envText = () => readFileSync(home.envPath, 'utf8');

describe('openwork-tui config list', () => {
  it('lists every key with its value (secrets masked) and where it came from', async () => {
    home.writeEnv(SEED);
    const r = await run(['list'], { ANTHROPIC_AUTH_TOKEN: 'tok-from-the-env-9876', OPENWORK_TIMEOUT_MS: '5000' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toBe(`# ${home.envPath}`);
    expect(rows.slice(1).map((l) => l.split(/\s+/)[0])).toEqual([...CONFIG_KEYS]);
    const row = (key: string) => rows.find((l) => l.startsWith(key + ' '))!.split(/\s{2,}/);
    expect(row('ANTHROPIC_BASE_URL')).toEqual(['ANTHROPIC_BASE_URL', 'http://127.0.0.1:3000', 'file']);
    expect(row('ANTHROPIC_API_KEY')).toEqual(['ANTHROPIC_API_KEY', 'sk-…ster', 'file']);
    expect(row('ANTHROPIC_AUTH_TOKEN')).toEqual(['ANTHROPIC_AUTH_TOKEN', 'tok-…9876', 'environment']);
    expect(row('OPENWORK_TIMEOUT_MS')).toEqual(['OPENWORK_TIMEOUT_MS', '5000', 'environment']);
    expect(row('OPENWORK_PROXY_FORMAT')).toEqual(['OPENWORK_PROXY_FORMAT', '-', 'unset (auto)']);
    expect(r.stdout).not.toContain(KEY);
    expect(r.stdout).not.toContain('tok-from-the-env-9876');
  });

  it('--reveal shows secrets in full; no action means list', async () => {
    home.writeEnv(SEED);
    const revealed = await run(['list', '--reveal']);
    expect(revealed.stdout).toContain(KEY);
    const bare = await run([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toContain('sk-…ster');
  });

  it('says when the file does not exist yet, and warns about lines dotenv skips', async () => {
    expect((await run(['list'])).stdout).toContain('(does not exist yet)');
    home.writeEnv(`${SEED}this line is broken\n`);
    const r = await run(['list']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: \.env line 6: no '=' on this line/);
  });
});

describe('openwork-tui config get', () => {
  it('prints the value, masked for a secret unless --reveal; exit 1 when unset', async () => {
    home.writeEnv(SEED);
    expect(await run(['get', 'ANTHROPIC_BASE_URL'])).toEqual({ code: 0, stdout: 'http://127.0.0.1:3000\n', stderr: '' });
    expect(await run(['get', 'ANTHROPIC_API_KEY'])).toEqual({ code: 0, stdout: 'sk-…ster\n', stderr: '' });
    expect(await run(['get', 'ANTHROPIC_API_KEY', '--reveal'])).toEqual({ code: 0, stdout: `${KEY}\n`, stderr: '' });
    expect(await run(['get', 'OPENAI_API_KEY'])).toEqual({ code: 1, stdout: '', stderr: 'OPENAI_API_KEY is not set\n' });
  });

  it('the file wins over the environment; the environment fills in what the file lacks', async () => {
    home.writeEnv(SEED);
    const env = { ANTHROPIC_BASE_URL: 'http://from-env:1', OPENAI_BASE_URL: 'http://openai-env:2' };
    expect((await run(['get', 'ANTHROPIC_BASE_URL'], env)).stdout).toBe('http://127.0.0.1:3000\n');
    expect((await run(['get', 'OPENAI_BASE_URL'], env)).stdout).toBe('http://openai-env:2\n');
  });

  it('refuses an unknown key with the list of known keys (exit 2)', async () => {
    const r = await run(['get', 'ANTHROPIC_BASEURL']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown setting "ANTHROPIC_BASEURL"');
    for (const k of CONFIG_KEYS) expect(r.stderr).toContain(`  ${k}\n`);
  });
});

describe('openwork-tui config set / unset', () => {
  it('set changes only that line, keeps every comment, and the write is private', async () => {
    home.writeEnv(SEED);
    const r = await run(['set', 'ANTHROPIC_BASE_URL', 'http://10.1.2.3:4000/v1/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ ANTHROPIC_BASE_URL=http://10.1.2.3:4000');
    expect(r.stderr).toContain('note: dropped the trailing /v1');
    expect(envText()).toBe(SEED.replace('http://127.0.0.1:3000', 'http://10.1.2.3:4000'));
    if (posix) expect(statSync(home.envPath).mode & 0o777).toBe(0o600);
    expect(readdirSync(home.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('set appends a new key and trims a pasted key; the secret is not echoed', async () => {
    home.writeEnv(SEED);
    const r = await run(['set', 'ANTHROPIC_AUTH_TOKEN', '  "tok-new-token-1234"  ']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ANTHROPIC_AUTH_TOKEN=tok-…1234');
    expect(r.stdout + r.stderr).not.toContain('tok-new-token-1234');
    expect(envText()).toBe(`${SEED}ANTHROPIC_AUTH_TOKEN=tok-new-token-1234\n`);
  });

  it('set on a first run creates the folder 0700 and the file 0600', async () => {
    const r = await runCli(['config', 'set', 'ANTHROPIC_API_KEY', KEY], { home: `${home.dir}/fresh` });
    expect(r.code).toBe(0);
    expect(readFileSync(`${home.dir}/fresh/.env`, 'utf8')).toBe(`ANTHROPIC_API_KEY=${KEY}\n`);
    if (posix) {
      expect(statSync(`${home.dir}/fresh`).mode & 0o777).toBe(0o700);
      expect(statSync(`${home.dir}/fresh/.env`).mode & 0o777).toBe(0o600);
    }
  });

  it('an invalid value is refused with the reason (exit 2) and nothing is written', async () => {
    home.writeEnv(SEED);
    for (const [key, value, why] of [
      ['ANTHROPIC_BASE_URL', '127.0.0.1:4000', 'add http:// or https:// in front'],
      ['ANTHROPIC_BASE_URL', 'ftp://x', 'must start with http:// or https://'],
      ['OPENWORK_TIMEOUT_MS', '30s', 'whole number of milliseconds'],
      ['OPENWORK_PROXY_FORMAT', 'litellm', 'auto, openai, anthropic'],
      ['ANTHROPIC_API_KEY', 'sk bad', 'spaces or line breaks'],
      ['ANTHROPIC_API_KEY', '   ', 'config unset ANTHROPIC_API_KEY'],
    ] as const) {
      const r = await run(['set', key, value]);
      expect(r.code, `${key}=${value}`).toBe(2);
      expect(r.stderr).toContain(why);
      expect(r.stderr).toContain('Nothing was written.');
      expect(envText()).toBe(SEED);
    }
    expect((await run(['set', 'NOT_A_SETTING', 'x'])).code).toBe(2);
    expect(envText()).toBe(SEED);
  });

  it('unset removes the key line only; says when the environment still sets it', async () => {
    home.writeEnv(SEED);
    const r = await run(['unset', 'ANTHROPIC_API_KEY'], { ANTHROPIC_API_KEY: 'sk-env-key-0000' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`removed ANTHROPIC_API_KEY from ${home.envPath}`);
    expect(r.stderr).toContain('still set in the environment');
    expect(envText()).toBe('# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=http://127.0.0.1:3000\n\n# LiteLLM API 密钥\n');
    const again = await run(['unset', 'ANTHROPIC_API_KEY']);
    expect(again).toMatchObject({ code: 0, stdout: `ANTHROPIC_API_KEY was not in ${home.envPath}\n` });
  });

  it('usage errors exit 2', async () => {
    expect((await run(['set', 'ANTHROPIC_BASE_URL'])).code).toBe(2);
    expect((await run(['get'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

describe('killed mid-save', () => {
  it.runIf(posix)('a set killed at any moment leaves the old file or the new one, never a mix', async () => {
    const oldText = `${SEED}# ${'x'.repeat(64 * 1024)}\n`; // big enough that a torn write would show
    const newText = oldText.replace('http://127.0.0.1:3000', 'http://10.9.9.9:4000');
    for (let i = 0; i < 12; i++) {
      home.writeEnv(oldText);
      const child = spawn(process.execPath, [BIN, 'config', 'set', 'ANTHROPIC_BASE_URL', 'http://10.9.9.9:4000'], {
        env: { PATH: process.env.PATH, OPENWORK_HOME: home.dir },
        stdio: 'ignore',
      });
      const exited = new Promise((ok) => child.on('exit', ok));
      // Vary the moment of death across the run: before, during and after the write.
      setTimeout(() => child.kill(i % 2 ? 'SIGKILL' : 'SIGINT'), 20 + i * 12);
      await exited;
      const now = readFileSync(home.envPath, 'utf8');
      expect(now === oldText || now === newText, `run ${i}: the file is torn`).toBe(true);
      expect(existsSync(home.envPath)).toBe(true);
    }
  });
});

describe('openwork-tui config set: values and files it refuses', () => {
  it('a value with a line break or a tab is refused (exit 2), never rewritten into another setting', async () => {
    home.writeEnv(SEED);
    for (const [value, what] of [['http://x\nANTHROPIC_API_KEY=evil', 'a line break'], ['http://x\tA', 'a tab']] as const) {
      const r = await run(['set', 'ANTHROPIC_BASE_URL', value]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`ANTHROPIC_BASE_URL cannot contain ${what}`);
      expect(envText()).toBe(SEED);
    }
  });

  it('.env that is a folder: the message names it and what to do, exit 1 (never "unexpected error: EISDIR")', async () => {
    mkdirSync(home.envPath, { recursive: true });
    const r = await run(['set', 'OPENWORK_TIMEOUT_MS', '5000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${home.envPath} is a folder, not a file: move it away`);
    expect(r.stderr).not.toMatch(/unexpected error|EISDIR/);
  });

  it('a read-only .env: says so, exit 1, the file is not replaced', async () => {
    home.writeEnv(SEED);
    chmodSync(home.envPath, 0o400);
    const r = await run(['set', 'OPENWORK_TIMEOUT_MS', '5000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${home.envPath} is read-only, so nothing was changed`);
    expect([envText(), statSync(home.envPath).mode & 0o777]).toEqual([SEED, 0o400]);
  });
});
