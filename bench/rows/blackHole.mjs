// Waiting is bounded (issue 13 point 7): `-p` against an address where a connect never completes (a
// firewall that drops packets) and against a listener that never answers. Each row's wall time is
// judged against the limit it must end at — the connect limit (10 s), or OPENWORK_TIMEOUT_MS=3000 —
// and fails when the exit code is not 4 or stderr does not name that limit. Before: the black hole
// was "No answer within 60 s" (at ~11.5 s), and with 3000 ms the process exited at ~11.3 s (4 s after
// its message), held by undici's connect attempt; then ~4.2–4.4 s (1.40–1.46×), the probe's 750 ms
// and the request's full 3000 ms one after the other — now one deadline per send (~3.7 s, 1.23–1.29×).
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, MODEL, ROOT, childEnv, tempHome } from '../lib/setup.mjs';
import { startBlackHole } from '../lib/blackHole.mjs';
import { median } from '../lib/stats.mjs';

const CONNECT_LIMIT_MS = 10_000;
const TIMEOUT_MS = 3000;

function runP(home, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, '-p', 'hello', ...args], { env: childEnv(home.dir), cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr: err, wallMs: performance.now() - t0 });
    });
  });
}

async function row({ name, url, extra = '', limitMs, said, runs, target, server, args = ['--model', MODEL] }) {
  const home = tempHome();
  writeFileSync(join(home.dir, '.env'), `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=sk-test-master\n${extra}`, { mode: 0o600 });
  const out = [];
  let sent;
  for (let i = 0; i < runs; i++) {
    const before = server?.requests.length ?? 0;
    out.push(await runP(home, args));
    sent = server?.requests.slice(before).map((q) => `${q.method} ${q.url}`).join(', ');
  }
  const right = out.every((r) => r.code === 4 && r.stderr.includes(said));
  return {
    row: name,
    measured: median(out.map((r) => r.wallMs)),
    baseline: limitMs,
    op: '<=',
    target,
    kind: 'ratio',
    ok: right ? undefined : false,
    note: `baseline = the limit it must end at; exit ${out.map((r) => r.code).join(', ')}; stderr ${right ? `names it ("${said}")` : `DOES NOT name it: ${out[0].stderr.trim().slice(0, 200)}`}${sent ? `; the last run sent: ${sent}` : ''}; ${runs} runs`,
  };
}

export async function blackHoleRows({ startServer }) {
  const hole = await startBlackHole();
  const hang = await startServer({});
  hang.fault = 'hang';
  try {
    const rows = [];
    rows.push(await row({ name: '-p, connect never completes: wall (ms)', url: hole.url, limitMs: CONNECT_LIMIT_MS, said: 'nothing accepted the connection within 10 s', runs: 2, target: 1.3 }));
    // No --model on a new setup: the model listing meets the connect limit and -p ends there (was 16 s: the
    // listing cut at 5 s, then the message waited out the connect limit again).
    rows.push(await row({ name: '-p, no --model, connect never completes: wall (ms)', url: hole.url, limitMs: CONNECT_LIMIT_MS, said: 'nothing accepted the connection within 10 s', runs: 2, target: 1.3, args: [] }));
    rows.push(
      await row({ name: '-p, connect never completes, OPENWORK_TIMEOUT_MS=3000: wall (ms)', url: hole.url, extra: `OPENWORK_TIMEOUT_MS=${TIMEOUT_MS}\n`, limitMs: TIMEOUT_MS, said: `within ${TIMEOUT_MS} ms`, runs: 3, target: 1.35 }),
    );
    const hangRow = await row({
      name: '-p, listener never answers, OPENWORK_TIMEOUT_MS=3000: wall (ms)',
      url: hang.url,
      extra: `OPENWORK_TIMEOUT_MS=${TIMEOUT_MS}\n`,
      limitMs: TIMEOUT_MS,
      said: `within ${TIMEOUT_MS} ms`,
      runs: 3,
      target: 1.35,
      server: hang,
    });
    rows.push(hangRow);
    return rows;
  } finally {
    await hang.close();
    await hole.close();
  }
}
