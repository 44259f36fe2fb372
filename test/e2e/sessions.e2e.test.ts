// Saved conversations, used as a person would: the built app in a real pseudo-terminal against the
// local LiteLLM-format server, a real sessions.db in a temporary OPENWORK_HOME.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';
import { openHistory } from '../../src/history/open.js';
import type { SessionStore } from '../../src/history/store.js';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;
let store: SessionStore | undefined;

beforeEach(async () => {
  home = tempHome();
  server = await startServer({ chunkDelayMs: 5, extraHeaders: { 'x-litellm-call-id': 'call-e2e-42' } });
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home (log, sessions.db) until it exits: remove the home after that
  app = undefined;
  store?.close();
  store = undefined;
  await server.close();
  home.cleanup();
});

/** The database as another process sees it (the app may still have it open: WAL lets both read). */
async function db(): Promise<SessionStore> {
  if (store) return store;
  const r = await openHistory({ home: home.dir });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return (store = r.store);
}

const chatRequests = () => server.requests.filter((r) => r.url.endsWith('/chat/completions'));

async function quit(a: PtyApp): Promise<void> {
  a.write(keys.ctrlC);
  a.write(keys.ctrlC);
  expect(await a.exit).toBe(0);
}

// Each test starts the app once or twice in a pty: seconds apiece on a loaded machine.
describe('saved conversations', { timeout: 60_000 }, () => {
  it('every turn is saved with its details; --continue brings the conversation back and continues it', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, 'what do quokkas eat?');
    await app.waitFor('Hello from the proxy');
    await app.waitFor(/ready ·/);
    server.setReply('claude-3-5-sonnet', 'Leaves and grasses.');
    await typeLine(app, 'and wombats?');
    await app.waitFor('Leaves and grasses.');
    await app.waitFor(/ready ·/);
    await quit(app);

    const s = await db();
    const [session] = s.list();
    expect(session).toMatchObject({ title: 'what do quokkas eat?', messages: 4, model: 'claude-3-5-sonnet' });
    const msgs = s.messages(session!.id);
    expect(msgs.map((m) => [m.role, m.text, m.status])).toEqual([
      ['user', 'what do quokkas eat?', 'done'],
      ['assistant', 'Hello from the proxy', 'done'],
      ['user', 'and wombats?', 'done'],
      ['assistant', 'Leaves and grasses.', 'done'],
    ]);
    expect(msgs[1]).toMatchObject({ model: 'claude-3-5-sonnet', callId: 'call-e2e-42', connection: expect.stringContaining(`127.0.0.1:${server.port}`) });
    expect(JSON.stringify(msgs)).not.toContain('sk-test-master');
    s.close();
    store = undefined;

    // -c: the transcript is shown, and the next prompt carries the earlier turns.
    app = startApp(['-c', '--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor(`Continuing session ${session!.id} “what do quokkas eat?” (4 messages)`);
    await app.waitFor('Leaves and grasses.');
    await app.waitFor(/key ✓ +ready/);
    server.setReply('claude-3-5-sonnet', 'Both are marsupials.');
    await typeLine(app, 'anything in common?');
    await app.waitFor('Both are marsupials.');
    expect(chatRequests().at(-1)!.body.messages).toEqual([
      { role: 'user', content: 'what do quokkas eat?' },
      { role: 'assistant', content: 'Hello from the proxy' },
      { role: 'user', content: 'and wombats?' },
      { role: 'assistant', content: 'Leaves and grasses.' },
      { role: 'user', content: 'anything in common?' },
    ]);
    await app.waitFor(/ready ·/);
    await quit(app);
    expect((await db()).messages(session!.id)).toHaveLength(6);
  });

  it('-c of a long session: its last reply is in the first frame, the earlier messages then print above it, in order, each once', async () => {
    const s = await db();
    const id = s.createSession({ title: 'a long one', cwd: process.cwd(), now: Date.now() });
    const filler = 'lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8);
    for (let i = 0; i < 30; i++) {
      const n = String(i).padStart(2, '0');
      s.addMessage(id, { role: 'user', text: `Q${n}- a question`, now: Date.now() });
      s.addMessage(id, { role: 'assistant', text: `A${n}- ${filler}\n\n- point one\n- point two A${n}-END`, model: 'claude-3-5-sonnet', now: Date.now() });
    }
    s.close();
    store = undefined;

    app = startApp(['-c', '--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor('A29-END');
    // The last 40 messages are shown (Q10 on): none of them was drawn before the last reply was.
    const firstFrame = app.output().indexOf('A29-END');
    expect(app.output().slice(0, firstFrame)).not.toMatch(/Q1\d- a question/);
    const shown = Array.from({ length: 20 }, (_, i) => String(i + 10)).flatMap((n) => [`Q${n}- a question`, `A${n}-END`]);
    const all = await waitUntil((): string => {
      const text = app!.all();
      return shown.every((m) => text.includes(m)) && /^› /m.test(app!.screen()) ? text : '';
    }, 30_000, 'the whole session on screen');
    const at = shown.map((m) => all.indexOf(m));
    expect(at.every((x, i) => x >= 0 && (i === 0 || x > at[i - 1]!))).toBe(true);
    for (const m of shown) expect(all.split(m).length - 1).toBe(1);
    expect(all).not.toContain('Q09- a question');
    expect(all).toContain('20 earlier messages not shown');
    await app.waitFor(/key ✓ +ready/);
  });

  it('Up brings back prompts from the last run; Ctrl+R searches them', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor(/key ✓ +ready/);
    for (const [i, p] of ['what do quokkas eat?', 'tell me a joke'].entries()) {
      server.setReply('claude-3-5-sonnet', `answer number ${i}`);
      await typeLine(app, p);
      await app.waitFor(`answer number ${i}`);
    }
    await app.waitFor(/ready ·/);
    await quit(app);

    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor(/key ✓ +ready/);
    // The prompts arrive once the database is open (after the first frame): until then Up has
    // nothing to go to, and does nothing — so it is pressed again until they are there.
    await waitUntil(async () => {
      app!.write(keys.up);
      return app!.waitFor('› tell me a joke', 500).then(
        () => true,
        () => false,
      );
    }, 15_000, 'the prompts of the last run');
    app.write(keys.ctrlU);
    await app.waitFor('› Send a message');
    app.write('\x12'); // Ctrl+R
    await app.waitFor('reverse-i-search:');
    app.write('quok');
    await app.waitFor('reverse-i-search: quok');
    await app.waitFor('› what do quokkas eat?');
    app.write(keys.enter); // takes it
    // The search line gone and the prompt drawn again with what it found: one frame, both parts.
    await waitUntil(() => !app!.screen().includes('reverse-i-search') && /^› what do quokkas eat\?$/m.test(app!.screen()), 10_000, 'the search to end, its prompt taken');
    expect(app.screen()).toMatch(/^› what do quokkas eat\?$/m);
    app.write(keys.enter); // sends it
    await app.waitFor(/ready ·/);
    expect(chatRequests().at(-1)!.body.messages.at(-1).content).toBe('what do quokkas eat?');
  });

  it('kill -9 mid-reply keeps the prompt and the reply up to the last second', async () => {
    server.options.chunkDelayMs = 15;
    server.setReply('claude-3-5-sonnet', Array.from({ length: 600 }, (_, i) => `w${i}`).join(' '));
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, 'count for me');
    const screen = await app.waitFor(/w[1-9]\d\b/); // well into the reply
    const shown = Number(/w(\d+)\b(?![\s\S]*w\d)/.exec(screen)![1]);
    // What was on screen is in the database within a second, while the reply still streams…
    const s = await db();
    const saved = await waitUntil(() => {
      const m = s.list()[0] && s.messages(s.list()[0]!.id)[1];
      return m && m.text.includes(`w${shown} `) ? m : undefined;
    }, 5000, `w${shown} saved`);
    expect(saved!.status).toBe('streaming');
    // …and a real kill -9 loses none of it.
    process.kill(app.pid, 'SIGKILL');
    await app.exit;
    app = undefined;
    store!.close();
    store = undefined;
    const after = await db();
    const [u, a] = after.messages(after.list()[0]!.id);
    expect(u).toMatchObject({ role: 'user', text: 'count for me' });
    expect(a!.text.startsWith('w0 w1 w2')).toBe(true);
    expect(a!.text).toContain(`w${shown} `);
    expect(a!.status).toBe('streaming');

    // Continued: the partial reply is shown as interrupted.
    app = startApp(['-c', '--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor('Continuing session');
    await app.waitFor('interrupted');
  });

  it('a corrupt sessions.db: the chat still works, says history is unavailable and why, and leaves the file alone', async () => {
    const file = join(home.dir, 'sessions.db');
    const junk = 'not a database, somebody else\'s bytes\n'.repeat(300);
    writeFileSync(file, junk);
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir });
    const said = (await app.waitFor('The chat works; nothing is saved this run.')).replace(/\s+/g, ' ');
    expect(said).toContain(`History unavailable: ${file} is damaged or not a database (it is left as it is)`);
    await typeLine(app, 'hello anyway');
    await app.waitFor('Hello from the proxy');
    await app.waitFor(/ready ·/);
    await quit(app);
    expect(readFileSync(file, 'utf8')).toBe(junk);
  });

  it('OPENWORK_HISTORY=off: nothing is saved, no database is made', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, env: { OPENWORK_HISTORY: 'off' } });
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, 'private question');
    await app.waitFor('Hello from the proxy');
    await app.waitFor(/ready ·/);
    await quit(app);
    expect(existsSync(join(home.dir, 'sessions.db'))).toBe(false);
  });

  it('the settings switch "Save conversations" stops saving at once and is kept for the next run', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 40 });
    await app.waitFor(/key ✓ +ready/);
    app.write('\x13'); // Ctrl+S
    await app.waitFor('Save conversations');
    for (let i = 0; i < 8; i++) app.write(keys.down);
    await app.waitFor(/› Save conversations +‹ On ›/);
    app.write(keys.right);
    await app.waitFor(/› Save conversations +‹ Off ›/);
    app.write(keys.esc);
    await app.waitFor('Send a message');
    await typeLine(app, 'not to be kept');
    await app.waitFor('Hello from the proxy');
    await app.waitFor(/ready ·/);
    await quit(app);
    expect((await db()).list()).toEqual([]);
    expect(JSON.parse(readFileSync(join(home.dir, 'preferences.json'), 'utf8'))).toMatchObject({ history: false });

    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, 'still not kept');
    await app.waitFor('Hello from the proxy');
    await app.waitFor(/ready ·/);
    await quit(app);
    expect((await db()).list()).toEqual([]);
  });

  it('/resume searches every message and opens the session; /new keeps the old one; /rename and /export', async () => {
    const s = await db();
    const old = s.createSession({ title: 'Fjord trip', cwd: '/elsewhere', now: Date.now() - 86_400_000 });
    s.addMessage(old, { role: 'user', text: 'which fjord is the narrowest?', now: Date.now() - 86_400_000 });
    s.addMessage(old, { role: 'assistant', text: 'The Nærøyfjord, about 250 m wide.', model: 'claude-3-5-sonnet', now: Date.now() - 86_400_000 });
    s.close();
    store = undefined;

    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, 'first chat today');
    await app.waitFor('Hello from the proxy');
    await app.waitFor(/ready ·/);
    await typeLine(app, '/rename Today notes');
    await app.waitFor('Session renamed: Today notes');
    const out = join(home.dir, 'today.md');
    await typeLine(app, `/export ${out}`);
    await app.waitFor('Exported to');
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('# Today notes');
    expect(md).toContain('call id: call-e2e-42');

    await typeLine(app, '/clear');
    await app.waitFor('New session — the previous one is saved');
    await typeLine(app, '/resume');
    await app.waitFor('Resume a session');
    await app.waitFor('Today notes');
    app.write('narrow');
    await app.waitFor(/Fjord trip · .* · claude-3-5-sonnet · 2 msgs/);
    await app.waitFor('which fjord is the narrowest?');
    app.write(keys.enter);
    await app.waitFor(`Continuing session ${old} “Fjord trip” (2 messages)`);
    await app.waitFor('250 m wide');
    await typeLine(app, 'and the widest?');
    // This turn's reply and the turn over: "ready ·" alone can still be the last turn's, read
    // before the Enter was taken (the request not sent yet).
    await app.waitFor(/› and the widest\?[\s\S]*Hello from the proxy[\s\S]*ready ·/);
    expect(chatRequests().at(-1)!.body.messages.map((m: { content: string }) => m.content)).toEqual(['which fjord is the narrowest?', 'The Nærøyfjord, about 250 m wide.', 'and the widest?']);
    await quit(app);
    const titles = (await db()).list().map((x) => `${x.title} ${x.messages}`);
    expect(titles).toEqual(['Fjord trip 4', 'Today notes 2']);
  });
});
