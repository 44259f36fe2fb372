// Keys typed while the chat starts, in a real pseudo-terminal. Until a program puts the terminal in
// raw mode, the tty driver takes Ctrl+S as XOFF (it stops the program's output; a large write then
// blocks for good) and Ctrl+Q as XON: the app sets raw mode, IXON off, before its first frame.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { keys } from '../helpers/keys.js';

const f = eachPtyApp();
let app: PtyApp | undefined;

/** The terminal's input flags as `stty` reports them, read from the app's own terminal. */
function ttyFlags(tty: string): { ixon: boolean; icanon: boolean } {
  const out = execFileSync('stty', ['-F', tty, '-a'], { encoding: 'utf8' });
  return { ixon: /(^|\s)ixon\b/.test(out), icanon: /(^|\s)icanon\b/.test(out) };
}

describe('keys typed while the chat starts', () => {
  it('the terminal is raw (IXON off) before the first frame: Ctrl+S and Ctrl+Q at the first byte reach the app', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet']);
    const tty = app.tty;
    await app.firstOutput;
    // Typed the instant the first frame starts to draw: with the tty still cooked, Ctrl+S would be
    // XOFF (the settings never open) and Ctrl+Q XON.
    app.write(keys.ctrlS);
    app.write(keys.ctrlQ);
    expect(ttyFlags(tty)).toEqual({ ixon: false, icanon: false });
    await app.waitFor(/Settings +\S*\.env/);
    app.write(keys.esc);
    await app.waitFor('Send a message');
    await app.waitFor(/key ✓ +ready/);
    await typeLine(app, 'hi');
    await app.waitFor('Hello from the proxy');
    app.write(keys.ctrlC);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });

  it('Ctrl+S and Ctrl+Q sent the instant the process starts never freeze it', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet']);
    // Before Node runs any code the tty driver takes these (XOFF, XON); whoever takes them, the app
    // draws, answers and exits.
    app.write(keys.ctrlS);
    app.write(keys.ctrlQ);
    await app.waitFor(/key ✓ +ready/);
    if (/Settings +\S*\.env/.test(app.screen())) app.write(keys.esc); // the app had it (already raw)
    await app.waitFor('Send a message');
    await typeLine(app, 'hi');
    await app.waitFor('Hello from the proxy');
    app.write(keys.ctrlC);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });

  it('Ctrl+S alone the instant the process starts: the output is not left stopped', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet']);
    app.write(keys.ctrlS);
    await app.waitFor(/key ✓ +ready/);
    if (/Settings +\S*\.env/.test(app.screen())) app.write(keys.esc); // the app had it (already raw)
    await app.waitFor('Send a message');
    // A reply larger than the tty's output buffer: on a stopped tty its write would block for good.
    f.server.options.chunkSize = 2000;
    f.server.setReply('claude-3-5-sonnet', `${'word '.repeat(4000)}THE END`);
    await typeLine(app, 'long');
    await app.waitFor('THE END');
    app.write(keys.ctrlC);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });
});
