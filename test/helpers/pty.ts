// Runs the built CLI in a real pseudo-terminal and reads the screen through a real terminal
// emulator (@xterm/headless), as a person would see it.
import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN } from './cli.js';

export interface PtyApp {
  /** Type bytes as a user would. */
  write(data: string): void;
  /** The visible screen, one string per row, trailing spaces trimmed. */
  screen(): string;
  /** Everything the app wrote (raw bytes as text). */
  output(): string;
  /** The scrollback and the screen, one string per row, trailing spaces trimmed. */
  all(): string;
  /** Every window title the app set (OSC 0/2), in order: none, for a well-behaved app. */
  titles(): string[];
  /** Every row of the scrollback and the screen, untrimmed, and whether the terminal soft-wrapped into it. */
  rows(): { text: string; wrapped: boolean }[];
  /** Where the terminal's cursor is on the screen (0-based). */
  cursor(): { x: number; y: number };
  /** Waits until the scrollback and screen match, even after the program exited; returns them. */
  waitForAll(what: string | RegExp, timeoutMs?: number): Promise<string>;
  /**
   * Waits until the screen matches; returns the screen. An array waits for every part at once (one
   * frame); a function is a test of the whole screen.
   */
  waitFor(what: Wanted, timeoutMs?: number): Promise<string>;
  resize(cols: number, rows: number): void;
  /**
   * Holds what the app writes back from the emulator (still read and kept in output()) until
   * release(): a terminal that has not parsed the bytes in flight yet, as when it is resized.
   */
  hold(): void;
  /** Gives the emulator what was held; settles once it parsed it. */
  release(): Promise<void>;
  readonly exit: Promise<number>;
  /** Settles when the first bytes of output arrive (the first frame starting to draw). */
  readonly firstOutput: Promise<void>;
  readonly pid: number;
  /** The terminal's device (e.g. /dev/pts/3), for `stty -F`. */
  readonly tty: string;
  kill(): void;
}

/** What a wait looks for on the screen: text, a pattern, all of several (one frame), or a test. */
export type Wanted = string | RegExp | readonly (string | RegExp)[] | ((screen: string) => boolean);

const has = (s: string, part: string | RegExp): boolean => (typeof part === 'string' ? s.includes(part) : part.test(s));
const matches = (s: string, what: Wanted): boolean =>
  typeof what === 'function' ? what(s) : Array.isArray(what) ? what.every((p) => has(s, p)) : has(s, what as string | RegExp);
/** For a timeout's message: what was waited for (of several parts, those missing). */
const described = (s: string, what: Wanted): string =>
  Array.isArray(what) ? `all of [${what.map(String).join(', ')}] (missing: ${what.filter((p) => !has(s, p)).map(String).join(', ')})` : String(what);

export interface PtyOptions {
  home: string;
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
  /** Text already on the terminal before the app starts (a shell's earlier output). */
  before?: string;
  /** false: a terminal that does not reflow its lines on a resize (it cuts or pads them). */
  reflow?: boolean;
  /** A command the app runs under (e.g. `setpriv --reuid=nobody …`): the node binary and its arguments follow it. */
  wrap?: readonly string[];
  /** The folder the app starts in (the test's own by default). */
  cwd?: string;
}

export function startApp(args: string[], opts: PtyOptions): PtyApp {
  const cols = opts.cols ?? 80;
  const rows = opts.rows ?? 24;
  // windowsMode is xterm.js's switch for a terminal that does not reflow (as conhost, winpty).
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000, ...(opts.reflow === false ? { windowsMode: true } : {}) });
  if (opts.before) term.write(opts.before);
  const [file, ...argv] = [...(opts.wrap ?? []), process.execPath, BIN, ...args] as [string, ...string[]];
  const child: IPty = spawn(file, argv, {
    name: 'xterm-256color',
    cols,
    rows,
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    env: { PATH: process.env.PATH ?? '', HOME: opts.home, OPENWORK_HOME: opts.home, TERM: 'xterm-256color', CI: 'false', LANG: 'en_US.UTF-8', ...opts.env },
  });
  const titles: string[] = [];
  term.onTitleChange((t) => titles.push(t));
  let raw = '';
  let pending = Promise.resolve();
  let held: string[] | undefined;
  const parse = (d: string) => (pending = new Promise((ok) => term.write(d, ok)));
  let outputStarted!: () => void;
  const firstOutput = new Promise<void>((ok) => (outputStarted = ok));
  child.onData((d) => {
    if (!raw) outputStarted();
    raw += d;
    if (held) held.push(d);
    else parse(d);
  });
  const exit = new Promise<number>((ok) => child.onExit(({ exitCode }) => ok(exitCode)));
  let exited = false;
  void exit.then(() => (exited = true));

  const screen = () => {
    const buf = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < term.rows; y++) lines.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  };
  return {
    pid: child.pid,
    tty: (child as unknown as { ptsName: string }).ptsName,
    write: (data) => child.write(data),
    screen,
    output: () => raw,
    titles: () => [...titles],
    all: () => {
      const buf = term.buffer.active;
      const lines: string[] = [];
      for (let y = 0; y < buf.length; y++) lines.push(buf.getLine(y)?.translateToString(true) ?? '');
      return lines.join('\n');
    },
    rows: () => {
      const buf = term.buffer.active;
      const out: { text: string; wrapped: boolean }[] = [];
      for (let y = 0; y < buf.length; y++) {
        const line = buf.getLine(y);
        out.push({ text: line?.translateToString(false) ?? '', wrapped: line?.isWrapped ?? false });
      }
      return out;
    },
    cursor: () => ({ x: term.buffer.active.cursorX, y: term.buffer.active.cursorY }),
    async waitFor(what, timeoutMs = 10_000) {
      const start = Date.now();
      for (;;) {
        await pending;
        const s = screen();
        if (matches(s, what)) return s;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${described(s, what)}; screen:\n${s}`);
        if (exited) throw new Error(`the app exited while waiting for ${described(s, what)}; screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async waitForAll(what, timeoutMs = 10_000) {
      const start = Date.now();
      for (;;) {
        await pending;
        const s = this.all();
        if (typeof what === 'string' ? s.includes(what) : what.test(s)) return s;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(what)}; screen:\n${s}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    resize(c, r) {
      child.resize(c, r);
      term.resize(c, r);
    },
    hold() {
      held ??= [];
    },
    release() {
      for (const d of held ?? []) parse(d);
      held = undefined;
      return pending;
    },
    exit,
    firstOutput,
    kill: () => {
      if (!exited) child.kill();
    },
  };
}

/**
 * The caret after '› ' on an empty prompt: where each frame leaves the cursor, last. Resize only
 * then — resizing while the emulator still parses a frame's last bytes reflows another line as the
 * cursor's (see caretLineResize.e2e).
 */
export function caretOnEmptyPrompt(app: PtyApp): boolean {
  const { x, y } = app.cursor();
  return x === 2 && (app.screen().split('\n')[y] ?? '').startsWith('› ');
}

/** Types a line as a person would: the text, then (once it is echoed on screen) Enter. */
export async function typeLine(app: PtyApp, text: string): Promise<void> {
  app.write(text);
  await app.waitFor(`› ${text}`);
  app.write('\r');
}
