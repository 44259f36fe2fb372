// Waiting in a real terminal (issue 13 points 6 and 7): the live line counts the wait against the
// limit until Esc stops it; Ctrl+C twice exits at once while requests to a proxy that never answers
// are still pending.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;

beforeEach(async () => {
  home = tempHome();
  server = await startServer();
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home (log, sessions.db) until it exits: remove the home after that
  app = undefined;
  await server.close();
  home.cleanup();
});

const chats = () => server.requests.filter((q) => q.url.endsWith('/chat/completions'));

describe('waiting for a first byte', () => {
  it('the live line shows the time waited and the limit, counting up, and Esc stops it', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('ready');
    server.fault = 'hang';
    await typeLine(app, 'hello');
    await app.waitFor('waiting 0 s of 60 s · Esc stops');
    await app.waitFor('waiting 1 s of 60 s · Esc stops'); // it counts
    app.write(keys.esc);
    await app.waitFor(/interrupted/i);
    await app.waitFor('ready');
    expect(chats()).toHaveLength(1);
  });

  it('在中文界面里也说明已等待的时间和上限', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet', '--lang', 'zh-CN'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('就绪');
    server.fault = 'hang';
    await typeLine(app, '你好');
    await app.waitFor(/已等待 \d+ 秒（上限 60 秒）· Esc 停止/);
  });
});

describe('Ctrl+C twice', () => {
  it('exits at once while the probe and the model listing still wait on a proxy that never answers', async () => {
    server.fault = 'hang';
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('Ctrl+C twice to exit');
    app.write(keys.ctrlC);
    await app.waitFor(/Ctrl\+C again/);
    app.write(keys.ctrlC);
    // Bounded by the test's own timeout: before, the pending requests held the process for up to 60 s.
    expect(await app.exit).toBe(0);
    expect(chats()).toEqual([]);
  }, 20_000);

  it('exits at once while a reply waits on a proxy that went quiet', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('ready');
    server.fault = 'hang';
    await typeLine(app, 'hello');
    await app.waitFor('waiting 0 s of 60 s');
    app.write(keys.ctrlC);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  }, 20_000);
});
