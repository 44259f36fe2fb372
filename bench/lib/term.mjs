// Runs a program in a pseudo-terminal (80x24, xterm-256color, CI=false) and records every chunk it
// writes with its arrival time, so rows can wait for text and measure from a moment they choose.
import pty from '@lydell/node-pty';
import { performance } from 'node:perf_hooks';

export function spawnTerm(args, { env, cwd, cols = 80, rows = 24 }) {
  const startedAt = performance.now();
  const p = pty.spawn(process.execPath, args, {
    name: 'xterm-256color',
    cols,
    rows,
    cwd,
    env: { TERM: 'xterm-256color', CI: 'false', ...env },
  });
  const chunks = []; // { t, offset, data }
  let text = '';
  const waiters = new Set();
  let exitInfo;
  const exited = new Promise((resolve) => {
    p.onExit((e) => {
      exitInfo = e;
      for (const w of waiters) w.fail(new Error(`process exited (${JSON.stringify(e)}) while waiting for ${w.what}`));
      resolve(e);
    });
  });
  p.onData((data) => {
    const t = performance.now();
    const before = text.length;
    chunks.push({ t, offset: before, data });
    text += data;
    for (const w of waiters) w.check(t, before);
  });

  const term = {
    pid: p.pid,
    startedAt,
    chunks,
    get text() {
      return text;
    },
    get length() {
      return text.length;
    },
    exited,
    get exitInfo() {
      return exitInfo;
    },
    write(s) {
      p.write(s);
    },
    /** Resizes the pty (the app gets SIGWINCH). */
    resize(cols, rows) {
      p.resize(cols, rows);
    },
    kill(signal) {
      try {
        p.kill(signal);
      } catch {
        // already gone
      }
    },
    /**
     * Resolves with { t, index } once `pattern` (a RegExp or a string) matches the output at or after
     * character offset `from`. `t` is when the chunk that completed the match arrived.
     */
    waitFor(pattern, { from = 0, timeoutMs = 10_000, what = String(pattern) } = {}) {
      return new Promise((resolve, reject) => {
        const re = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
        let scanFrom = from;
        const w = {
          what,
          check(t) {
            re.lastIndex = scanFrom;
            const m = re.exec(text);
            if (m) {
              done();
              resolve({ t, index: m.index, match: m[0] });
            } else scanFrom = Math.max(from, text.length - 4096); // a match can straddle chunks
          },
          fail(err) {
            done();
            reject(err);
          },
        };
        const timer = setTimeout(() => w.fail(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last output: ${JSON.stringify(text.slice(-600))}`)), timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(w);
        };
        waiters.add(w);
        if (exitInfo) return w.fail(new Error(`process already exited while waiting for ${what}`));
        w.check(performance.now());
      });
    },
    /** Ctrl+C twice (the app's exit gesture), then waits for the exit; kills it after `timeoutMs`. */
    async quit(timeoutMs = 5000) {
      if (exitInfo) return exitInfo;
      p.write('\x03');
      await new Promise((r) => setTimeout(r, 60));
      if (!exitInfo) p.write('\x03');
      const timer = setTimeout(() => term.kill('SIGKILL'), timeoutMs);
      const e = await exited;
      clearTimeout(timer);
      return e;
    },
  };
  return term;
}
