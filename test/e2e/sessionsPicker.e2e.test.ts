// The /resume picker when the text and its Enter come in one read from the terminal (tmux send-keys
// 'word' Enter, a one-line paste ending in a line break, a fast typist): the built app in a real
// pseudo-terminal, a real sessions.db in a temporary OPENWORK_HOME.
import { afterEach, beforeEach, describe, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';
import { openHistory } from '../../src/history/open.js';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;

beforeEach(async () => {
  home = tempHome();
  server = await startServer({ chunkDelayMs: 5 });
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home until it exits: remove the home after that
  app = undefined;
  await server.close();
  home.cleanup();
});

describe('/resume picker', { timeout: 60_000 }, () => {
  it("'text\\r' in one write searches for the text, then opens the session it found", async () => {
    const r = await openHistory({ home: home.dir });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    const day = 86_400_000;
    const fjord = r.store.createSession({ title: 'Fjord trip', now: Date.now() - 2 * day });
    r.store.addMessage(fjord, { role: 'user', text: 'which fjord is the narrowest?', now: Date.now() - 2 * day });
    r.store.addMessage(fjord, { role: 'assistant', text: 'The Nærøyfjord, about 250 m wide.', now: Date.now() - 2 * day });
    // The newest session: the one selected before anything is typed.
    const kayak = r.store.createSession({ title: 'Kayak plans', now: Date.now() - day });
    r.store.addMessage(kayak, { role: 'user', text: 'rent a kayak in Bergen?', now: Date.now() - day });
    r.store.close();

    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, '/resume');
    await app.waitFor(['Resume a session', 'Kayak plans', 'Fjord trip']);
    app.write('narrow\r'); // one write: one read for the app
    await app.waitFor(`Continuing session ${fjord} “Fjord trip” (2 messages)`);
    await app.waitFor('250 m wide');

    // Again, with the picker opened by a command that came with its Enter, and a text of two words.
    app.write('/resume\r');
    await app.waitFor(['Resume a session', 'Kayak plans']);
    app.write('kayak bergen\r');
    await app.waitFor(`Continuing session ${kayak} “Kayak plans” (1 message)`);
    app.write(keys.ctrlC);
    app.write(keys.ctrlC);
    await app.exit;
  });
});
