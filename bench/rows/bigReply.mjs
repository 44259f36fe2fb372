// Memory and Esc under a flood (issue 14), the TUI in an 80x24 pty:
//  - a 5 MB reply: the process's peak RSS (probe, at exit) under 300 MB; the app stays up, the
//    whole reply is in the file whose path it shows;
//  - an endless stream: Esc after `seconds` of streaming → the reply marked interrupted on screen
//    within 100 ms; peak RSS in the note.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { probeEnv, probeFile, readProbe, tempHome } from '../lib/setup.mjs';
import { startApp } from '../lib/app.mjs';
import { longReply } from '../lib/reply.mjs';
import { procMemory } from '../lib/proc.mjs';
import { median, sleep } from '../lib/stats.mjs';

const MB = 1024 * 1024;

async function bigOnce({ server, home, reply }) {
  const file = probeFile('big');
  let term;
  try {
    term = await startApp({ home, port: server.port, env: probeEnv(file) });
    const from = term.length;
    const t0 = performance.now();
    term.write('hello\r');
    const saved = await term.waitFor(/is saved to/, { from, timeoutMs: 300_000, what: 'the saved-reply notice' });
    const ready = await term.waitFor(/ready · ~?\d+ tok/, { from: saved.index, timeoutMs: 60_000, what: 'ready after the reply' });
    await term.quit();
    // The path on screen may be wrapped at 80 columns: the file is the one in the replies folder.
    const dir = join(home.dir, 'replies');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    const path = files.length === 1 ? join(dir, files[0]) : '';
    const probe = readProbe(file);
    let same = false;
    try {
      same = readFileSync(path, 'utf8') === reply.text;
    } catch {
      same = false;
    }
    return { maxRss: probe.maxRss, ms: ready.t - t0, same, up: term.exitInfo?.exitCode === 0 };
  } finally {
    term?.kill('SIGKILL');
    await term?.exited;
    rmSync(file, { force: true });
  }
}

async function escOnce({ server, home, seconds }) {
  let term;
  try {
    term = await startApp({ home, port: server.port });
    server.fault = 'endless';
    const from = term.length;
    term.write('hello\r');
    await term.waitFor(/streaming/, { from, timeoutMs: 30_000, what: 'the reply streaming' });
    let peak = 0;
    for (let waited = 0; waited < seconds * 1000; waited += 250) {
      await sleep(250);
      peak = Math.max(peak, procMemory(term.pid).peak);
    }
    const at = term.length;
    const t0 = performance.now();
    term.write('\x1b');
    const stopped = await term.waitFor(/⎿ interrupted/, { from: at, timeoutMs: 30_000, what: 'the reply marked interrupted' });
    server.fault = 'none';
    const ms = stopped.t - t0;
    peak = Math.max(peak, procMemory(term.pid).peak);
    await term.quit();
    return { ms, peak, up: term.exitInfo?.exitCode === 0 };
  } finally {
    server.fault = 'none';
    term?.kill('SIGKILL');
    await term?.exited;
  }
}

export async function bigReplyRows({ startServer, runs = 2, escRuns: escCount = 3, seconds = 20, only }) {
  const chunk = 64;
  const reply = longReply({ tokens: Math.round((5 * MB) / chunk), chunkSize: chunk, seed: 14 });
  const big = await startServer({ chunkSize: chunk, chunkDelayMs: 0 });
  big.setReply('claude-3-5-sonnet', reply.text);
  const flood = await startServer({ chunkSize: 4, chunkDelayMs: 0 });
  flood.setReply('claude-3-5-sonnet', longReply({ tokens: 5000, chunkSize: 4, seed: 15 }).text);
  try {
    const bigRuns = [];
    for (let i = 0; i < runs && only !== 'esc'; i++) bigRuns.push(await bigOnce({ server: big, home: tempHome(big.url), reply }));
    const escRuns = [];
    // Esc's answer depends on how loaded the machine is (the app must get the CPU to read the key): the note says.
    const load = loadavg()[0].toFixed(1);
    for (let i = 0; i < escCount && only !== 'big'; i++) escRuns.push(await escOnce({ server: flood, home: tempHome(flood.url), seconds }));
    const allSaved = bigRuns.every((r) => r.same && r.up);
    return [
      {
        row: 'TUI 5 MB reply: peak RSS (MB)',
        measured: median(bigRuns.map((r) => r.maxRss)) / MB,
        baseline: '—',
        op: '<',
        target: 300,
        unit: ' MB',
        kind: 'abs',
        ok: allSaved ? undefined : false,
        note: `${(reply.text.length / MB).toFixed(1)} MB of Markdown in ${chunk}-character deltas; worst ${(Math.max(...bigRuns.map((r) => r.maxRss)) / MB).toFixed(0)} MB; on screen in ${(median(bigRuns.map((r) => r.ms)) / 1000).toFixed(1)} s; whole reply in the saved file and a clean exit: ${allSaved}; ${runs} runs`,
      },
      {
        row: `TUI endless stream: Esc → stopped (ms)`,
        measured: median(escRuns.map((r) => r.ms)),
        baseline: '—',
        op: '<=',
        target: 100,
        unit: ' ms',
        kind: 'abs',
        ok: escRuns.every((r) => r.up) ? undefined : false,
        note: `Esc after ${seconds} s of an endless stream (4-character deltas, as fast as the app reads them); worst ${Math.max(...escRuns.map((r) => r.ms)).toFixed(0)} ms; peak RSS ${(Math.max(...escRuns.map((r) => r.peak)) / MB).toFixed(0)} MB; ${escCount} runs; load average ${load} on ${availableParallelism()} cores`,
      },
    ];
  } finally {
    await Promise.all([big.close(), flood.close()]);
  }
}
