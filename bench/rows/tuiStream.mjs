// The long reply rendered by the TUI in an 80x24 pty:
//  - CPU time of the whole TUI process (launch, the reply, exit) against the plain SDK script;
//  - flicker: full-screen clears / transcript reprints in the bytes written while it streams, and
//    bytes per token early vs late in the reply;
//  - the screen at the end (a VT model of the terminal): last words visible, status back to ready,
//    the whole reply in the scrollback in order with no marker duplicated.
import { rmSync } from 'node:fs';
import { probeEnv, probeFile, readProbe } from '../lib/setup.mjs';
import { startApp } from '../lib/app.mjs';
import { Screen } from '../lib/vt.mjs';
import { procCpuMs } from '../lib/proc.mjs';
import { median, pairedRatio } from '../lib/stats.mjs';
import { measured, plainArgs } from './headless.mjs';

const bytes = (s) => Buffer.byteLength(s, 'utf8');
const words = (s) => s.match(/[A-Za-z0-9]+/g) ?? [];

async function streamOnce({ server, home, reply }) {
  const file = probeFile('tui');
  let term;
  try {
    term = await startApp({ home, port: server.port, env: probeEnv(file) });
    const cpuAtReady = procCpuMs(term.pid);
    const from = term.length;
    const t0 = performance.now();
    term.write('hello\r');
    const last = reply.markers.at(-1).word;
    const end = await term.waitFor(new RegExp(`\\b${last}\\b`), { from, timeoutMs: 60_000, what: `the reply's last word (${last})` });
    const ready = await term.waitFor(/ready · ~?\d+ tok/, { from: end.index, timeoutMs: 30_000, what: 'ready after the reply' });
    const streamMs = ready.t - t0;
    // Up to the end of the chunk that completed the match (the match can straddle two chunks).
    const matchEnd = ready.index + ready.match.length;
    const chunk = term.chunks.findLast((c) => c.offset < matchEnd);
    const until = chunk.offset + chunk.data.length;
    const all = term.text.slice(0, until);
    // When frames reached the terminal while the reply streamed: the longest gap is how long the
    // screen stood still.
    const frameTimes = term.chunks.filter((c) => c.offset >= from && c.offset < until && c.data.includes('\x1b[?2026h')).map((c) => c.t);
    const firstToken = term.chunks.find((c) => c.offset >= from && c.data.includes(reply.markers[0].word));
    const gaps = frameTimes.filter((t) => !firstToken || t >= firstToken.t).map((t, i, a) => (i ? t - a[i - 1] : 0));
    const maxGapMs = Math.max(0, ...gaps);
    const cpuAtEnd = procCpuMs(term.pid);
    await term.quit();
    const probe = readProbe(file);
    return { all, from, until, streamMs, maxGapMs, cpuMs: probe.cpuMs, cpuAtReady, cpuAtEnd, maxRss: probe.maxRss };
  } finally {
    term?.kill('SIGKILL');
    await term?.exited;
    rmSync(file, { force: true });
  }
}

