// Headless `-p` consuming the long reply, against the plain SDK script: CPU time (user + system) of
// the child process, read by the probe preloaded into both.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { rmSync } from 'node:fs';
import { BIN, childEnv, MODEL, PLAIN_STREAM, ROOT, probeEnv, probeFile, readProbe } from '../lib/setup.mjs';
import { median, pairedRatio } from '../lib/stats.mjs';

function run(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${err}`));
      else resolve({ stdout, wallMs: performance.now() - t0 });
    });
  });
}

/** One measured run: CPU ms from the probe, plus wall time and what it printed. */
export async function measured(args, home) {
  const file = probeFile('cpu');
  const r = await run(args, childEnv(home.dir, probeEnv(file)));
  const p = readProbe(file);
  rmSync(file, { force: true });
  return { ...r, cpuMs: p.cpuMs, maxRss: p.maxRss };
}

export const plainArgs = (server) => [PLAIN_STREAM, server.url, MODEL];

export async function headlessRow({ server, home, reply, runs = 7 }) {
  const appArgs = [BIN, '-p', 'hello', '--model', MODEL];
  const app = [];
  const base = [];
  let correct = true;
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['base', 'app'] : ['app', 'base'];
    for (const which of order) {
      const r = await measured(which === 'app' ? appArgs : plainArgs(server), home);
      if (r.stdout !== `${reply.text}\n`) correct = false;
      (which === 'app' ? app : base).push(r);
    }
  }
  const cpu = (xs) => median(xs.map((x) => x.cpuMs));
  const wall = (xs) => median(xs.map((x) => x.wallMs));
  // Each app run against the script run beside it: this machine's speed drifts within seconds.
  const paired = (f) => pairedRatio(app.map(f), base.map(f));
  const note = `output ${correct ? 'identical to the reply' : 'DIFFERS from the reply'}; ${runs} back-to-back pairs, ratio = median of pair ratios`;
  return [
    {
      row: `headless -p, ${reply.tokens} tokens: CPU (ms)`,
      measured: cpu(app),
      baseline: cpu(base),
      ratio: paired((x) => x.cpuMs),
      op: '<=',
      target: 0.8,
      kind: 'ratio',
      ok: correct ? undefined : false,
      note: `${note}; baseline = the plain openai SDK script`,
    },
    {
      row: `headless -p, ${reply.tokens} tokens: wall (ms)`,
      measured: wall(app),
      baseline: wall(base),
      ratio: paired((x) => x.wallMs),
      op: '<=',
      target: 1.0,
      kind: 'ratio',
      note: `CPU ${cpu(app).toFixed(0)} vs ${cpu(base).toFixed(0)} ms; wall − CPU (time idle) ${(wall(app) - cpu(app)).toFixed(0)} vs ${(wall(base) - cpu(base)).toFixed(0)} ms`,
    },
  ];
}
