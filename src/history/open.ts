// Opens $OPENWORK_HOME/sessions.db. better-sqlite3's native addon is loaded here, on first use, never
// at start-up (its JavaScript is bundled into the file that holds this one, loaded after the first
// frame). Every way this can fail is an answer ({ ok: false }), not a throw: the chat goes on without
// history and says why. The file is never deleted, replaced or downgraded.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { classify, type HistoryProblem } from './problem.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { unspacedUnits } from './scripts.js';
import { SessionStore } from './store.js';

export const DB_FILE = 'sessions.db';
/** How long a write waits for another instance's transaction (all of them are short). */
export const BUSY_TIMEOUT_MS = 5000;

export type { HistoryProblem } from './problem.js';
export { classify, historyOffByEnv } from './problem.js';
export { SCHEMA_VERSION } from './schema.js';

export type HistoryOpen = { ok: true; store: SessionStore; path: string } | { ok: false; problem: HistoryProblem; path: string };

let addon: object | undefined;
/**
 * The compiled addon, loaded once and handed to better-sqlite3: its own finder (`bindings`) tries a
 * dozen paths, and cannot look from a bundle.
 */
function loadAddon(): object {
  const req = createRequire(import.meta.url);
  return (addon ??= req(join(dirname(req.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')) as object);
}

export interface OpenOptions {
  home: string;
}

export async function openHistory(opts: OpenOptions): Promise<HistoryOpen> {
  const path = join(opts.home, DB_FILE);
  let nativeBinding: object;
  try {
    nativeBinding = loadAddon();
  } catch (err) {
    return { ok: false, problem: { kind: 'unavailable', detail: err instanceof Error ? err.message : String(err) }, path };
  }
  let db: Database.Database | undefined;
  try {
    mkdirSync(opts.home, { recursive: true, mode: 0o700 });
    // Created here with mode 0600 so SQLite never makes it with the umask's; its -wal and -shm files
    // take the same mode. An existing file is opened as it is ('a' neither truncates nor writes).
    closeSync(openSync(path, 'a', 0o600));
    db = new Database(path, { nativeBinding: nativeBinding as unknown as string }); // an addon object is accepted too (its types say string)
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Reading the version reads the header: a file that is not a database fails here.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      db.close();
      return { ok: false, problem: { kind: 'newer', version }, path };
    }
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // a damaged schema page fails here
    if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // with WAL: a commit survives a crash of the app (kill -9)
    db.pragma('foreign_keys = ON');
    // Schema v4's triggers call it: without it a write of such a message fails ("no such function").
    db.function('unspaced_units', { deterministic: true }, (text: unknown) => unspacedUnits(String(text)));
    migrate(db);
    const store = new SessionStore(db);
    void store.startBackfill(); // messages from before v3/v4 into the in-word indexes, a batch a turn
    return { ok: true, store, path };
  } catch (err) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    return { ok: false, problem: classify(err), path };
  }
}

/** Runs the missing migrations, each in its own write transaction (a second instance waits, then sees them done). */
function migrate(db: Database.Database): void {
  for (;;) {
    const step = db
      .transaction(() => {
        const v = db.pragma('user_version', { simple: true }) as number;
        if (v > SCHEMA_VERSION) throw Object.assign(new Error(`schema version ${v}`), { code: 'OPENWORK_NEWER', version: v });
        if (v === SCHEMA_VERSION) return false;
        db.exec(MIGRATIONS[v]!);
        db.pragma(`user_version = ${v + 1}`);
        return true;
      })
      .immediate();
    if (!step) return;
  }
}
