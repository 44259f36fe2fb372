// Closed by a signal (a terminal's window closing, `kill`): the chat leaves the cursor below its last
// frame, shown, so the shell's next line does not land on the prompt's row.
import { describe, expect, it } from 'vitest';
import { caretOnEmptyPrompt, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { waitUntil } from '../helpers/home.js';

const f = eachPtyApp();
let app: PtyApp | undefined;

describe('the chat closed by a signal', () => {
  it('SIGTERM with the caret on the prompt: the cursor ends below the status bar, shown', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 20 });
    const a = app;
    await a.waitFor(/key ✓ +ready/);
    await waitUntil(() => caretOnEmptyPrompt(a), 10_000, 'the caret on the prompt');
    const statusRow = a.screen().split('\n').findIndex((l) => /key ✓ +ready/.test(l));
    process.kill(a.pid, 'SIGTERM');
    await a.exit;
    expect(a.cursor().y).toBeGreaterThan(statusRow);
    expect(a.cursor().x).toBe(0);
    expect(a.output().endsWith('\x1b[?25h')).toBe(true);
  });
});
