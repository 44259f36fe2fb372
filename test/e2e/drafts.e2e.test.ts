// The draft in a real pty: Ctrl+G hands it to $EDITOR (a tiny script) and takes back what was saved,
// with the terminal in raw mode again after; a long paste collapses and is sent whole; Esc and
// Ctrl+U clear, Ctrl+Z and Up bring back. Request bodies checked on the local server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { startApp, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;

beforeEach(async () => {
  home = tempHome();
  server = await startServer({ dropParams: true });
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
});
afterEach(async () => {
  // The app writes to its home until it exits (the log, sessions.db): remove the folder after that.
  app?.kill();
  await app?.exit;
  app = undefined;
  await server.close();
  home.cleanup();
});

const chats = () => server.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => r.body);
const lines = (n: number) => Array.from({ length: n }, (_, i) => `row ${i + 1}`).join('\n');
const promptRow = (a: PtyApp) => a.screen().split('\n').find((l) => l.startsWith('› ')) ?? '';

describe('the draft', { timeout: 90_000 }, () => {
  it('Ctrl+G: $EDITOR gets the draft and the terminal; what it saved comes back; raw mode is on again after', async () => {
    // The "editor": records the terminal's mode while it runs, then saves an edited draft.
    const editor = join(home.dir, 'edit.sh');
    writeFileSync(editor, `#!/bin/sh\nstty -a > "${home.dir}/stty.txt"\nprintf '%s\\n' "$(cat "$1") -- edited" > "$1.new" && mv "$1.new" "$1"\n`);
    chmodSync(editor, 0o755);
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, env: { EDITOR: editor } });
    await app.waitFor(/key ✓ +ready/);
    app.write('fix this');
    await app.waitFor('› fix this');
    app.write('\x07'); // Ctrl+G
    await app.waitFor('› fix this -- edited');
    const during = execFileSync('cat', [join(home.dir, 'stty.txt')], { encoding: 'utf8' });
    expect(during).toMatch(/(^|\s)icanon(\s|$)/); // cooked mode for the editor
    const after = execFileSync('stty', ['-a', '-F', app.tty], { encoding: 'utf8' });
    expect(after).toMatch(/-icanon/); // raw again for the app
    app.write(' now'); // typing goes on in the prompt
    await app.waitFor('› fix this -- edited now');
    app.write(keys.enter);
    await waitUntil(() => chats().length === 1, 15_000, 'the request');
    expect(chats()[0].messages.at(-1)).toEqual({ role: 'user', content: 'fix this -- edited now' });
  });

  it('a 121-line paste shows as [pasted 121 lines] and is sent whole; Ctrl+X shows it', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor(/key ✓ +ready/);
    app.write('see ');
    await app.waitFor('› see');
    app.write(lines(121));
    await app.waitFor('› see [pasted 121 lines]');
    app.write(keys.enter);
    await waitUntil(() => chats().length === 1, 15_000, 'the request');
    expect(chats()[0].messages.at(-1)).toEqual({ role: 'user', content: `see ${lines(121)}` });
    await waitUntil(() => /\bready · /.test(app!.screen()), 15_000, 'the reply');
    app.write(lines(12));
    await app.waitFor('› [pasted 12 lines]');
    app.write('\x18'); // Ctrl+X
    // The prompt (the rows above the status bar) now holds the lines themselves, the caret after the last.
    await waitUntil(() => !app!.screen().includes('[pasted 12 lines]') && app!.screen().trimEnd().split('\n').slice(-4).some((l) => l.trim() === 'row 12'), 10_000, 'the paste in full');
  });

  it('Esc clears the draft at once and Ctrl+Z brings it back; Ctrl+U clears a multi-line draft, Up brings it back', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir });
    await app.waitFor(/key ✓ +ready/);
    app.write('half a thought');
    await app.waitFor('› half a thought');
    app.write(keys.esc);
    await waitUntil(() => promptRow(app!).includes('Send a message'), 10_000, 'the empty prompt');
    app.write('\x1a'); // Ctrl+Z
    await app.waitFor('› half a thought');
    app.write(keys.ctrlJ);
    app.write('second line');
    await app.waitFor('second line');
    app.write(keys.ctrlU);
    await waitUntil(() => promptRow(app!).includes('Send a message') && !app!.screen().includes('second line'), 10_000, 'the cleared draft');
    app.write(keys.up);
    await app.waitFor('› half a thought');
    await app.waitFor('second line');
    expect(chats()).toHaveLength(0);
  });
});
