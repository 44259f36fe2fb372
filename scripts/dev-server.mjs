// Starts the local test server (test/helpers/llmServer.ts) for trying the app by hand:
//   node scripts/dev-server.mjs [--port 3000] [--flavor litellm|anthropic|plain] [--delay MS] [--fault F] [--drop-params]
// Like a LiteLLM set up as in the seed guide, it refuses `stream_options` for its anthropic/* models
// with a 500, unless --drop-params (the proxy's `litellm_settings: drop_params: true`) is given.
// It listens on 127.0.0.1 only. Ctrl+C stops it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
mkdirSync('.tmp', { recursive: true });
await build({ entryPoints: ['test/helpers/llmServer.ts'], bundle: true, platform: 'node', format: 'esm', outfile: '.tmp/llmServer.mjs', logLevel: 'warning' });
const { startServer } = await import(new URL('../.tmp/llmServer.mjs', import.meta.url).href);
const s = await startServer({
  flavor: arg('flavor', 'litellm'),
  chunkDelayMs: Number(arg('delay', '15')),
  port: Number(arg('port', '0')),
  dropParams: process.argv.includes('--drop-params'),
});
if (arg('fault')) s.fault = arg('fault');
const reply = arg('reply');
if (reply) for (const m of s.options.models ?? []) s.setReply(m.name, reply);
process.stdout.write(`${s.url}${s.options.dropParams ? ' (drop_params: true)' : ''}\n`);
process.on('SIGINT', () => s.close().then(() => process.exit(0)));
process.on('SIGTERM', () => s.close().then(() => process.exit(0)));
