// Connection profiles on the command line: --profile NAME reads $OPENWORK_HOME/profiles/NAME.env for
// every command, against two real local servers (the default .env talks to one, profile b to the other).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers/llmServer.js';
import { tempHome, type TempHome } from './helpers/home.js';
import { runCli } from './helpers/cli.js';

let home: TempHome;
let a: TestServer;
let b: TestServer;
const chats = (s: TestServer) => s.requests.filter((r) => r.url.endsWith('/chat/completions'));

beforeEach(async () => {
  home = tempHome();
  a = await startServer({ dropParams: true, models: [{ name: 'model-a', reply: 'from server A' }] });
  b = await startServer({ dropParams: true, masterKey: 'sk-key-for-b', models: [{ name: 'model-b', reply: 'from server B' }] });
  home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
  mkdirSync(join(home.dir, 'profiles'), { recursive: true });
  writeFileSync(join(home.dir, 'profiles', 'b.env'), `ANTHROPIC_BASE_URL=${b.url}\nANTHROPIC_API_KEY=sk-key-for-b\n`, { mode: 0o600 });
});
afterEach(async () => {
  await a.close();
  await b.close();
  home.cleanup();
});

describe('--profile', () => {
  it('-p talks to the profile’s server with its key; without it, to the default .env’s', async () => {
    const viaB = await runCli(['--profile', 'b', '-p', 'hello', '--model', 'model-b'], { home: home.dir });
    expect(viaB.stdout).toBe('from server B\n');
    expect(viaB.code).toBe(0);
    expect(chats(b)).toHaveLength(1);
    expect(chats(b)[0]!.headers.authorization).toBe('Bearer sk-key-for-b');
    expect(chats(a)).toHaveLength(0);
    const viaDefault = await runCli(['-p', 'hello', '--model', 'model-a'], { home: home.dir });
    expect(viaDefault.stdout).toBe('from server A\n');
    expect(chats(b)).toHaveLength(1);
  });

  it('models and doctor read the profile', async () => {
    const models = await runCli(['models', '--profile=b', '--json'], { home: home.dir });
    expect(models.code).toBe(0);
    expect(JSON.parse(models.stdout).models.filter((m: { served?: boolean }) => m.served).map((m: { id: string }) => m.id)).toEqual(['model-b']);
    const doctor = await runCli(['doctor', '--profile', 'b', '--model', 'model-b'], { home: home.dir });
    expect(doctor.stdout).toContain(join(home.dir, 'profiles', 'b.env'));
    expect(doctor.stdout).toContain(`127.0.0.1:${b.port} lists 1 model: model-b`);
    expect(doctor.code).toBe(0);
  });

  it('config --profile NAME set creates the profile; get and list read it; .env is untouched', async () => {
    const before = readFileSync(home.envPath, 'utf8');
    const set = await runCli(['config', '--profile', 'c', 'set', 'ANTHROPIC_BASE_URL', b.url], { home: home.dir });
    expect(set.code).toBe(0);
    const file = join(home.dir, 'profiles', 'c.env');
    expect(readFileSync(file, 'utf8')).toContain(`ANTHROPIC_BASE_URL=${b.url}`);
    const get = await runCli(['config', '--profile', 'c', 'get', 'ANTHROPIC_BASE_URL'], { home: home.dir });
    expect(get.stdout.trim()).toBe(b.url);
    const list = await runCli(['config', '--profile', 'b', 'list'], { home: home.dir });
    expect(list.stdout).toContain(b.url);
    expect(list.stdout).not.toContain(a.url);
    expect(readFileSync(home.envPath, 'utf8')).toBe(before);
  });

  it('an unknown profile: says which exist and how to create it, sends nothing; a bad name is a usage error', async () => {
    const r = await runCli(['--profile', 'nope', '-p', 'hello'], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`There is no profile "nope": ${join(home.dir, 'profiles', 'nope.env')} does not exist. Profiles: b.`);
    expect(r.stderr).toContain('openwork-tui config --profile nope set ANTHROPIC_BASE_URL');
    expect(existsSync(join(home.dir, 'profiles', 'nope.env'))).toBe(false);
    const bad = await runCli(['--profile', '../x', 'models'], { home: home.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"../x" cannot be a profile name');
    expect(chats(a).length + chats(b).length).toBe(0);
  });

  it('doctor --all checks the default and every profile; a failing one sets the exit code and is named', async () => {
    writeFileSync(join(home.dir, 'profiles', 'down.env'), `ANTHROPIC_BASE_URL=http://127.0.0.1:9\nANTHROPIC_API_KEY=sk-x\nOPENWORK_TIMEOUT_MS=1000\n`, { mode: 0o600 });
    const r = await runCli(['doctor', '--all'], { home: home.dir, timeoutMs: 30_000 });
    expect(r.stdout).toContain(`Profile default (${home.envPath})`);
    expect(r.stdout).toContain(`Profile b (${join(home.dir, 'profiles', 'b.env')})`);
    expect(r.stdout).toContain(`Profile down (${join(home.dir, 'profiles', 'down.env')})`);
    expect(r.stdout).toContain(`127.0.0.1:${a.port} lists 1 model: model-a`);
    expect(r.stdout).toContain(`127.0.0.1:${b.port} lists 1 model: model-b`);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 of 3 profiles failed: down.');
    expect(r.code).toBe(4); // unreachable
    const json = await runCli(['doctor', '--all', '--json'], { home: home.dir, timeoutMs: 30_000 });
    const doc = JSON.parse(json.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.profiles.map((p: { profile: string | null; ok: boolean }) => [p.profile, p.ok])).toEqual([
      [null, true],
      ['b', true],
      ['down', false],
    ]);
  });
});
