// The terminal stays the user's (issue 18): the built app in a real pty, read through a real terminal
// emulator with scrollback (@xterm/headless), with 40 lines of a shell's output on it before launch.
// Through a whole session — chat, the settings (Test connection, Esc), the model picker, /doctor,
// resizes both ways, /clear — nothing erases the screen or the scrollback, the shell's lines are
// all still in the history at the end, and nothing the app printed is there twice.
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/home.js';
import { caretOnEmptyPrompt, typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { spawnSync } from 'node:child_process';
import { keys } from '../helpers/keys.js';
import { BIN } from '../helpers/cli.js';
import { messagesFor } from '../../src/i18n/index.js';

const f = eachPtyApp({ before: ({ server }) => server.setReply('claude-3-5-sonnet', 'the proxy answers') });
let app: PtyApp | undefined;

const SHELL = Array.from({ length: 40 }, (_, i) => `shell line ${i + 1}: earlier output that belongs to the user`);
const count = (text: string, needle: string | RegExp): number => text.split(needle).length - 1;

/** Every erase of the whole screen or of the scrollback in the app's output. */
const fullClears = (out: string): number => count(out, '\x1b[2J') + count(out, '\x1b[3J') + count(out, '\x1bc');

/** The shell's 40 lines, in order and once each, in the terminal's history. */
function expectShellKept(all: string): void {
  const lines = all.split('\n');
  const at = SHELL.map((l) => lines.indexOf(l));
  expect(at.every((i) => i >= 0), `every shell line kept:\n${all}`).toBe(true);
  expect(at).toEqual([...at].sort((x, y) => x - y));
  for (const l of SHELL) expect(count(all, l)).toBe(1);
}

describe('the terminal stays the user’s', () => {
  it('a whole session erases nothing it did not write, and draws nothing twice', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 80, rows: 24, before: SHELL.join('\r\n') + '\r\n' });
    const a = app;
    await a.waitFor('ready');
    await typeLine(a, 'first question');
    await a.waitFor(/› first question[\s\S]*the proxy answers[\s\S]*ready ·/);

    // The settings, with Test connection (taller than the terminal without scrolling), then Esc.
    a.write('\x13');
    await a.waitFor('Esc close');
    a.write('\x14');
    // The results, the title still on screen and the keys below: the whole frame (the keys are drawn
    // after the results, so a wait on the results alone could read the screen before them).
    await a.waitFor([/checks passed|problems? found/, 'Settings', 'Esc close'], 15_000);
    a.write(keys.esc);
    await a.waitFor('Send a message');

    // The model picker, then Esc.
    a.write('\x10');
    await a.waitFor('Switch model');
    a.write(keys.esc);
    await waitUntil(() => !a.screen().includes('Switch model'), 5000, 'the picker to close');

    // /doctor: its checklist scrolls within the screen; the result goes to the transcript.
    await typeLine(a, '/doctor');
    await a.waitFor(/\d+ of 6 checks passed|All 6 checks passed|checks passed/, 15_000);
    await a.waitFor('› Send a message');

    // Narrower, then wider: only the live region is drawn again. Each resize once the app is at rest
    // (the frame's last bytes, the caret put back on the prompt, parsed).
    await waitUntil(() => caretOnEmptyPrompt(a), 10_000, 'the caret on the prompt');
    a.resize(60, 24);
    await a.waitFor(/ready ·/);
    await typeLine(a, 'second question');
    await a.waitFor(/› second question[\s\S]*the proxy answers[\s\S]*ready ·/);
    await waitUntil(() => caretOnEmptyPrompt(a), 10_000, 'the caret on the prompt');
    a.resize(100, 24);
    await waitUntil(() => a.screen().split('\n').some((l) => /ready ·/.test(l) && l.length > 80), 5000, 'the status bar at 100 columns');

    // /clear: the next conversation starts below; the old one stays in the history.
    await typeLine(a, '/clear');
    await a.waitFor('› Send a message'); // (text typed with the Enter in one read would be a paste)
    await typeLine(a, 'third question');
    await a.waitFor(/› third question[\s\S]*the proxy answers[\s\S]*ready ·/);
    expect(f.server.requests.at(-1)?.body.messages).toEqual([{ role: 'user', content: 'third question' }]);

    a.write(keys.ctrlC);
    await a.waitFor(/Ctrl\+C again/);
    a.write(keys.ctrlC);
    expect(await a.exit).toBe(0);

    const out = a.output();
    expect(fullClears(out)).toBe(0);
    const all = a.all();
    expectShellKept(all);
    // The app's own lines once each: the transcript was never printed again.
    expect(count(all, /openwork-tui \d+\.\d+\.\d+ ·/g)).toBe(1);
    for (const q of ['› first question', '› second question', '› third question']) expect(count(all, q)).toBe(1);
    expect(count(all, 'the proxy answers')).toBe(3);
    // No copy of a screen or of the status bar was left behind.
    expect(all).not.toContain('Switch model');
    expect(all).not.toContain('Esc close');
    expect(count(all, /LiteLLM 127\.0\.0\.1:\d+ ·/g)).toBe(0);
  });
});

