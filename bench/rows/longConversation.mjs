// A long conversation: ~500 prompts to a fast server whose replies are ~2 KB (1,000 messages, about
// 1 MB of text in the transcript), then keystroke echo latency and resident memory. The same
// measurements on the same app before the conversation are the baseline.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { MODEL, probeEnv, probeFile, tempHome } from '../lib/setup.mjs';
import { startApp } from '../lib/app.mjs';
import { shortReply } from '../lib/reply.mjs';
import { procMemory } from '../lib/proc.mjs';
import { percentile, median, sleep } from '../lib/stats.mjs';
import { bytesPerResize } from '../lib/resize.mjs';

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const everyOther = (along) => along.filter((_, i) => i % 2 === 1).map((b) => (b / 1e6).toFixed(0)).join(', ');
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Time left alone before RSS is read at rest (both sides): past the memory reducer's start (see restingRss). */
const REST_MS = 16_000;

/** Types `count` keys one at a time, each `gapMs` after the previous echo; ms from write to echo. */
async function echoLatencies(term, count, gapMs = 40) {
  const out = [];
  let typed = '';
  for (let i = 0; i < count; i++) {
    if (typed.length >= 40) {
      const from = term.length;
      term.write('\x15'); // Ctrl+U
      await term.waitFor('Send a message', { from, what: 'the empty prompt' });
      typed = '';
    }
    await sleep(gapMs);
    const ch = LETTERS[i % LETTERS.length];
    typed += ch;
    const from = term.length;
    const t0 = performance.now();
    term.write(ch);
    const { t } = await term.waitFor(`› ${typed}`, { from, what: `the echo of "${typed}"` });
    out.push(t - t0);
  }
  const from = term.length;
  term.write('\x15');
  await term.waitFor('Send a message', { from, what: 'the empty prompt' });
  return out;
}

/**
 * RSS once the app has been left alone for `ms` (no key, no request), sampled every second. V8 gives
 * memory back on its own schedule: its memory reducer runs a compacting collection and shrinks the
 * young generation ~8–12 s after the last full collection, once allocation has gone quiet. A user
 * reading a reply sees this figure; the one right after the last key is reported beside it.
 */
async function restingRss(pid, ms = REST_MS) {
  const along = [];
  for (let waited = 0; waited < ms; waited += 1000) {
    await sleep(1000);
    along.push(procMemory(pid).rss);
  }
  return { rss: along[along.length - 1], along };
}

/** The app's own view of its memory, asked for through the probe (SIGUSR2). */
async function heapBreakdown(term, probe) {
  const file = `${probe}.mem`;
  rmSync(file, { force: true }); // a figure from an earlier call is not this one
  process.kill(term.pid, 'SIGUSR2'); // the probe's handler; the app sets none
  for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(10);
  if (!existsSync(file)) return 'no heap figures';
  const m = JSON.parse(readFileSync(file, 'utf8'));
  const mb = (x) => `${(x / 1e6).toFixed(0)} MB`;
  return `V8 heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)}, external ${mb(m.external)}, array buffers ${mb(m.arrayBuffers)}`;
}

export async function longConversationRows({ startServer, turns = 500, replyBytes = 2000, keys = 60, env = {}, nodeArgs = [] }) {
  // A window the conversation never fills (the row measures memory; past the window the app asks before sending).
  const server = await startServer({ chunkSize: 64, chunkDelayMs: 0, models: [{ name: MODEL, modelInfo: { max_input_tokens: 100_000_000 } }] });
  const home = tempHome(server.url);
  let term;
  const probe = probeFile('long');
  try {
    term = await startApp({ home, port: server.port, env: { ...env, ...probeEnv(probe) }, nodeArgs });
    const emptyEcho = await echoLatencies(term, keys);
    const emptyMem = procMemory(term.pid);
    const emptyRest = await restingRss(term.pid);
    const emptyResize = await bytesPerResize(term);
    const t0 = performance.now();
    let textBytes = 0;
    const rssAlong = [];
    for (let i = 0; i < turns; i++) {
      const { text, end } = shortReply(i, replyBytes);
      server.setReply(MODEL, text);
      const prompt = `question ${i}: tell me more about it`;
      textBytes += text.length + prompt.length;
      const from = term.length;
      term.write(`${prompt}\r`);
      const done = await term.waitFor(new RegExp(`\\b${end}\\b`), { from, timeoutMs: 20_000, what: `reply ${i}` });
      await term.waitFor(/ready · ~?\d+ tok/, { from: done.index, timeoutMs: 20_000, what: `ready after reply ${i}` });
      if ((i + 1) % Math.ceil(turns / 5) === 0) rssAlong.push(`${(procMemory(term.pid).rss / 1e6).toFixed(0)}`);
    }
    const buildMs = performance.now() - t0;
    const fullEcho = await echoLatencies(term, keys);
    const mem = procMemory(term.pid);
    const heapBusy = await heapBreakdown(term, probe);
    const rest = await restingRss(term.pid);
    const heap = await heapBreakdown(term, probe);
    const fullResize = await bytesPerResize(term);
    const p95 = percentile(fullEcho, 95);
    return [
      {
        row: `echo p95, ${turns * 2} messages (ms)`,
        measured: p95,
        baseline: percentile(emptyEcho, 95),
        op: '<',
        target: 16,
        unit: ' ms',
        kind: 'abs',
        note: `write a key to the pty → the app's redrawn prompt line shows it; ${keys} keys ${40} ms apart; median ${median(fullEcho).toFixed(1)}, max ${Math.max(...fullEcho).toFixed(1)} ms; baseline = the same app before the conversation (median ${median(emptyEcho).toFixed(1)} ms); transcript ${(textBytes / 1e6).toFixed(2)} MB of text built in ${(buildMs / 1000).toFixed(1)} s (${(buildMs / turns).toFixed(0)} ms per turn)`,
      },
      {
        row: `RSS at rest, ${turns * 2} messages (MB)`,
        measured: rest.rss / 1e6,
        baseline: emptyRest.rss / 1e6,
        op: '<=',
        target: 1.25,
        kind: 'ratio',
        note: `VmRSS after the conversation, the echo test and ${REST_MS / 1000} s left alone; baseline = the same app at start, also after its echo test and ${REST_MS / 1000} s alone. Right after the last key: ${mb(mem.rss)} vs ${mb(emptyMem.rss)} at start (${(mem.rss / emptyMem.rss).toFixed(2)}×; ${heapBusy}). At rest: ${heap}. RSS every 2 s at rest: ${everyOther(rest.along)} MB (at start: ${everyOther(emptyRest.along)}); peak VmHWM ${mb(mem.peak)}; along the conversation, every ${Math.ceil(turns / 5)} turns: ${rssAlong.join(', ')} MB`,
      },
      {
        row: `bytes per resize, ${turns * 2} messages`,
        measured: median(fullResize),
        baseline: median(emptyResize),
        op: '<=',
        target: 1.5,
        kind: 'ratio',
        note: `${fullResize.length} resizes between 80 and 60 columns (24 rows = ${80 * 24} cells); max ${Math.max(...fullResize)} B after the conversation (${(textBytes / 1e6).toFixed(2)} MB of transcript), ${Math.max(...emptyResize)} B on the empty app: the live region is redrawn, the transcript never`,
      },
    ];
  } finally {
    if (term) {
      await term.quit().catch(() => {});
      term.kill('SIGKILL');
    }
    await server.close();
    rmSync(probe, { force: true });
    rmSync(`${probe}.mem`, { force: true });
  }
}
