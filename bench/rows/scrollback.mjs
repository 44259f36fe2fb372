// The terminal stays the user's (issue 18): a whole session — chat, the settings with Test
// connection, the model picker, resizes both ways, /clear — on a terminal that already shows 40 lines
// of a shell's output, read through a real terminal emulator with scrollback (@xterm/headless).
// Rows: erases of the whole screen or of the scrollback in the raw output (must be 0), the shell's
// lines still in the history at the end (all 40), and app lines found twice in the history (0).
import xterm from '@xterm/headless';
import { MODEL, tempHome } from '../lib/setup.mjs';
import { startApp } from '../lib/app.mjs';
import { sleep } from '../lib/stats.mjs';

const SHELL = Array.from({ length: 40 }, (_, i) => `shell line ${i + 1}: earlier output that belongs to the user`);
const count = (text, needle) => text.split(needle).length - 1;

export async function scrollbackRows({ startServer }) {
  const server = await startServer({});
  server.setReply(MODEL, 'the proxy answers');
  const home = tempHome(server.url);
  const vt = new xterm.Terminal({ cols: 80, rows: 24, scrollback: 10_000, allowProposedApi: true });
  const feed = (s) => new Promise((r) => vt.write(s, r));
  await feed(SHELL.join('\r\n') + '\r\n');
  let term;
  let fed = 0;
  const sync = async () => {
    const text = term.text;
    if (text.length > fed) await feed(text.slice(fed));
    fed = text.length;
  };
  try {
    term = await startApp({ home, port: server.port });
    const step = async (keys, until, what) => {
      const from = term.length;
      term.write(keys);
      await term.waitFor(until, { from, timeoutMs: 15_000, what });
      await sleep(150);
    };
    const resize = async (cols) => {
      const from = term.length;
      await sync(); // the emulator reflows what it has, as a terminal would at that moment
      term.resize(cols, 24);
      vt.resize(cols, 24);
      await term.waitFor(/ready/, { from, what: `the redraw at ${cols} columns` });
      await sleep(300);
    };
    await step('first question\r', /ready · ~?\d+ tok/, 'the first reply');
    await step('\x13', 'Esc close', 'the settings');
    await step('\x14', /checks passed|problems? found/, 'Test connection');
    await step('\x1b', 'Send a message', 'the settings to close');
    await step('\x10', 'Switch model', 'the picker');
    await step('\x1b', 'Send a message', 'the picker to close');
    await resize(60);
    await step('second question\r', /ready · ~?\d+ tok/, 'the second reply');
    await resize(100);
    await step('/clear', '› /clear', 'the command typed');
    await step('\r', 'Send a message', '/clear');
    await step('third question\r', /ready · ~?\d+ tok/, 'the third reply');
    await term.quit();
    await sync();
    const raw = term.text;
    const clears = count(raw, '\x1b[2J') + count(raw, '\x1b[3J') + count(raw, '\x1bc');
    const buf = vt.buffer.active;
    const lines = [];
    for (let y = 0; y < buf.length; y++) lines.push(buf.getLine(y)?.translateToString(true) ?? '');
    const all = lines.join('\n');
    const kept = SHELL.filter((l) => count(all, l) === 1).length;
    const twice = ['› first question', '› second question', '› third question'].filter((q) => count(all, q) !== 1).length + (count(all, 'the proxy answers') === 3 ? 0 : 1) + (count(all, 'Esc close') === 0 ? 0 : 1);
    const note = `${raw.length} bytes written; 80×24, resized to 60 and 100 columns; ${lines.length} lines of history at the end`;
    return [
      { row: 'scrollback: full-screen or scrollback erases in a session', measured: clears, baseline: '—', op: '=', target: 0, kind: 'abs', note },
      { row: 'scrollback: shell lines from before launch still in the history', measured: kept, baseline: SHELL.length, op: '=', target: SHELL.length, kind: 'abs', note },
      { row: 'scrollback: app lines missing, doubled or left behind', measured: twice, baseline: '—', op: '=', target: 0, kind: 'abs', note: 'each prompt and reply once, no copy of a closed screen' },
    ];
  } finally {
    if (term) term.kill('SIGKILL');
    await server.close();
  }
}
