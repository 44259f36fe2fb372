// Issue 14: the headless commands in a real terminal (a pty) against a hostile server — no title,
// clipboard, screen or C1/bidi control gets through — and through a pipe, where -p stays byte-exact.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { eachHomeAndServer } from './helpers/home.js';
import { startServer } from './helpers/llmServer.js';
import { runCli } from './helpers/cli.js';
import { startApp, type PtyApp } from './helpers/pty.js';
import { cleaned, hostile, leaks } from './helpers/hostile.js';

const KEY = 'sk-test-master';
const EVIL = hostile('m');
const f = eachHomeAndServer({
  version: hostile('v'),
  models: [
    { name: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', reply: `fine ${hostile('r')} reply` },
    { name: EVIL, underlying: `anthropic/${hostile('u')}`, reply: `evil ${hostile('q')} reply` },
  ],
});
let app: PtyApp | undefined;
afterEach(async () => {
  // The home is removed after this (eachHomeAndServer): only once the app has exited.
  app?.kill();
  await app?.exit;
  app = undefined;
});

const env = () => f.home.writeEnv(`ANTHROPIC_BASE_URL=${f.server.url}\nANTHROPIC_API_KEY=${KEY}\n`);

/**
 * Runs the CLI in a pty until it exits and `last` is on the terminal; what it wrote, after checking
 * nothing hostile got through.
 */
async function inTerminal(args: string[], last: string | RegExp, escaped = false): Promise<{ out: string; screen: string; code: number }> {
  app = startApp(args, { home: f.home.dir, cols: 200, rows: 50 });
  const code = await app.exit;
  await app.waitForAll(last);
  const out = app.output();
  // Shown escaped (`logs`), the payloads are text: only the sequences themselves count.
  expect(leaks(out).filter((l) => !escaped || !/PWNED|evil\.invalid/.test(l))).toEqual([]);
  expect(app.titles()).toEqual([]);
  return { out, screen: app.all(), code };
}

describe('headless commands against a hostile server', () => {
  it('-p in a terminal: the reply is cleaned; through a pipe it is byte-exact', async () => {
    env();
    const t = await inTerminal(['-p', 'hi', '--model', EVIL], 'reply');
    expect(t.code).toBe(0);
    expect(t.screen).toContain(`evil ${cleaned('q')} reply`);
    const piped = await runCli(['-p', 'hi', '--model', EVIL], { home: f.home.dir });
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(`evil ${hostile('q')} reply\n`);
  });

  it('-p without --model names the served model it picked on stderr, cleaned', async () => {
    const only = await startServer({ models: [{ name: hostile('claude-sonnet-4-5'), reply: 'picked' }] });
    try {
      f.home.writeEnv(`ANTHROPIC_BASE_URL=${only.url}\nANTHROPIC_API_KEY=${KEY}\n`);
      const t = await inTerminal(['-p', 'hi'], 'picked');
      expect(t.code).toBe(0);
      expect(t.screen).toContain(cleaned('claude-sonnet-4-5'));
    } finally {
      await only.close();
    }
  });

  it('-p with a reply that cuts an escape sequence between chunks: neither half reaches the terminal', async () => {
    env();
    f.server.options.chunkSize = 2; // every sequence arrives in pieces
    const t = await inTerminal(['-p', 'hi', '--model', 'claude-3-5-sonnet'], 'reply');
    expect(t.screen).toContain(`fine ${cleaned('r')} reply`);
    expect(t.out).not.toMatch(/0;PWNED|52;c;|\[2J|\?1049h|5;5H/);
  });

  it('-p failing with a hostile error message: stderr is cleaned', async () => {
    env();
    f.server.options.faultMessage = hostile('e');
    f.server.fault = '500';
    const t = await inTerminal(['-p', 'hi', '--model', 'claude-3-5-sonnet'], cleaned('e'));
    expect(t.code).not.toBe(0);
    expect(t.screen).toContain(cleaned('e'));
  });

  it('models: hostile names and underlying names cleaned in a terminal; --json keeps the real name, escaped', async () => {
    env();
    const t = await inTerminal(['models'], cleaned('u'));
    expect(t.code).toBe(0);
    expect(t.screen).toContain(cleaned('m'));
    expect(t.screen).toContain(`→ anthropic/${cleaned('u')}`);
    const j = await inTerminal(['models', '--json'], /\}\s*$/, true);
    expect(j.code).toBe(0);
    const piped = await runCli(['models', '--json'], { home: f.home.dir });
    const ids = (JSON.parse(piped.stdout) as { models: { id: string }[] }).models.map((e) => e.id);
    expect(ids).toContain(EVIL);
    expect(piped.stdout).not.toMatch(/[\u0080-\u009f\u202e]/);
  });

  it('doctor: a hostile LiteLLM version and error message cleaned, text and --json', async () => {
    env();
    const t = await inTerminal(['doctor', '--model', 'claude-3-5-sonnet'], /checks? (passed|failed)/);
    expect(t.screen).toContain(cleaned('v'));
    f.server.options.faultMessage = hostile('e');
    f.server.fault = '500';
    const failed = await inTerminal(['doctor', '--model', 'claude-3-5-sonnet'], /checks? (passed|failed)/);
    expect(failed.code).not.toBe(0);
    expect(failed.screen).toContain(cleaned('e'));
    await inTerminal(['doctor', '--json', '--model', 'claude-3-5-sonnet'], /\}\s*$/, true);
  });

  it('config list/get: a hostile value in .env cleaned in a terminal, exact through a pipe', async () => {
    f.home.writeEnv(`ANTHROPIC_BASE_URL=${f.server.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PROXY_FORMAT=${hostile('f')}\n`);
    const list = await inTerminal(['config', 'list'], 'OPENWORK_TIMEOUT_MS');
    expect(list.screen).toContain(cleaned('f'));
    const get = await inTerminal(['config', 'get', 'OPENWORK_PROXY_FORMAT'], cleaned('f'));
    expect(get.screen).toContain(cleaned('f'));
    const piped = await runCli(['config', 'get', 'OPENWORK_PROXY_FORMAT'], { home: f.home.dir });
    expect(piped.stdout).toBe(`${hostile('f')}\n`);
  });

  it('logs: a log line with raw control characters (as older versions wrote) is shown escaped in a terminal', async () => {
    mkdirSync(dirname(f.home.logFile), { recursive: true });
    writeFileSync(f.home.logFile, `2026-01-01T00:00:00.000Z WARN  old line ${hostile('l')}\n`);
    const t = await inTerminal(['logs'], /old line l[\s\S]*\\x1b\]0;PWNED/, true); // the line's end, not its start
    expect(t.code).toBe(0);
    expect(t.screen).toContain('old line l');
    expect(t.screen).toContain('\\x1b]0;PWNED');
  });
});
