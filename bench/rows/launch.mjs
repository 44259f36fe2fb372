// TUI launch to the first usable frame ("ready" in the status bar) in a pty, against a minimal Ink
// app that renders one line, bundled and started the same way. The app's own code comes from its
// code cache (src/codeCache.ts), made by the unmeasured first run as a user's first start makes it;
// a start without one (the first after an install or an upgrade) is measured too, for the note.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINE_BIN, BIN, childEnv, MODEL, ROOT } from '../lib/setup.mjs';
import { spawnTerm } from '../lib/term.mjs';
import { median, pairedRatio } from '../lib/stats.mjs';

async function launchOnce(args, env, extraWait) {
  const term = spawnTerm(args, { env, cwd: ROOT });
  try {
    const { t } = await term.waitFor(/\bready\b/, { what: '"ready"' });
    const ms = t - term.startedAt;
    let connectedMs;
    if (extraWait) connectedMs = (await term.waitFor(extraWait, { what: String(extraWait) })).t - term.startedAt;
    return { ms, connectedMs };
  } finally {
    term.kill('SIGKILL');
    await term.exited;
  }
}

function ratioRange(app, base) {
  const r = app.map((a, i) => a / base[i]).sort((x, y) => x - y);
  return `${r[0].toFixed(2)}–${r[r.length - 1].toFixed(2)}×`;
}

export async function launchRow({ server, home, runs = 21, coldRuns = 7 }) {
  const env = childEnv(home.dir);
  const appArgs = [BIN, '--model', MODEL];
  const connected = new RegExp(`LiteLLM 127\\.0\\.0\\.1:${server.port}`);
  // One unmeasured run of each to warm the file cache.
  await launchOnce(appArgs, env, connected);
  await launchOnce([BASELINE_BIN], env);
  const app = [];
  const appConnected = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? ['base', 'app'] : ['app', 'base'];
    for (const which of order) {
      if (which === 'app') {
        const r = await launchOnce(appArgs, env, connected);
        app.push(r.ms);
        appConnected.push(r.connectedMs);
      } else base.push((await launchOnce([BASELINE_BIN], env)).ms);
    }
  }
  // Without the code cache: removed before each of these app runs (paired with baseline runs too).
  const cold = [];
  const coldBase = [];
  for (let i = 0; i < coldRuns; i++) {
    rmSync(join(home.dir, 'cache'), { recursive: true, force: true });
    cold.push((await launchOnce(appArgs, env, connected)).ms);
    coldBase.push((await launchOnce([BASELINE_BIN], env)).ms);
  }
  return {
    row: 'TUI launch → first usable frame (ms)',
    measured: median(app),
    baseline: median(base),
    ratio: pairedRatio(app, base),
    op: '<=',
    target: 1.2,
    kind: 'ratio',
    note: `"ready" on screen; proxy detected ("LiteLLM 127.0.0.1:${server.port}") at ${median(appConnected).toFixed(0)} ms; baseline = one-line Ink app, same esbuild options; ${runs} back-to-back pairs, ratio = median of pair ratios (${ratioRange(app, base)}); without the code cache (a first start): ${median(cold).toFixed(0)} ms, ${pairedRatio(cold, coldBase).toFixed(2)}× (${coldRuns} pairs, no target)`,
  };
}