/** tmux, when this machine has it: the terminal the issue was seen in. */
const TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

describe('a tall screen closed, then a narrower terminal', () => {
  it('the live region is erased row by row, never with an erase-down from the top-left corner', async () => {
    // An erase-down (ESC[J) that starts at the screen's top-left corner is "clear the screen" to
    // tmux, which first copies the screen into its history (scroll-on-clear): the old prompt and
    // status bar stayed above the new ones. After a tall screen closes, the live region can start
    // at the top of the screen, so the app never erases with ESC[J.
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 30, before: SHELL.join('\r\n') + '\r\n' });
    const a = app;
    await a.waitFor('ready');
    a.write('\x13');
    await a.waitFor('Esc close');
    a.write(keys.esc);
    await a.waitFor('Send a message');
    await waitUntil(() => caretOnEmptyPrompt(a), 10_000, 'the caret on the prompt');
    const before = a.output().length;
    a.resize(70, 30);
    await waitUntil(() => a.output().length > before && /ready/.test(a.output().slice(before)), 10_000, 'the redraw at 70 columns');
    await a.waitFor(/ready/);
    expect(a.output().slice(before)).not.toMatch(/\x1b\[0?J/);
    expect(count(a.output(), /\x1b\[0?J/g)).toBe(0);
    expect(count(a.all(), /LiteLLM 127\.0\.0\.1:\d+ ·/g)).toBe(1);
  });

  it.skipIf(!TMUX)('in tmux: Ctrl+S, Esc, then a narrower window leaves one status bar, in the history too', async () => {
    const socket = `openwork-test-${process.pid}`;
    const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
    const env = [`OPENWORK_HOME=${f.home.dir}`, `HOME=${f.home.dir}`, 'LANG=en_US.UTF-8'].join(' ');
    const shell = SHELL.map((l) => `echo '${l}'`).join('; ');
    try {
      expect(tmux('new-session', '-d', '-s', 't', '-x', '100', '-y', '30', `${shell}; ${env} '${process.execPath}' '${BIN}' --model claude-3-5-sonnet; sleep 60`).status).toBe(0);
      const pane = () => tmux('capture-pane', '-p', '-S', '-200', '-t', 't').stdout;
      await waitUntil(() => /ready/.test(pane()), 20_000, 'the chat in tmux');
      tmux('send-keys', '-t', 't', 'C-s');
      await waitUntil(() => pane().includes('Esc close'), 10_000, 'the settings');
      tmux('send-keys', '-t', 't', 'Escape');
      await waitUntil(() => !pane().includes('Esc close') && pane().includes('Send a message'), 10_000, 'the chat again');
      tmux('resize-window', '-t', 't', '-x', '70', '-y', '30');
      await waitUntil(() => pane().split('\n').some((l) => /ready$/.test(l) && l.length <= 70 && l.length > 60), 10_000, 'the status bar at 70 columns');
      const all = pane();
      expect(count(all, /LiteLLM 127\.0\.0\.1:\d+ ·/g), all).toBe(1);
      expect(count(all, '› Send a message'), all).toBe(1);
      for (const l of SHELL) expect(count(all, l)).toBe(1);
    } finally {
      tmux('kill-server');
    }
  });
});

