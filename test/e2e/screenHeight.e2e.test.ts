// A screen is drawn at the height it keeps from its first frame (issue 18): the settings screen's
// first frame used to take every row its FitBox allowed (the terminal's height less the status bar)
// and shrink to its content a frame later, which scrolled the transcript up by the difference and
// left the prompt on the screen's top row, blank rows below, once the screen closed.
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/home.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { keys } from '../helpers/keys.js';

const f = eachPtyApp();
const SHELL = Array.from({ length: 50 }, (_, i) => `shell line ${i + 1}`);

/**
 * The rows of each frame the app wrote, in order: Ink's log-update writes the erase of the old
 * frame (ending with ESC [ G), the frame, then saves the cursor below it (ESC 7).
 */
function frames(out: string): { text: string; rows: number }[] {
  return out
    .split('\x1b7')
    .slice(0, -1)
    .map((chunk) => chunk.slice(chunk.lastIndexOf('\x1b[G') + 3))
    .map((text) => ({ text, rows: text.split('\n').length - 1 }));
}

describe('a screen’s first frame', () => {
  it('the settings screen in a tall terminal: every frame showing it has the height of the last one', async () => {
    const a = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 45, before: SHELL.join('\r\n') + '\r\n' });
    await a.waitFor('ready');
    await a.waitFor('› Send a message');
    const from = a.output().length;
    a.write('\x13');
    await a.waitFor('Esc close');
    // Its height once measured (its content, about 20 rows, well under the terminal's 45).
    const shown = () => frames(a.output().slice(from)).filter((fr) => fr.text.includes('Esc close'));
    await waitUntil(() => shown().some((fr) => fr.rows < 35), 5000, 'the settings at their own height');
    const settled = shown().find((fr) => fr.rows < 35)!.rows;
    expect(shown()[0]!.rows, 'the first frame of the settings').toBe(settled);
    expect(shown().map((fr) => fr.rows)).toEqual(shown().map(() => settled));
    // And the prompt is not left on the screen's top row when it closes.
    a.write(keys.esc);
    await a.waitFor('› Send a message');
    expect(a.screen().split('\n')[0]).toMatch(/shell line|openwork-tui/);
  });
});
