// npm run bench: measures openwork-tui against baselines measured in the same run and prints
//   row / measured / baseline / ratio / target / ok
// Exits 1 when a target is missed. `node bench/run.mjs --only startup,launch` runs some rows.
// The built app (dist/) must be current: `npm run bench` builds it first.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODEL, OUT, ROOT, cleanupHomes, prepare, tempHome } from './lib/setup.mjs';
import { longReply } from './lib/reply.mjs';
import { startupRow } from './rows/startup.mjs';
import { launchRow } from './rows/launch.mjs';
import { headlessRow } from './rows/headless.mjs';
import { tuiStreamRows } from './rows/tuiStream.mjs';
import { longConversationRows } from './rows/longConversation.mjs';
import { liveSwitchRow } from './rows/liveSwitch.mjs';
import { scrollbackRows } from './rows/scrollback.mjs';
import { renderRows } from './rows/render.mjs';
import { bigReplyRows } from './rows/bigReply.mjs';
import { sessionRows } from './rows/sessions.mjs';
import { relayRow } from './rows/relay.mjs';
import { blackHoleRows } from './rows/blackHole.mjs';
import { printTable, judge } from './lib/table.mjs';

const argv = process.argv.slice(2);
const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const want = (name) => !only || only.has(name);

const started = performance.now();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const { startServer } = await prepare();

const TOKENS = 20_000;
const CHUNK = 4;
const reply = longReply({ tokens: TOKENS, chunkSize: CHUNK, markersAt: [0, 1000, TOKENS - 1000] });
const stream = await startServer({ chunkSize: CHUNK, chunkDelayMs: 0 });
stream.setReply(MODEL, reply.text);
const home = tempHome(stream.url);

const rows = [];
const log = (s) => process.stderr.write(`bench: ${s}\n`);
const step = async (name, fn) => {
  if (!want(name)) return;
  const t = performance.now();
  log(`${name}…`);
  try {
    const out = await fn();
    for (const r of Array.isArray(out) ? out : [out]) rows.push(judge(r));
    log(`${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (err) {
    // A row that cannot be measured fails; the others still run.
    log(`${name} failed: ${err.stack ?? err}`);
    rows.push({ row: `${name}: could not be measured`, measured: 'error', baseline: '—', target: 'a number', op: '=', kind: 'bool', ok: false, note: String(err.message ?? err).slice(0, 300) });
  }
};

try {
  await step('startup', () => startupRow({ home }));
  await step('launch', () => launchRow({ server: stream, home }));
  await step('headless', () => headlessRow({ server: stream, home, reply }));
  await step('stream', async () => (await tuiStreamRows({ server: stream, home, reply, version: pkg.version })).rows);
  await step('relay', () => relayRow({ startServer }));
  await step('blackhole', () => blackHoleRows({ startServer }));
  await step('long', () => longConversationRows({ startServer }));
  await step('switch', () => liveSwitchRow({ startServer }));
  await step('scrollback', () => scrollbackRows({ startServer }));
  await step('render', () => renderRows());
  await step('big', () => bigReplyRows({ startServer }));
  await step('sessions', () => sessionRows({ server: stream }));
} finally {
  await stream.close();
  cleanupHomes();
}

const seconds = (performance.now() - started) / 1000;
printTable(rows, process.stdout);
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ when: new Date().toISOString(), node: process.version, seconds, rows }, null, 2));
const failed = rows.filter((r) => r.ok === false);
process.stdout.write(`\n${rows.length - failed.length}/${rows.length} rows within target · ${seconds.toFixed(0)} s · results in .tmp/bench/results.json\n`);
if (failed.length) {
  process.stdout.write(`FAILED: ${failed.map((r) => r.row).join('; ')}\n`);
  process.exitCode = 1;
}
