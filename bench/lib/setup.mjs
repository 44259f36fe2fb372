// Everything the rows share: paths, the bundled test server, the baseline Ink app (bundled exactly
// like scripts/build.mjs bundles the app), and throwaway $OPENWORK_HOME folders.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tuiBuildOptions } from '../../scripts/buildOptions.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The app's launcher; BENCH_BIN runs the rows against another one (e.g. an unminified build to profile). */
export const BIN = process.env.BENCH_BIN ? resolve(process.env.BENCH_BIN) : join(ROOT, 'bin/openwork-tui.cjs');
export const OUT = join(ROOT, '.tmp/bench');
export const PROBE = join(ROOT, 'bench/lib/probe.mjs');
export const PLAIN_STREAM = join(ROOT, 'bench/baseline/stream-plain.mjs');
export const BASELINE_BIN = join(ROOT, 'bench/baseline/bin.cjs');
export const MODEL = 'claude-3-5-sonnet';

/** Builds the test server and the baseline app into .tmp/bench/. */
export async function prepare() {
  mkdirSync(OUT, { recursive: true });
  rmSync(join(OUT, 'baseline'), { recursive: true, force: true });
  await Promise.all([
    build({
      entryPoints: [join(ROOT, 'test/helpers/llmServer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: join(OUT, 'llmServer.mjs'),
      logLevel: 'warning',
    }),
    build(tuiBuildOptions(join(ROOT, 'bench/baseline/ink-app.jsx'), join(OUT, 'baseline'))),
  ]);
  const { startServer } = await import(pathToFileURL(join(OUT, 'llmServer.mjs')).href);
  return { startServer };
}

const homes = [];

/** A throwaway $OPENWORK_HOME whose .env points at `url`. */
export function tempHome(url) {
  const dir = mkdtempSync(join(tmpdir(), 'openwork-bench-'));
  homes.push(dir);
  const envPath = join(dir, '.env');
  if (url) writeFileSync(envPath, envText(url), { mode: 0o600 });
  return {
    dir,
    envPath,
    /** Replaces .env the way editors and the app's own writer do: write a sibling, then rename. */
    switchTo(nextUrl) {
      const tmp = join(dir, `.env.bench-${process.pid}`);
      writeFileSync(tmp, envText(nextUrl), { mode: 0o600 });
      renameSync(tmp, envPath);
    },
  };
}

export function envText(url) {
  return `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=sk-test-master\n`;
}

export function cleanupHomes() {
  for (const d of homes.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** The environment of a measured process: nothing from the bench's own environment but PATH. */
export function childEnv(home, extra = {}) {
  return {
    PATH: process.env.PATH,
    HOME: home,
    OPENWORK_HOME: home,
    LANG: 'C.UTF-8',
    ...extra,
  };
}

/** NODE_OPTIONS + output path for the CPU/memory probe. */
export function probeEnv(file) {
  return { NODE_OPTIONS: `--import=${pathToFileURL(PROBE).href}`, BENCH_PROBE_OUT: file };
}

export function readProbe(file) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  return { ...p, cpuMs: (p.userUs + p.systemUs) / 1000 };
}

let probeSeq = 0;
export const probeFile = (name) => join(OUT, `probe-${name}-${process.pid}-${++probeSeq}.json`);