function analyse(run, reply, banner) {
  const streamed = run.all.slice(run.from);
  const count = (needle) => streamed.split(needle).length - 1;
  const clears = count('\x1b[2J') + count('\x1b[3J');
  const reprints = count(banner);
  // Frames: Ink wraps each in synchronized-output marks; the most lines one frame erased.
  const frames = streamed.split('\x1b[?2026h').slice(1);
  const maxErase = Math.max(0, ...frames.map((f) => f.split('\x1b[2K').length - 1));
  // Bytes per token between the first appearances of two markers.
  const at = (m) => {
    const i = streamed.indexOf(m.word);
    return i < 0 ? undefined : i + m.word.length;
  };
  const [m0, m1, m2, m3] = reply.markers;
  const per = (a, b) => {
    const ia = at(a);
    const ib = at(b);
    if (ia === undefined || ib === undefined) return NaN;
    return bytes(streamed.slice(ia, ib)) / (b.token - a.token);
  };
  const first = per(m0, m1);
  const lastK = per(m2, m3);
  // The screen at the end.
  const screen = new Screen(80, 24);
  screen.write(run.all);
  const visible = screen.text();
  const tail = words(reply.text).slice(-6).join(' ');
  const lastWordsVisible = words(visible.join('\n')).join(' ').includes(tail);
  const statusReady = visible.some((l) => /LiteLLM 127\.0\.0\.1:\d+.*ready · ~?\d+ tok/.test(l));
  // The whole reply, in order, in scrollback + screen: a greedy subsequence match of its words.
  const want = words(reply.text.replace(/^```\w+$/gm, '```')); // a fence's language is not shown
  const have = words(screen.all().join('\n'));
  let k = 0;
  for (const w of have) if (k < want.length && w === want[k]) k += 1;
  const markerCounts = reply.markers.map((m) => have.filter((w) => w === m.word).length);
  return {
    clears,
    reprints,
    frames: frames.length,
    maxErase,
    first,
    last: lastK,
    streamBytes: bytes(streamed),
    lastWordsVisible,
    statusReady,
    inOrder: k / want.length,
    markersOnce: markerCounts.every((c) => c === 1),
    screen: visible,
  };
}

export async function tuiStreamRows({ server, home, reply, version, runs = 5 }) {
  const results = [];
  // Each TUI run beside a run of the plain script (the baseline): this machine's speed drifts within seconds.
  const plainCpuMs = [];
  for (let i = 0; i < runs; i++) {
    const run = await streamOnce({ server, home, reply });
    results.push({ ...run, ...analyse(run, reply, `openwork-tui ${version} ·`) });
    plainCpuMs.push((await measured(plainArgs(server), home)).cpuMs);
  }
  const med = (f) => median(results.map(f));
  const screenOk = results.every((r) => r.lastWordsVisible && r.statusReady && r.inOrder === 1 && r.markersOnce);
  const worst = results.find((r) => !(r.lastWordsVisible && r.statusReady && r.inOrder === 1 && r.markersOnce)) ?? results.at(-1);
  const clearCount = Math.max(...results.map((r) => r.clears + r.reprints));
  const firstK = med((r) => r.first);
  const lastK = med((r) => r.last);
  return {
    rows: [
      {
        row: `TUI streaming, ${reply.tokens} tokens: CPU (ms)`,
        measured: med((r) => r.cpuMs),
        baseline: median(plainCpuMs),
        ratio: pairedRatio(results.map((r) => r.cpuMs), plainCpuMs),
        op: '<=',
        target: 1.5,
        kind: 'ratio',
        note: `whole process; ${med((r) => r.cpuAtReady).toFixed(0)} ms of it to the first frame, ${med((r) => r.cpuAtEnd - r.cpuAtReady).toFixed(0)} ms for the reply (/proc, 10 ms ticks); reply took ${med((r) => r.streamMs).toFixed(0)} ms on screen, longest time without a new frame while it streamed ${med((r) => r.maxGapMs).toFixed(0)} ms; baseline = the plain SDK script, run after each TUI run; ${runs} pairs, ratio = median of pair ratios`,
      },
      {
        row: 'TUI streaming: screen correct at the end',
        measured: screenOk ? 'yes' : 'no',
        baseline: '—',
        op: '=',
        target: 'yes',
        kind: 'bool',
        ok: screenOk,
        note: `last words visible: ${worst.lastWordsVisible}; status ready: ${worst.statusReady}; reply words in order in scrollback+screen: ${(worst.inOrder * 100).toFixed(1)}%; each marker once: ${worst.markersOnce}`,
        detail: screenOk ? undefined : worst.screen.join('\n'),
      },
      {
        row: 'flicker: full clears + transcript reprints',
        measured: clearCount,
        baseline: '—',
        op: '=',
        target: 0,
        kind: 'abs',
        note: `ESC[2J + ESC[3J + reprints of the banner while streaming (worst run); ${med((r) => r.frames)} frames, at most ${Math.max(...results.map((r) => r.maxErase))} lines erased by one frame`,
      },
      {
        row: 'flicker: bytes/token, last 1k vs first 1k',
        measured: lastK,
        baseline: firstK,
        op: '<=',
        target: 1.5,
        kind: 'ratio',
        note: `bytes the terminal received between the first appearance of marker words at tokens ${reply.markers.map((m) => m.token).join(', ')}, per token; ${(med((r) => r.streamBytes) / 1024).toFixed(0)} KiB in all`,
      },
    ],
    results,
  };
}