describe('a terminal that does not reflow on a resize', () => {
  // xterm.js's windowsMode cuts lines on a narrowing instead of rewrapping them, as XTerm itself,
  // conhost and others do: each line of the live region keeps one row, so the resize redraw must
  // erase one row per line there, not the rows a rewrapping terminal would show.
  async function resizeSession(env: NodeJS.ProcessEnv): Promise<string> {
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 30, reflow: false, env, before: SHELL.join('\r\n') + '\r\n' });
    const a = app;
    await a.waitFor('ready');
    await typeLine(a, 'first question');
    await a.waitFor(/the proxy answers[\s\S]*ready ·/);
    // Widths only: with the rows changed at the same time (60×24) the XTerm case lost the reply's
    // rows in 2 of 4 runs (xterm.js cutting rows as well as lines, or output in flight during the
    // resize): not yet understood, so not claimed here.
    for (const [cols, rows] of [[70, 30], [50, 30], [100, 30], [60, 30]] as const) {
      await waitUntil(() => caretOnEmptyPrompt(a), 10_000, 'the caret on the prompt');
      const before = a.output().length;
      a.resize(cols, rows);
      await waitUntil(() => a.output().length > before && /ready/.test(a.output().slice(before)), 10_000, `the redraw at ${cols} columns`);
      await a.waitFor(/ready/);
    }
    return a.all();
  }
  function expectKept(all: string): void {
    for (const l of SHELL) expect(all, 'a shell line kept whole').toContain(l.slice(0, 50));
    expect(count(all, 'shell line 40: ')).toBe(1);
    expect(count(all, '› first question'), all).toBe(1);
    expect(count(all, 'the proxy answers')).toBe(1);
    expect(count(all, /LiteLLM 127\.0\.0\.1:\d+ ·/g), all).toBe(1);
  }

  it('XTerm (XTERM_VERSION set, as XTerm sets it): narrower and wider again keep the shell lines and the transcript, nothing drawn twice', async () => {
    expectKept(await resizeSession({ XTERM_VERSION: 'XTerm(390)' }));
  });

  // KNOWN LIMITATION (issue 18): a terminal that cuts lines but is not recognised (GNU screen,
  // conhost, xterm.js in windowsMode; only XTerm's XTERM_VERSION is known) is taken for one that
  // rewraps, so the redraw erases one transcript row above the live region per live line wider than
  // the new width ("› first question" is gone). There is no query for it: marked failing, drop
  // `.fails` once the app can tell.
  it.fails('unrecognised: narrower and wider again keep the shell lines and the transcript', async () => {
    expectKept(await resizeSession({}));
  });
});

describe('every screen fits the terminal', () => {
  for (const [cols, rows] of [
    [80, 24],
    [80, 20],
  ] as const) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`settings (with Test connection results) and the model picker at ${cols}×${rows}, ${lang}: title, keys and status bar in view`, async () => {
        app = f.start(['--model', 'claude-3-5-sonnet', '--lang', lang], { cols, rows });
        const a = app;
        const esc = lang === 'en' ? 'Esc close' : 'Esc 关闭';
        const title = lang === 'en' ? /^Settings /m : /^设置 /m;
        await a.waitFor(/● LiteLLM 127\.0\.0\.1:\d+/);
        await a.waitFor(lang === 'en' ? 'ready' : '就绪');
        a.write('\x13');
        await a.waitFor(esc);
        a.write('\x14');
        // The results, the title above them, the keys and the status bar below: one whole frame.
        let s = await a.waitFor([lang === 'en' ? /checks passed|problems? found/ : /项检查通过|个问题/, title, esc, /● LiteLLM 127\.0\.0\.1:\d+/], 15_000);
        expect(s, s).toMatch(title);
        expect(s, s).toContain(esc);
        expect(s, s).toMatch(/● LiteLLM 127\.0\.0\.1:\d+/);
        a.write(keys.esc);
        await a.waitFor(`› ${messagesFor(lang).chat.placeholder}`);
        a.write('\x10');
        // The picker's title, its keys and the status bar below: one whole frame.
        s = await a.waitFor([lang === 'en' ? 'Switch model' : '切换模型', esc, /● LiteLLM 127\.0\.0\.1:\d+/]);
        expect(s, s).toContain(esc);
        expect(s, s).toMatch(/● LiteLLM 127\.0\.0\.1:\d+/);
        a.write(keys.esc);
        expect(fullClears(a.output())).toBe(0);
      });
    }
  }
});
