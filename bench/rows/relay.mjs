// A short `-p` over a 100 ms round trip (a relay adding 50 ms each way, loopback): time to the first
// token on stdout, against the plain SDK script over the same relay. Warm: the app has run once for
// this address (what it learned about the proxy is kept), as every run after a user's first is.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { BIN, childEnv, MODEL, PLAIN_STREAM, ROOT, tempHome } from '../lib/setup.mjs';
import { startRelay } from '../lib/relay.mjs';
import { median, pairedRatio } from '../lib/stats.mjs';

const REPLY = 'Hello from the proxy over a long link';

function firstToken(args, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstMs;
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      firstMs ??= performance.now() - t0;
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${err}`));
      else resolve({ firstMs, wallMs: performance.now() - t0, out });
    });
  });
}

export async function relayRow({ startServer, runs = 11 }) {
  const server = await startServer({ chunkSize: 4, chunkDelayMs: 0, dropParams: true });
  server.setReply(MODEL, REPLY);
  const relay = await startRelay({ port: server.port }, { oneWayMs: 50 });
  try {
    const home = tempHome(relay.url);
    // The relay is a long link on this machine's loopback: the app, seeing a local address, would not
    // open its connection early (nothing to gain on a real loopback). Told so, as a user with a local
    // port forwarded to a proxy far away would tell it.
    const env = childEnv(home.dir, { OPENWORK_PRECONNECT: 'on' });
    const appArgs = [BIN, '-p', 'hello', '--model', MODEL];
    const plainArgs = [PLAIN_STREAM, relay.url, MODEL];
    await firstToken(appArgs, env); // the user's first run for this address
    await firstToken(plainArgs, env);
    const app = [];
    const base = [];
    let requests = [];
    let correct = true;
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? ['base', 'app'] : ['app', 'base']) {
        const before = server.requests.length;
        const r = await firstToken(which === 'app' ? appArgs : plainArgs, env);
        if (r.out !== `${REPLY}\n`) correct = false;
        if (which === 'app') requests = server.requests.slice(before).map((q) => `${q.method} ${q.url}`);
        (which === 'app' ? app : base).push(r);
      }
    }
    const first = (xs) => median(xs.map((x) => x.firstMs));
    const wall = (xs) => median(xs.map((x) => x.wallMs));
    return [
      {
        row: '-p over a 100 ms round trip: first token (ms)',
        measured: first(app),
        baseline: first(base),
        // Each app run beside the script run next to it: this machine's speed drifts within seconds.
        ratio: pairedRatio(app.map((x) => x.firstMs), base.map((x) => x.firstMs)),
        op: '<=',
        target: 0.9,
        kind: 'ratio',
        ok: correct ? undefined : false,
        note: `relay adds 50 ms each way (+1 round trip per new connection); warm run, OPENWORK_PRECONNECT=on; wall ${wall(app).toFixed(0)} vs ${wall(base).toFixed(0)} ms; output ${correct ? 'identical' : 'DIFFERS'}; baseline = the plain SDK script over the same relay; ${runs} back-to-back pairs, ratio = median of pair ratios`,
      },
      {
        row: 'warm -p: requests sent',
        measured: requests.length,
        baseline: '—',
        op: '=',
        target: 1,
        kind: 'abs',
        note: `the last run sent: ${requests.join(', ') || 'nothing'}`,
      },
    ];
  } finally {
    await relay.close();
    await server.close();
  }
}
