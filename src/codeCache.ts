// The chat's own code (dist/chat.js) is a script compiled through node:vm with a V8 code cache:
// V8 then reads the functions the first run compiled instead of parsing and compiling them again at
// every start. The cache is this machine's, in $OPENWORK_HOME/cache/, made by the first run of each
// build on each Node version, right after that run's first frame (so it holds what a start needs).
// Ink and React stay ES modules (yoga-layout's top-level await needs the module loader).
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * What became of the cache at start: `used`; `none` (no file yet); `rejected` (V8 refused it: made by
 * another Node or damaged); `ignored` (not a private file of this user's, or too big: never read).
 */
export type CacheState = 'used' | 'none' | 'rejected' | 'ignored';

export interface CodeCache {
  readonly state: CacheState;
  readonly file: string;
  /**
   * Unless the cache was used: writes one from what has been compiled so far (atomically, 0600),
   * and removes the caches of other builds. What went wrong, if anything (a cache is only a speed-up).
   */
  save(): string | undefined;
}

/** The first line of a chat script, as the build writes it: its content hash names its cache. */
export const SCRIPT_HEADER = /^\/\/ openwork-tui chat ([0-9a-f]{16})\n/;
const CACHE_FILE = /^chat-([0-9a-f]{16})-.*\.bin$/;
const TMP_FILE = /^chat-.*\.bin\.\d+\.tmp$/;
/** Far above any real cache (the app's compiled code): a bigger file is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** The cache file, if it is a regular file of this user's that no one else can write. */
function readPrivate(file: string): { data?: Buffer; ignored?: boolean } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return {};
  }
  try {
    const st = fstatSync(fd);
    const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
    if (!st.isFile() || !mine || (st.mode & 0o022) !== 0 || st.size > MAX_CACHE_BYTES) return { ignored: true };
    return { data: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Older builds' caches (another hash) go, and a write a killed run left half-done; the caches of this
 * build for other Node versions stay.
 */
function removeStale(dir: string, hash: string): void {
  const now = Date.now();
  for (const f of readdirSync(dir)) {
    const built = CACHE_FILE.exec(f)?.[1];
    const orphan = TMP_FILE.test(f) && now - (statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? now) > 60_000;
    if ((built !== undefined && built !== hash) || orphan) rmSync(join(dir, f), { force: true });
  }
}

/**
 * Compiles the script at `file` with its cache from `dir` and runs it: the script is one function
 * expression (the build's wrapper), which is returned with the cache's fate.
 */
export function compileCached(file: string, dir: string): { fn: (...args: unknown[]) => unknown; cache: CodeCache } {
  const source = readFileSync(file, 'utf8');
  const hash = SCRIPT_HEADER.exec(source)?.[1];
  if (!hash) throw new Error(`${file} is not a chat script (no header): rebuild the app`);
  const name = `chat-${hash}-${process.version}-${process.arch}.bin`;
  const cacheFile = join(dir, name);
  const { data, ignored } = readPrivate(cacheFile);
  const script = new Script(source, { filename: file, ...(data ? { cachedData: data } : {}) });
  const state: CacheState = ignored ? 'ignored' : !data ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  const cache: CodeCache = {
    state,
    file: cacheFile,
    save() {
      if (state === 'used') return undefined;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        removeStale(dir, hash);
        return undefined;
      } catch (err) {
        return err instanceof Error ? err.message : String(err);
      }
    },
  };
  return { fn: script.runInThisContext() as (...args: unknown[]) => unknown, cache };
}
