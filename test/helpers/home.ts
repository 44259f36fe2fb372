// A throwaway $OPENWORK_HOME per test: never the real home directory.
import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempHome {
  dir: string;
  envPath: string;
  logFile: string;
  writeEnv(text: string): void;
  readLog(): string;
  cleanup(): void;
}

export function tempHome(): TempHome {
  const dir = mkdtempSync(join(tmpdir(), 'openwork-test-'));
  const envPath = join(dir, '.env');
  const logFile = join(dir, 'logs', 'openwork-tui.log');
  return {
    dir,
    envPath,
    logFile,
    writeEnv(text) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(envPath, text, { mode: 0o600 });
    },
    readLog: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Polls until fn() returns truthy (no fixed sleeps). */
export async function waitUntil<T>(fn: () => T | Promise<T>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

/**
 * A fresh $OPENWORK_HOME and a local test server for each test of the file (closed after it).
 * Read `f.home` / `f.server` inside tests: they are replaced before each one.
 */
export function eachHomeAndServer(opts: import('./llmServer.js').ServerOptions = {}): { home: TempHome; server: import('./llmServer.js').TestServer } {
  const f = {} as { home: TempHome; server: import('./llmServer.js').TestServer };
  beforeEach(async () => {
    const { startServer } = await import('./llmServer.js');
    f.home = tempHome();
    f.server = await startServer(opts);
  });
  afterEach(async () => {
    await f.server.close();
    f.home.cleanup();
  });
  return f;
}
