// A network setting the chat cannot use (.env or the environment) is said in the status bar when the
// chat starts, as `-p`, `config list` and the doctor say it; the chat goes on with the default.
import { describe, expect, it } from 'vitest';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp, seedEnv } from '../helpers/ptyFixture.js';
import { keys } from '../helpers/keys.js';

const f = eachPtyApp({ env: (url) => `${seedEnv(url)}OPENWORK_CONNECT_TIMEOUT_MS=abc\n` });
let app: PtyApp | undefined;

describe('a network setting the chat cannot use', () => {
  it('is in the status bar at start, and the chat works with the default', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 140, rows: 24 });
    const screen = await app.waitFor('network setting OPENWORK_CONNECT_TIMEOUT_MS: not a whole number of milliseconds from 1 to 2147483647 ("abc"); using 10000');
    expect(screen).toMatch(/key ✓|key \?/);
    await typeLine(app, 'hi');
    await app.waitFor('Hello from the proxy');
    app.write(keys.ctrlC);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });
});
