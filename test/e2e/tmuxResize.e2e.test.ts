// Resizes in tmux after a tall screen closed (issue 18): tmux reflows from the bottom of the screen
// (the screen is always the last rows of the grid) and keeps the saved cursor's row, so when a
// narrower window makes the live region's lines wrap, the rows it gains push the rows at the top of
// the screen into the history, where no cursor movement can reach them to erase them. After Ctrl+S
// and Esc the live region sat on the screen's top row with blank rows below it: the first row of the
// old prompt was pushed into the history and stayed there ("› Send a message …" twice).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { waitUntil } from '../helpers/home.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { BIN } from '../helpers/cli.js';

const TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
const f = eachPtyApp();
const SHELL = Array.from({ length: 40 }, (_, i) => `shell line ${i + 1}: earlier output that belongs to the user`);
const count = (text: string, needle: string | RegExp): number => text.split(needle).length - 1;

/** tmux on a private socket, with no user configuration. */
function tmuxOn(socket: string) {
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  return {
    tmux,
    /** The history and the screen, wrapped rows joined (-J), as the user scrolls back through them. */
    all: () => tmux('capture-pane', '-p', '-J', '-S', '-500', '-t', 't').stdout,
    screen: () => tmux('capture-pane', '-p', '-t', 't').stdout,
  };
}

/** The status bar drawn for `cols` columns (it ends with the state at the right edge). */
const statusAt = (screen: string, cols: number): boolean =>
  screen.split('\n').some((l) => /^● LiteLLM .*ready( · ~\d+ tok)?$/.test(l) && l.length <= cols && l.length > cols - 8);

describe.skipIf(!TMUX)('in tmux, after a tall screen closed', () => {
  for (const [rows, widths] of [
    [20, [100, 50]],
    [20, [100, 50, 80, 40]],
    [30, [100, 50]],
  ] as const) {
    it(`70×${rows}, Ctrl+S, Esc, then ${widths.join(' → ')} columns: no old prompt or status bar is left, in the history either`, async () => {
      const t = tmuxOn(`openwork-resize-${process.pid}-${rows}-${widths.length}`);
      const env = [`OPENWORK_HOME=${f.home.dir}`, `HOME=${f.home.dir}`, 'LANG=en_US.UTF-8'].join(' ');
      const shell = SHELL.map((l) => `echo '${l}'`).join('; ');
      try {
        const cmd = `${shell}; ${env} '${process.execPath}' '${BIN}' --model claude-3-5-sonnet; sleep 60`;
        expect(t.tmux('new-session', '-d', '-s', 't', '-x', '70', '-y', String(rows), cmd).status).toBe(0);
        await waitUntil(() => statusAt(t.screen(), 70), 20_000, 'the chat in tmux');
        t.tmux('send-keys', '-t', 't', 'C-s');
        await waitUntil(() => t.screen().includes('Esc close'), 10_000, 'the settings');
        t.tmux('send-keys', '-t', 't', 'Escape');
        await waitUntil(() => !t.screen().includes('Esc close') && t.screen().includes('› Send a message'), 10_000, 'the chat again');
        for (const cols of widths) {
          t.tmux('resize-window', '-t', 't', '-x', String(cols), '-y', String(rows));
          await waitUntil(() => statusAt(t.screen(), cols), 10_000, `the status bar at ${cols} columns`);
        }
        const all = t.all();
        expect(count(all, '› Send a message'), all).toBe(1);
        expect(count(all, /● LiteLLM 127\.0\.0\.1:\d+ ·/g), all).toBe(1);
        expect(count(all, /openwork-tui \d+\.\d+\.\d+ ·/g), all).toBe(1);
        for (const l of SHELL) expect(count(all, l), all).toBe(1);
        expect(all).not.toContain('Esc close');
      } finally {
        t.tmux('kill-server');
      }
    });
  }
});

describe.skipIf(!TMUX)('in tmux, the columns and the rows changed at once', () => {
  // A change of rows makes tmux delete the lines below the cursor (the caret, on the prompt) and it
  // does not move the saved cursor with the text: the redraw went by the saved cursor and erased
  // transcript rows above the live region (a reply's line gone at 45×28 → 90×20, seen in a trial).
  it('after three replies, 90×28 → 45×28 → 90×20 → 60×32 → 70×24 → 40×18 → 100×30: every reply, prompt and the status bar once', async () => {
    const t = tmuxOn(`openwork-resize-${process.pid}-both`);
    f.server.setReply('claude-3-5-sonnet', 'the proxy answers');
    const env = [`OPENWORK_HOME=${f.home.dir}`, `HOME=${f.home.dir}`, 'LANG=en_US.UTF-8'].join(' ');
    const shell = SHELL.map((l) => `echo '${l}'`).join('; ');
    try {
      const cmd = `${shell}; ${env} '${process.execPath}' '${BIN}' --model claude-3-5-sonnet; sleep 60`;
      expect(t.tmux('new-session', '-d', '-s', 't', '-x', '90', '-y', '28', cmd).status).toBe(0);
      await waitUntil(() => statusAt(t.screen(), 90), 20_000, 'the chat in tmux');
      for (const q of ['first question', 'second question', 'third question']) {
        t.tmux('send-keys', '-t', 't', '-l', q);
        await waitUntil(() => t.screen().includes(`› ${q}`), 10_000, `${q} typed`);
        t.tmux('send-keys', '-t', 't', 'Enter');
        await waitUntil(() => count(t.all(), 'the proxy answers') === ['first question', 'second question', 'third question'].indexOf(q) + 1 && t.screen().includes('› Send a message'), 15_000, `the answer to ${q}`);
      }
      for (const [cols, rows] of [[45, 28], [90, 20], [60, 32], [70, 24], [40, 18], [100, 30]] as const) {
        t.tmux('resize-window', '-t', 't', '-x', String(cols), '-y', String(rows));
        await waitUntil(() => statusAt(t.screen(), cols), 10_000, `the status bar at ${cols}×${rows}`);
      }
      const all = t.all();
      for (const q of ['› first question', '› second question', '› third question']) expect(count(all, q), all).toBe(1);
      expect(count(all, 'the proxy answers'), all).toBe(3);
      expect(count(all, '› Send a message'), all).toBe(1);
      expect(count(all, /● LiteLLM 127\.0\.0\.1:\d+ ·/g), all).toBe(1);
      for (const l of SHELL) expect(count(all, l), all).toBe(1);
    } finally {
      t.tmux('kill-server');
    }
  });
});
