// Issue 5 end to end: change the proxy address in the settings screen; the next reply comes from
// the second proxy, with no restart, and every comment in the file is kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { caretOnEmptyPrompt, startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';

let home: TempHome;
let a: TestServer;
let b: TestServer;
let app: PtyApp | undefined;

beforeEach(async () => {
  home = tempHome();
  a = await startServer();
  b = await startServer();
  a.setReply('claude-3-5-sonnet', 'from proxy A');
  b.setReply('claude-3-5-sonnet', 'from proxy B');
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home (log, sessions.db) until it exits: remove the home after that
  app = undefined;
  await Promise.all([a.close(), b.close()]);
  home.cleanup();
});

const seedGuide = (url: string) =>
  `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\n\n# LiteLLM API 密钥（如果服务器启用了认证）\n# 使用你的 Anthropic API key\nANTHROPIC_API_KEY=sk-test-master\n`;

/** The chat on proxy A in a cols×rows terminal, after sending each of `texts` and seeing the reply. */
async function chatOnA(cols: number, rows: number, ...texts: string[]): Promise<PtyApp> {
  home.writeEnv(seedGuide(a.url));
  const started = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols, rows });
  app = started;
  await started.waitFor('ready');
  for (const text of texts) {
    await typeLine(started, text);
    await started.waitFor(new RegExp(`› ${text}[\\s\\S]*from proxy A[\\s\\S]*ready ·`));
  }
  return started;
}

/** Opens the settings, runs Test connection (a screen taller than a small terminal), closes them. */
async function testConnectionAndBack(app: PtyApp): Promise<void> {
  app.write('\x13'); // Ctrl+S
  await app.waitFor('Esc close'); // the screen's keys (its rows may scroll in a small terminal)
  app.write('\x14'); // Ctrl+T
  await app.waitFor(/checks passed/, 15_000);
  app.write(keys.esc);
  await app.waitFor('Send a message');
}

describe('settings in a real terminal', () => {
  it('edits the base URL, passes Test connection, saves, keeps the comments, and the next reply comes from the new proxy', async () => {
    home.writeEnv(seedGuide(a.url));
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 34 });
    await app.waitFor('ready');
    await typeLine(app, 'hello');
    await app.waitFor('from proxy A');
    await app.waitFor('ready');

    app.write('\x13'); // Ctrl+S
    await app.waitFor('Test connection');
    app.write(keys.enter); // edit ANTHROPIC_BASE_URL (focused first)
    app.write(keys.ctrlU);
    app.write(`${b.url}/v1`);
    await app.waitFor('dropped the trailing /v1');
    app.write(keys.enter);
    app.write('\x14'); // Ctrl+T
    // The result and the new address together, one frame (not the result alone).
    const checked = await app.waitFor([/Request: claude-3-5-sonnet answered/, `127.0.0.1:${b.port}`], 15_000);
    expect(checked).toContain(`127.0.0.1:${b.port}`);
    app.write('\x13'); // Ctrl+S saves
    await app.waitFor(/Saved/);
    await app.waitFor(`switched to LiteLLM at 127.0.0.1:${b.port}`);
    app.write(keys.esc);
    await app.waitFor('Send a message');

    await typeLine(app, 'and now?');
    await app.waitFor('from proxy B');
    expect(b.requests.some((r) => r.url === '/v1/chat/completions')).toBe(true);

    const text = readFileSync(home.envPath, 'utf8');
    expect(text).toBe(seedGuide(b.url));
    expect(statSync(home.envPath).mode & 0o777).toBe(0o600);

    app.write(keys.ctrlC);
    await app.waitFor(/Ctrl\+C again/);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });

  it('the settings screen with its test results fits a small terminal; closing it reprints nothing and the cursor is on the prompt', async () => {
    const app = await chatOnA(80, 16, 'first');
    app.write('\x13'); // Ctrl+S
    await app.waitFor('Esc close');
    app.write('\x14'); // Ctrl+T
    // Title and keys in view, within 16 rows (the status bar below): the whole frame, as the keys
    // are drawn after the results.
    const s = await app.waitFor([/checks passed/, /^Settings /m, 'Esc close'], 15_000);
    expect(s).toMatch(/^Settings /m);
    expect(s).toContain('Esc close');
    app.write(keys.esc);
    await app.waitFor('Send a message');
    const promptRow = () => app.screen().split('\n').findIndex((l) => l.includes('Send a message'));
    await waitUntil(() => app.cursor().y === promptRow(), 3000, `the cursor on the prompt row (it is on ${app.cursor().y}, the prompt on ${promptRow()})`);
    await typeLine(app, 'second');
    await app.waitFor(/› second[\s\S]*from proxy A[\s\S]*ready ·/);
    const all = app.all();
    expect(all.match(/openwork-tui \d+\.\d+\.\d+ ·/g)).toHaveLength(1); // the banner once
    expect(all.match(/› first/g)).toHaveLength(1);
    expect(all.match(/from proxy A/g)).toHaveLength(2);
    expect(all).toMatch(/› first\n+● claude-3-5-sonnet\n  from proxy A/);
    expect(all).not.toContain('Esc close'); // no copy of the screen left behind
    expect(app.output()).not.toMatch(/\x1b\[[23]J/);
  });

  it('after a resize and the settings screen, the transcript is there once and nothing was erased', async () => {
    const app = await chatOnA(80, 16, 'first');
    // At rest first (the caret put back on the prompt): a resize mid-frame reflows the wrong line.
    await waitUntil(() => caretOnEmptyPrompt(app), 10_000, 'the caret on the prompt');
    app.resize(90, 16);
    await waitUntil(() => app.screen().split('\n').some((l) => /ready ·/.test(l) && l.length > 80), 5000, 'the status bar at 90 columns');
    await testConnectionAndBack(app);
    await typeLine(app, 'second');
    await app.waitFor(/› second[\s\S]*from proxy A[\s\S]*ready ·/);
    const all = app.all();
    expect(all.match(/openwork-tui \d+\.\d+\.\d+ ·/g)).toHaveLength(1);
    expect(all.match(/› first/g)).toHaveLength(1);
    expect(all.match(/from proxy A/g)).toHaveLength(2);
    expect(app.output()).not.toMatch(/\x1b\[[23]J/);
  });

  it('closing the settings screen prints nothing again: each message is in the history once', async () => {
    const app = await chatOnA(100, 28, 'one', 'two', 'three');
    await testConnectionAndBack(app);
    await app.waitFor('› Send a message');
    for (const m of ['› one', '› two', '› three']) expect(app.all().split(m).length - 1).toBe(1);
  });

  it('first run with nothing configured opens the settings screen', async () => {
    app = startApp([], { home: home.dir, rows: 40 });
    await app.waitFor('Welcome to openwork-tui');
    expect(app.screen().split('\n').every((l) => l.length <= 80)).toBe(true);
    await app.waitFor('Test connection');
    app.write(keys.esc);
    await app.waitFor('Send a message');
  });

  it('/doctor walks the checklist in the app', async () => {
    home.writeEnv(seedGuide(a.url));
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('ready');
    await typeLine(app, '/doctor');
    await app.waitFor([/All 6 checks passed|checks passed/, /✔ Server: LiteLLM 1\.39\.5/], 15_000);
  });
});
