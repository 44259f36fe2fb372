// /system, /role (the picker), /retry and the session keeping them: the built app in a real pty
// against the local LiteLLM-format server, a real sessions.db in a temporary OPENWORK_HOME.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;

beforeEach(async () => {
  home = tempHome();
  server = await startServer({ dropParams: true }); // one request per prompt (no stream_options retry)
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
  mkdirSync(join(home.dir, 'roles'));
  writeFileSync(join(home.dir, 'roles', 'reviewer.md'), '---\nmodel: claude-3-5-haiku-20241022\ndescription: reviews code\n---\nYou review code.\n');
  writeFileSync(join(home.dir, 'roles', 'terse.md'), 'Answer in one line.\n');
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home (log, sessions.db) until it exits: remove the home after that
  app = undefined;
  await server.close();
  home.cleanup();
});

const chats = () => server.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => r.body);
async function sent(n: number): Promise<any> {
  await waitUntil(() => chats().length >= n, 15_000, `request ${n}`);
  return chats()[n - 1];
}
/** Waits until `reply` is on screen and the status bar says ready (the turn is over). */
async function answered(a: PtyApp, reply: RegExp): Promise<void> {
  await waitUntil(() => reply.test(a.screen()) && /\bready · /.test(a.screen()), 15_000, `the reply ${reply}`);
}
async function quit(a: PtyApp): Promise<void> {
  a.write(keys.ctrlC);
  a.write(keys.ctrlC);
  expect(await a.exit).toBe(0);
}

describe('system prompt, roles and /retry in the chat', { timeout: 90_000 }, () => {
  it('/system sets it, /role picks one (model too, status bar shows it), /retry resends; -c brings the role back', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, '/system Be brief.');
    await app.waitFor('System prompt set (9 characters)');
    await typeLine(app, 'one');
    expect((await sent(1)).messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'one' },
    ]);
    await answered(app, /› one\s+● claude-3-5-sonnet\s+Hello from the proxy/);

    // The picker lists both roles; typing filters, Enter uses one.
    await typeLine(app, '/role');
    await app.waitFor('reviewer · claude-3-5-haiku-20241022 · reviews code');
    await app.waitFor('terse · Answer in one line.');
    app.write('rev');
    await waitUntil(() => !app!.screen().includes('terse ·'), 10_000, 'the filter');
    app.write(keys.enter);
    await app.waitFor('Role reviewer · model claude-3-5-haiku-20241022');
    await app.waitFor(/claude-3-5-haiku-20241022 · role reviewer/);
    await typeLine(app, 'two');
    const second = await sent(2);
    expect(second.model).toBe('claude-3-5-haiku-20241022');
    expect(second.messages[0]).toEqual({ role: 'system', content: 'You review code.' });
    await answered(app, /› two\s+● claude-3-5-haiku-20241022\s+hi/);

    // /retry MODEL: the same prompt again, to that model, after the first reply (nothing replaced).
    await typeLine(app, '/retry claude-3-5-sonnet');
    const third = await sent(3);
    expect(third.model).toBe('claude-3-5-sonnet');
    expect(third.messages).toEqual([
      { role: 'system', content: 'You review code.' },
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'Hello from the proxy' },
      { role: 'user', content: 'two' },
      { role: 'assistant', content: 'hi' },
      { role: 'user', content: 'two' },
    ]);
    await answered(app, /hi\s+› two\s+● claude-3-5-sonnet\s+Hello from the proxy/);
    await typeLine(app, '/system');
    await app.waitFor('System prompt (role reviewer):');
    await quit(app);

    // -c: the session's role and system prompt come back (status bar, and the next request).
    app = startApp(['-c', '--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor(/Continuing session/);
    await app.waitFor(/role reviewer/);
    await typeLine(app, 'three');
    const fourth = await sent(4);
    expect(fourth.messages[0]).toEqual({ role: 'system', content: 'You review code.' });
    expect(fourth.messages.at(-1)).toEqual({ role: 'user', content: 'three' });
    await answered(app, /› three\s+● claude-3-5-sonnet\s+Hello from the proxy/);
    await typeLine(app, '/system clear');
    await app.waitFor('System prompt cleared.');
    await waitUntil(() => !/role reviewer\s/.test(app!.screen().split('\n').at(-2) ?? ''), 10_000, 'the role gone from the status bar');
    await typeLine(app, 'four');
    expect((await sent(5)).messages.some((m: { role: string }) => m.role === 'system')).toBe(false);
    await answered(app, /› four\s+● claude-3-5-sonnet\s+Hello from the proxy/);
    await quit(app);
  });
});
