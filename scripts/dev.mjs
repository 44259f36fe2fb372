// `npm run dev [-- ARGS]`: the app from source. Builds dist/ as `npm run build` does, starts the app
// with ARGS (the chat when none) on this terminal, and rebuilds on every change under src/: after a
// rebuild the app is started again (a chat in progress is left). When the app exits by itself
// (Ctrl+C twice, -p done), so does this. OPENWORK_DEV_OUT puts the build elsewhere (a test's copy).
import { context } from 'esbuild';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cliBuildOptions, ROOT, tuiBuildOptions } from './buildOptions.mjs';
import { chatScriptOptions } from './chatScript.mjs';
import { writeSdkModels } from './sdkModels.mjs';

const out = resolve(process.env.OPENWORK_DEV_OUT ?? ROOT);
const args = process.argv.slice(2);
const say = (text) => process.stderr.write(`[dev] ${text}\n`);

writeSdkModels();
let app;
let restarting = false;
let builds = 0;
/** The CLI's build, dist/tui.js and dist/chat.js (scripts/build.mjs). */
const BUNDLES = 3;

/** Logs each build's end; after the first of each bundle, (re)starts the app. */
const lifecycle = {
  name: 'dev-lifecycle',
  setup(b) {
    b.onEnd((result) => {
      if (result.errors.length) return say(`build failed (${result.errors.length} error(s)); fix and save to try again`);
      builds++;
      if (builds === BUNDLES) start();
      else if (builds > BUNDLES) restart();
    });
  },
};

function start() {
  app = spawn(process.execPath, [join(out, 'bin', 'openwork-tui.cjs'), ...args], { stdio: 'inherit' });
  app.on('exit', (code, signal) => {
    if (restarting) return;
    void stop().then(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

let timer;
function restart() {
  // The bundles rebuild on one save, one after the other: start once, after the last.
  clearTimeout(timer);
  timer = setTimeout(() => {
    if (!app) return start();
    restarting = true;
    app.once('exit', () => {
      restarting = false;
      process.stderr.write('\n'); // below the old app's last frame
      say('rebuilt: starting the app again');
      start();
    });
    app.kill('SIGTERM');
  }, 500);
}

const contexts = await Promise.all([
  context({ ...cliBuildOptions(join(out, 'dist')), plugins: [...cliBuildOptions(join(out, 'dist')).plugins, lifecycle] }),
  context({ ...tuiBuildOptions('src/chatLoader.ts', join(out, 'dist')), plugins: [...tuiBuildOptions('src/chatLoader.ts', join(out, 'dist')).plugins, lifecycle] }),
  chatScriptOptions(join(out, 'dist')).then((o) => context({ ...o, plugins: [...o.plugins, lifecycle] })),
]);
async function stop() {
  await Promise.all(contexts.map((c) => c.dispose()));
}
// Ctrl+C reaches the app (in the chat it is a key, not a signal); this process waits for it to exit.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {
  app?.kill('SIGTERM');
  void stop().then(() => process.exit(143));
});
await Promise.all(contexts.map((c) => c.watch()));
