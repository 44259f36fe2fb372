// The App on a virtual terminal: what a real TTY would show (Static printed once, live region
// redrawn in place), the caret from useCursor, clearing, resizing and exiting.
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../helpers/keys.js';
import { fakeRuntime, reply } from '../helpers/fakeRuntime.js';
import { renderAppInTerminal, waitFor, type TerminalHarness } from './harness.js';

let open: TerminalHarness | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

async function start(...args: Parameters<typeof renderAppInTerminal>): Promise<TerminalHarness> {
  open = await renderAppInTerminal(...args);
  return open;
}

const exited = (h: TerminalHarness): Promise<boolean> => waitFor(() => h.hasExited(), 'the app to exit');

const count = (haystack: string, needle: string): number => haystack.split(needle).length - 1;

describe('in a terminal', () => {
  it('Ctrl+C twice exits', async () => {
    const h = await start();
    await h.press(keys.ctrlC);
    await h.see('Press Ctrl+C again to exit');
    expect(h.hasExited()).toBe(false);
    await h.press(keys.ctrlC);
    await exited(h);
    // The transcript stays in the terminal; the prompt and the status bar do not.
    expect(h.term.screen()).toContain('openwork-tui 9.9.9-test');
    expect(h.term.screen()).not.toContain('Send a message');
    expect(h.term.screen()).not.toContain('LiteLLM');
    expect(h.term.cursor().visible).toBe(true);
  });

  it('Ctrl+C during a reply stops it; two more exit', async () => {
    const runtime = fakeRuntime();
    runtime.script([{ type: 'text', text: 'long reply' }, { type: 'hold' }]);
    const h = await start({}, {}, runtime);
    await h.press('hi', keys.enter);
    await h.see('long reply');
    await h.press(keys.ctrlC);
    await h.see('interrupted');
    await h.press(keys.ctrlC, keys.ctrlC);
    await exited(h);
  });

  it('Ctrl+D on an empty prompt exits, and /quit too', async () => {
    const a = await start();
    await a.press(keys.ctrlD);
    await exited(a);
    const b = await start();
    await b.press('/quit', keys.enter);
    await exited(b);
  });

  it('Ctrl+D with text deletes at the caret instead', async () => {
    const h = await start();
    await h.press('abc', keys.home, keys.ctrlD);
    await waitFor(() => h.term.viewport().includes('› bc'));
  });

  it('/clear starts a new conversation below, the old one left in the terminal', async () => {
    const runtime = fakeRuntime();
    runtime.script(reply('first answer'), reply('second answer'));
    const h = await start({}, {}, runtime);
    await h.press('question one', keys.enter);
    await h.see('first answer');
    await h.press('/clear', keys.enter);
    await h.press('question two', keys.enter);
    await h.see('second answer');
    expect(runtime.requests[1]?.messages).toEqual([{ role: 'user', content: 'question two' }]);
    // Nothing was erased: the old conversation is still above the new one, once.
    const screen = h.term.screen();
    expect(count(screen, 'first answer')).toBe(1);
    expect(screen.indexOf('first answer')).toBeLessThan(screen.indexOf('question two'));
    expect(h.term.log.join('')).not.toMatch(/\x1b\[[23]J/);
  });

  it('puts the caret right after the text, CJK and emoji counted as two cells', async () => {
    const h = await start();
    await h.press('ab你好😀');
    await waitFor(() => {
      const c = h.term.cursor();
      return c.visible && h.term.rowText(c.row) === '› ab你好😀' && c.col === 2 + 2 + 4 + 2;
    }, () => `caret after the text: ${JSON.stringify(h.term.cursor())} on "${h.term.rowText(h.term.cursor().row)}"`);
    await h.press(keys.left, keys.left);
    await waitFor(() => h.term.cursor().col === 2 + 2 + 2, 'caret between 你 and 好');
  });

  it('keeps the caret on the prompt while a reply streams above it', async () => {
    const runtime = fakeRuntime();
    runtime.script([{ type: 'text', text: 'line one\nline two\nline three' }, { type: 'hold' }]);
    const h = await start({}, {}, runtime);
    await h.press('hi', keys.enter);
    await h.see('line three');
    await h.press('next');
    await waitFor(() => h.term.rowText(h.term.cursor().row) === '› next' && h.term.cursor().col === 6, () => `caret on the prompt: ${JSON.stringify(h.term.cursor())}`);
    runtime.release();
  });

  it('never lets the live region grow taller than the terminal', async () => {
    const runtime = fakeRuntime();
    const code = Array.from({ length: 60 }, (_, i) => `line ${i}`).join('\n');
    runtime.script([{ type: 'text', text: `\`\`\`\n${code}\n` }, { type: 'hold' }, { type: 'text', text: '```\n' }, { type: 'done', stopReason: 'end' }]);
    const h = await start({}, { columns: 60, rows: 16 }, runtime);
    await h.press('hi', keys.enter);
    await h.see('line 59');
    await h.see('more lines above');
    // Ink clears the whole screen when its output is taller than the terminal: that must not happen.
    expect(h.term.log.join('')).not.toContain('\x1b[2J');
    expect(h.term.viewport()).not.toContain('line 30');
    runtime.release();
    await h.see('ready');
    // The full reply reaches the transcript once it ends.
    expect(h.term.screen()).toContain('line 0');
    expect(count(h.term.screen(), 'line 59')).toBe(1);
  });

  it('commits finished paragraphs of a long reply while it streams', async () => {
    const runtime = fakeRuntime();
    const paras = Array.from({ length: 30 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    runtime.script([{ type: 'text', text: `${paras}\n\n` }, { type: 'hold' }, { type: 'text', text: 'The end.' }, { type: 'done', stopReason: 'end' }]);
    const h = await start({}, { columns: 60, rows: 16 }, runtime);
    await h.press('hi', keys.enter);
    await h.see('Paragraph 29.');
    expect(h.term.screen()).toContain('Paragraph 0.');
    expect(h.term.log.join('')).not.toContain('\x1b[2J');
    runtime.release();
    await h.see('The end.');
    expect(count(h.term.screen(), 'Paragraph 0.')).toBe(1);
  });

  it('after the width changes, redraws the live region and never prints the transcript again', async () => {
    const runtime = fakeRuntime();
    runtime.script(reply('An answer that is long enough to wrap at forty columns, surely.'));
    const h = await start({}, { columns: 80, rows: 24 }, runtime);
    await h.press('question', keys.enter);
    await h.see('surely.');
    h.term.resize(40, 24);
    await waitFor(() => h.term.viewport().split('\n').some((l) => l.startsWith('● ') && l.length <= 40 && l.includes('ready')), () => `the status bar at 40 columns:\n${h.term.viewport()}`);
    expect(count(h.term.screen(), '› question')).toBe(1);
    expect(count(h.term.screen(), 'surely.')).toBe(1);
    expect(h.term.log.join('')).not.toMatch(/\x1b\[[23]J/);
  });
});

describe('keys batched in one read', () => {
  it('handles Ctrl+U and Ctrl+C arriving together', async () => {
    const h = await start();
    await h.press('some text');
    await h.see('› some text');
    await h.press('\x15\x03');
    await h.see('Press Ctrl+C again to exit');
    await waitFor(() => !h.term.viewport().includes('some text'));
    await h.press('\x03\x03');
    await waitFor(() => h.hasExited(), 'the app to exit');
  });
});
