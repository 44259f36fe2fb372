// Connection profiles in the chat, in a real terminal: --profile b starts on the second server; the
// status bar names the profile; /profile and Alt+P switch live; each profile keeps its own model; the
// settings screen edits the active profile's file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';
import { en } from '../../src/i18n/en.js';

let home: TempHome;
let a: TestServer;
let b: TestServer;
let app: PtyApp | undefined;
const chats = (s: TestServer) => s.requests.filter((r) => r.url.endsWith('/chat/completions')).length;
/** /model's answer on a line of its own (the start-up notice "model: X — the proxy does not serve…" is not it). */
const modelNow = (m: string) => new RegExp(`· model: ${m} *$`, 'm');
/** The status bar's first row. */
const bar = (p: PtyApp): string => p.screen().split('\n').filter((r) => r.startsWith('● ')).at(-1) ?? '';

beforeEach(async () => {
  home = tempHome();
  a = await startServer({ dropParams: true, models: [{ name: 'model-a', reply: 'from server A' }] });
  b = await startServer({ dropParams: true, masterKey: 'sk-key-for-b', models: [{ name: 'model-b', reply: 'from server B' }] });
  home.writeEnv(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
  mkdirSync(join(home.dir, 'profiles'), { recursive: true });
  writeFileSync(join(home.dir, 'profiles', 'b.env'), `ANTHROPIC_BASE_URL=${b.url}\nANTHROPIC_API_KEY=sk-key-for-b\n`, { mode: 0o600 });
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home (log, sessions.db) until it exits: remove the home after that
  app = undefined;
  await a.close();
  await b.close();
  home.cleanup();
});

describe('profiles in the chat', () => {
  it('--profile b talks to the second server; /profile and Alt+P switch live, each profile with its own model', async () => {
    app = startApp(['--profile', 'b'], { home: home.dir, cols: 110, rows: 30 });
    // The status bar's row whole: the profile is drawn after the address.
    await app.waitFor(new RegExp(`LiteLLM 127\\.0\\.0\\.1:${b.port} .*profile b`));
    expect(bar(app)).toContain('profile b');
    await typeLine(app, '/model model-b');
    await app.waitFor(modelNow('model-b'));
    await typeLine(app, 'hello');
    await app.waitFor('from server B');
    expect(chats(b)).toBe(1);

    await typeLine(app, '/profile');
    await app.waitFor('Profiles: default, [b].');
    await typeLine(app, '/profile default');
    await app.waitFor(`Profile now: default (${home.envPath})`);
    await app.waitFor(`LiteLLM 127.0.0.1:${a.port}`);
    expect(bar(app)).not.toContain('profile');
    await typeLine(app, '/model model-a');
    await app.waitFor(modelNow('model-a'));
    await typeLine(app, 'hi there');
    await app.waitFor('from server A');
    expect(chats(a)).toBe(1);

    // Alt+P: the next profile (b), with the model chosen there.
    app.write('\x1bp');
    await app.waitFor(`LiteLLM 127.0.0.1:${b.port}`);
    await waitUntil(() => /model-b/.test(bar(app!)) && /profile b/.test(bar(app!)), 10_000, 'profile b with model-b');
    await typeLine(app, 'again');
    await waitUntil(() => chats(b) === 2, 10_000, 'the second request to server B');
    expect(b.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!.body.model).toBe('model-b');
    expect(b.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!.headers.authorization).toBe('Bearer sk-key-for-b');

    // The reply ends before the settings open (Esc would stop a reply instead of closing them).
    await waitUntil(() => app!.screen().split('from server B').length === 3 && / ready/.test(bar(app!)), 10_000, 'the second reply from server B');

    // The settings screen edits the active profile's file (its path is also in the "Profile now" notice:
    // a field's hint is what only the settings screen shows).
    const settingsOpen = () => app!.screen().includes(en.settings.hints.ANTHROPIC_BASE_URL);
    app.write(keys.ctrlS);
    await waitUntil(() => settingsOpen() && app!.screen().includes(join(home.dir, 'profiles', 'b.env')), 10_000, 'the settings screen, on b.env');
    expect(app.screen()).toContain(join(home.dir, 'profiles', 'b.env'));
    app.write(keys.esc);

    // Back to the default, with its model: Alt+P once the settings screen is gone.
    await waitUntil(() => !settingsOpen() && app!.screen().includes('Send a message'), 10_000, 'the settings screen closed');
    app.write('\x1bp');
    await app.waitFor(`LiteLLM 127.0.0.1:${a.port}`);
    await waitUntil(() => /model-a/.test(bar(app!)), 10_000, 'model-a again');
  });

  it('an unknown --profile: the chat does not start, and says which profiles exist', async () => {
    app = startApp(['--profile', 'nope'], { home: home.dir });
    expect(await app.exit).toBe(1);
    // The pty can deliver the last output after the exit: wait for it rather than read at once.
    await app.waitForAll('There is no profile "nope"');
    await app.waitForAll('Profiles: b.');
  });
});
