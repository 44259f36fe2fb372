// Live switch: the app runs against server A; .env is rewritten (a sibling file renamed over it) to
// point at server B, and back. Time from the rename to the status bar showing the new connection
// ("switched to …" notice or the new host:port).
import { tempHome } from '../lib/setup.mjs';
import { startApp } from '../lib/app.mjs';
import { median, sleep } from '../lib/stats.mjs';

export async function liveSwitchRow({ startServer, switches = 8 }) {
  const a = await startServer({});
  const b = await startServer({});
  const home = tempHome(a.url);
  let term;
  try {
    term = await startApp({ home, port: a.port });
    const times = [];
    for (let i = 0; i < switches; i++) {
      const to = i % 2 === 0 ? b : a;
      await sleep(250); // let the previous switch settle (watcher debounce, notice)
      const from = term.length;
      const t0 = performance.now();
      home.switchTo(to.url);
      const { t } = await term.waitFor(new RegExp(`switched to[^\\n]*:${to.port}|LiteLLM 127\\.0\\.0\\.1:${to.port}`), { from, timeoutMs: 5000, what: `the switch to :${to.port}` });
      times.push(t - t0);
    }
    return {
      row: 'live switch: .env rename → status bar (ms)',
      measured: median(times),
      baseline: '—',
      op: '<',
      target: 300,
      unit: ' ms',
      kind: 'abs',
      note: `${switches} switches between two local proxies; min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)} ms`,
    };
  } finally {
    if (term) {
      await term.quit().catch(() => {});
      term.kill('SIGKILL');
    }
    await Promise.all([a.close(), b.close()]);
  }
}
