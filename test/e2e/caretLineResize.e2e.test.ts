// xterm.js (VS Code's terminal, and the emulator these tests read the screen with) rewraps every line
// on a narrower terminal but the cursor's own (reflowCursorLine is off by default): it cuts that one.
// The cursor sits on the prompt's caret, so the prompt line keeps one row there, and counting it as
// rewrapped erased a transcript row above the live region (a reply's line) once the terminal was
// narrower than the prompt line (56 columns for the placeholder).
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/home.js';
import { typeLine } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';

const f = eachPtyApp({ before: ({ server }) => server.setReply('claude-3-5-sonnet', 'the proxy answers') });
const SHELL = Array.from({ length: 40 }, (_, i) => `shell line ${i + 1}: earlier output`);
const count = (text: string, needle: string | RegExp): number => text.split(needle).length - 1;

async function session(env: NodeJS.ProcessEnv): Promise<string> {
  const a = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 30, env, before: SHELL.join('\r\n') + '\r\n' });
  await a.waitFor('ready');
  // The caret after '› ' on an empty prompt: where each frame leaves the cursor, last.
  const caretOnPrompt = () => a.cursor().x === 2 && (a.screen().split('\n')[a.cursor().y] ?? '').startsWith('› ');
  for (const q of ['first question', 'second question', 'third question']) {
    await typeLine(a, q);
    await a.waitFor(new RegExp(`› ${q}[\\s\\S]*the proxy answers[\\s\\S]*ready ·`));
  }
  for (const cols of [50, 100, 40, 80]) {
    // The user resizes an app at rest: the frame's last bytes (the caret put back on the prompt) are
    // on the emulator's screen first; resizing while they were still being parsed reflowed the
    // bottom line as the cursor's, not the caret's line (a reply's row lost, 2 runs in 6 under load).
    await waitUntil(caretOnPrompt, 10_000, 'the caret on the prompt');
    const before = a.output().length;
    a.resize(cols, 30);
    await waitUntil(() => a.output().length > before, 10_000, `the redraw at ${cols} columns`);
    // The status bar as drawn for this width (cut to it, or its right edge there).
    await waitUntil(() => a.screen().split('\n').some((l) => l.startsWith('● LiteLLM') && l.length <= cols && l.length > cols - 12), 10_000, `the status bar at ${cols} columns`);
  }
  return a.all();
}

function expectKept(all: string): void {
  for (const q of ['› first question', '› second question', '› third question']) expect(count(all, q), all).toBe(1);
  expect(count(all, 'the proxy answers'), all).toBe(3);
  expect(count(all, /^● LiteLLM 127\.0\.0\.1/gm), all).toBe(1);
  expect(count(all, '› Send a message'), all).toBe(1);
}

describe('narrower than the prompt line, in xterm.js', () => {
  it('VS Code (TERM_PROGRAM=vscode): 100 → 50 → 100 → 40 → 80 columns keep every reply and draw nothing twice', async () => {
    expectKept(await session({ TERM_PROGRAM: 'vscode' }));
  });

  // KNOWN LIMITATION: an xterm.js terminal that is not VS Code (TERM_PROGRAM unset here) is taken for
  // one that rewraps the cursor's line too, so a reply's line is erased. Marked failing; drop
  // `.fails` once such terminals can be told apart.
  it.fails('unrecognised xterm.js: the same resizes keep every reply', async () => {
    expectKept(await session({}));
  });
});
