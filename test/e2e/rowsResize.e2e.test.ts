// A change of the terminal's rows only (a panel made shorter or taller, as in VS Code's terminal,
// xterm.js): xterm.js drops the lines below the cursor when the rows shrink, and the cursor sits on
// the prompt's caret, so the status bar below it went; the app drew nothing (its frame unchanged)
// and the next frame erased from a saved position that no longer existed. The live region is now
// redrawn from the cursor on every change of the rows.
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/home.js';
import { caretOnEmptyPrompt, typeLine } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';

const f = eachPtyApp({ before: ({ server }) => server.setReply('claude-3-5-sonnet', 'the proxy answers') });
const SHELL = Array.from({ length: 40 }, (_, i) => `shell line ${i + 1}: earlier output`);
const count = (text: string, needle: string | RegExp): number => text.split(needle).length - 1;

describe('a change of the rows only', () => {
  for (const reflow of [true, false]) {
    it(`shorter, shorter, taller, shorter (${reflow ? 'a terminal that rewraps' : 'one that cuts lines'}): the status bar is drawn again, the transcript kept, nothing twice`, async () => {
      const a = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 30, reflow, before: SHELL.join('\r\n') + '\r\n' });
      await a.waitFor('ready');
      await typeLine(a, 'first question');
      await a.waitFor(/the proxy answers[\s\S]*ready ·/);
      for (const rows of [24, 18, 30, 20]) {
        // At rest first: xterm.js drops the rows below the cursor, so a resize while the frame's last
        // bytes (the caret put back on the prompt) are still unparsed drops other rows.
        await waitUntil(() => caretOnEmptyPrompt(a), 10_000, 'the caret on the prompt');
        const before = a.output().length;
        a.resize(100, rows);
        await waitUntil(() => a.output().length > before && /ready/.test(a.output().slice(before)), 10_000, `the redraw at ${rows} rows`);
        await a.waitFor(/● LiteLLM [\s\S]*ready/);
      }
      const all = a.all();
      for (const l of SHELL) expect(count(all, l), all).toBe(1);
      expect(count(all, '› first question'), all).toBe(1);
      expect(count(all, 'the proxy answers'), all).toBe(1);
      expect(count(all, '› Send a message'), all).toBe(1);
      expect(count(all, /LiteLLM 127\.0\.0\.1:\d+ ·/g), all).toBe(1);
      expect(a.screen()).toMatch(/● LiteLLM [^\n]*ready/);
    });
  }
});

// The terminal resizes its screen before it parsed what the app wrote just before (VS Code's
// terminal, under load: the app's bytes are in flight to it). xterm.js and tmux drop the rows below
// the cursor, so a frame that first went down from the caret to the live region's bottom stopped at
// the screen's last row and erased from there up: the three rows above the region (the reply) went.
describe('a change of the rows while a frame is in flight', () => {
  const cases = [
    { what: 'a key that changes the prompt (a whole frame)', key: 'z', prompt: '› xyz', caret: 5 },
    { what: 'a key that moves the caret only', key: '\u001b[D', prompt: '› xy', caret: 3 },
  ];
  for (const c of cases) {
    it(`${c.what}, drawn by the app before the resize and parsed by the terminal after it: the transcript kept`, async () => {
      const a = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 30, before: SHELL.join('\r\n') + '\r\n' });
      await a.waitFor('ready');
      await typeLine(a, 'first question');
      await a.waitFor(/the proxy answers[\s\S]*ready ·/);
      a.write('xy');
      await a.waitFor(['› xy', /● LiteLLM [\s\S]*ready/]);
      await waitUntil(() => a.cursor().x === 4, 10_000, 'the caret after xy');
      a.hold();
      const sent = a.output().length;
      a.write(c.key);
      // The frame's end: the caret shown again (for the key typed, with the key in it).
      await waitUntil(() => /\u001b\[\?25h/.test(a.output().slice(sent)) && (c.key !== 'z' || a.output().slice(sent).includes('z')), 10_000, 'the frame for the key');
      const before = a.output().length;
      a.resize(100, 20);
      await a.release();
      await waitUntil(() => a.output().length > before && /ready/.test(a.output().slice(before)), 10_000, 'the redraw at 20 rows');
      await a.waitFor([c.prompt, /● LiteLLM [\s\S]*ready/]);
      await waitUntil(() => a.cursor().x === c.caret, 10_000, 'the caret back on the prompt');
      const all = a.all();
      for (const l of SHELL) expect(count(all, l), all).toBe(1);
      expect(count(all, '› first question'), all).toBe(1);
      expect(count(all, 'the proxy answers'), all).toBe(1);
      expect(count(all, /● claude-3-5-sonnet/g), all).toBe(1);
      expect(count(all, c.prompt), all).toBe(1);
      expect(count(all, /LiteLLM 127\.0\.0\.1:\d+ ·/g), all).toBe(1);
      const screen = a.screen().split('\n');
      expect(screen[a.cursor().y], a.screen()).toMatch(new RegExp(`^${c.prompt}`));
    });
  }
});
