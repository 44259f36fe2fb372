// `openwork-tui --version` against `node -e 0`: wall time from spawn to exit, interleaved runs.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { BIN, childEnv, ROOT } from '../lib/setup.mjs';
import { median, pairedRatio } from '../lib/stats.mjs';

function timeRun(args, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

export async function startupRow({ home, runs = 21 }) {
  const env = childEnv(home.dir);
  // Warm the file cache for both, then alternate so drift hits both alike.
  timeRun(['-e', '0'], env);
  const version = timeRun([BIN, '--version'], env).stdout.trim();
  const app = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      base.push(timeRun(['-e', '0'], env).ms);
      app.push(timeRun([BIN, '--version'], env).ms);
    } else {
      app.push(timeRun([BIN, '--version'], env).ms);
      base.push(timeRun(['-e', '0'], env).ms);
    }
  }
  return {
    row: 'startup: --version (ms)',
    measured: median(app),
    baseline: median(base),
    ratio: pairedRatio(app, base),
    op: '<=',
    target: 1.5,
    kind: 'ratio',
    note: `prints ${version}; node -e 0 baseline; ${runs} back-to-back pairs, ratio = median of pair ratios`,
  };
}
