// A sent prompt is echoed in the transcript wrapped exactly as the prompt box showed it: the space
// after "›" kept, no row wider than the box's, wide characters never split one column late.
import { afterEach, describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { keys } from '../helpers/keys.js';
import { fakeRuntime, reply } from '../helpers/fakeRuntime.js';
import { renderAppInTerminal, waitFor, type TerminalHarness } from './harness.js';

let open: TerminalHarness | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

/** The index of the last row starting with "› ". */
const lastPromptRow = (rows: string[]): number => rows.map((r) => r.startsWith('› ')).lastIndexOf(true);

/** The prompt's rows on screen: from the "› " row down to the status bar ("● …"). */
function promptRows(h: TerminalHarness): string[] {
  const rows = h.term.viewport().split('\n');
  const first = lastPromptRow(rows);
  const out = [rows[first] as string];
  for (let i = first + 1; i < rows.length && (rows[i] as string).startsWith('  '); i++) out.push(rows[i] as string);
  return out;
}

/** The echo in the transcript: the "› " row above the reply and its continuation rows. */
function echoRows(h: TerminalHarness, answer: string): string[] {
  const rows = h.term.screen().split('\n');
  const end = rows.findIndex((r) => r.includes(answer));
  const first = lastPromptRow(rows.slice(0, end));
  return rows.slice(first, end).filter((r) => r.trim() !== '' && !r.includes('claude-test-model'));
}

const CASES: [string, string][] = [
  ['200 × x', 'x'.repeat(200)],
  ['long Chinese', '这是一个很长的中文提示，用来检查换行是否正确。'.repeat(6)],
  ['spaced Chinese words', Array.from({ length: 40 }, (_, i) => `词语${i}`).join(' ')],
];

describe('the echo of a sent prompt', () => {
  for (const columns of [80, 60]) {
    for (const [name, text] of CASES) {
      it(`wraps ${name} as the prompt box did (${columns} columns)`, async () => {
        const runtime = fakeRuntime();
        runtime.script(reply('ANSWER'));
        const h = (open = await renderAppInTerminal({}, { columns, rows: 30 }, runtime));
        await h.press(text);
        await waitFor(() => promptRows(h).join('').replace(/^› /, '').replace(/\s+/g, '') === text.replace(/\s+/g, ''), () => `the whole prompt:\n${h.term.viewport()}`);
        const box = promptRows(h);
        expect(box.length).toBeGreaterThan(1);
        await h.press(keys.enter);
        await h.see('ANSWER');
        const echo = echoRows(h, 'ANSWER');
        expect(echo).toEqual(box);
        expect(echo[0]?.startsWith('› ')).toBe(true);
        for (const row of echo) expect(stringWidth(row)).toBeLessThanOrEqual(columns - 1);
        // Every row but the last is full to the box's width, less at most one wide character.
        for (const row of echo.slice(0, -1)) expect(stringWidth(row)).toBeGreaterThanOrEqual(columns - 2);
      });
    }
  }
});
