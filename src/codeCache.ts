// The chat's own code (dist/chat.js) is a script compiled through node:vm with a V8 code cache:
// V8 then reads the functions the first run compiled instead of parsing and compiling them again at
// every start. The cache is this machine's, in $OPENWORK_HOME/cache/, made by the first run of each
// build on each Node version (and set of Node flags), right after that run's first frame, so it
// holds what a start needs. Ink and React stay ES modules (yoga-layout's top-level await needs the
// module loader). V8 checks only a cache's length, its own version and its flags: a damaged one can
// crash V8 or run the wrong code, and one made from an edited script would run the old code. So a
// cache file names the script file it was made from (size and time) and carries a CRC-32 of its data.
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * What became of the cache at start: `used`; `none` (no file yet); `rejected` (made from another
 * script file or by another Node, or damaged: replaced); `ignored` (a file or folder others could
 * have written, or not a plain file: never read, and a folder like that is not written either);
 * `off` (this Node has no zlib.crc32, before 20.15: no cache).
 */
export type CacheState = 'used' | 'none' | 'rejected' | 'ignored' | 'off';

export interface CodeCache {
  readonly state: CacheState;
  readonly file: string;
  /**
   * Unless the cache was used: writes one from what has been compiled so far (atomically, 0600),
   * and keeps the newest few in the folder. What went wrong, if anything (a cache is only a speed-up).
   */
  save(): string | undefined;
}

/** The first line of a chat script, as the build writes it: its content hash names its cache. */
export const SCRIPT_HEADER = /^\/\/ openwork-tui chat ([0-9a-f]{16})\n/;
/** "OWCC", the format, the script file's size and modification time, the data's CRC-32; then V8's data. */
const MAGIC = 0x4f574343;
const FORMAT = 3;
const HEADER_BYTES = 24;
/** Far above any real cache (the app's compiled code): a bigger file is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** Caches kept in the folder (other builds, Node versions or flags sharing the home), newest first. */
const KEEP = 4;
const CACHE_FILE = /^chat-[0-9a-f]{16}-.*\.bin$/;
const TMP_FILE = /^chat-.*\.bin\.\d+\.[0-9a-f]+\.tmp$/;

/** zlib.crc32 (Node 20.15+), loaded only to read or write a cache (not with the first frame of a start without one). */
const crc32 = (): ((data: Uint8Array) => number) | undefined => (createRequire(import.meta.url)('node:zlib') as { crc32?: (data: Uint8Array) => number }).crc32;
const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;

/** Owned by this user and writable by no one else (where there are no uids, Windows, not checked). */
const mine = (st: Stats): boolean => uid === undefined || (st.uid === uid && (st.mode & 0o022) === 0);

function folderState(dir: string): 'missing' | 'trusted' | 'untrusted' {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && mine(st) ? 'trusted' : 'untrusted';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'untrusted';
  }
}

/** The file, if it is a plain file of this user's that no one else can write or has a link to. */
function readPrivate(file: string): { blob?: Buffer; ignored?: boolean } {
  let fd: number;
  try {
    // Not through a symlink; a FIFO must not block the start.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? {} : { ignored: true };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || !mine(st) || (uid !== undefined && st.nlink !== 1) || st.size > MAX_CACHE_BYTES) return { ignored: true };
    return { blob: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

function header(script: Stats, dataCrc: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.writeUInt32BE(MAGIC, 0);
  h.writeUInt32BE(FORMAT, 4);
  h.writeUInt32BE(script.size >>> 0, 8);
  h.writeDoubleBE(script.mtimeMs, 12);
  h.writeUInt32BE(dataCrc >>> 0, 20);
  return h;
}

/** V8's data from a cache file made from this script file and whole, or undefined. */
function unpack(blob: Buffer, script: Stats, check: (data: Uint8Array) => number): Buffer | undefined {
  if (blob.length <= HEADER_BYTES) return undefined;
  const data = blob.subarray(HEADER_BYTES);
  return blob.subarray(0, HEADER_BYTES).equals(header(script, check(data))) ? data : undefined;
}

/** 32-bit FNV-1a: short and stable, for the file name of a set of flags. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}

/** Node's flags (V8 refuses a cache made under others): caches made under other flags keep their own file. */
export function flagsKey(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): string {
  const flags = [...execArgv, nodeOptions ?? ''].join(' ').trim();
  return flags ? `-${fnv(flags)}` : '';
}

/** Keeps the KEEP newest caches, and removes what a killed run left half-written a minute ago or more. */
function prune(dir: string): void {
  const now = Date.now();
  const caches: { f: string; at: number }[] = [];
  for (const f of readdirSync(dir)) {
    const at = statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs;
    if (at === undefined) continue;
    if (CACHE_FILE.test(f)) caches.push({ f, at });
    else if (TMP_FILE.test(f) && now - at > 60_000) rmSync(join(dir, f), { force: true });
  }
  caches.sort((a, b) => b.at - a.at);
  for (const { f } of caches.slice(KEEP)) rmSync(join(dir, f), { force: true });
}

/**
 * Compiles the script at `file` with its cache from `dir` and runs it: the script is one function
 * expression (the build's wrapper), which is returned with the cache's fate.
 */
export function compileCached(file: string, dir: string, flags = flagsKey()): { fn: (...args: unknown[]) => unknown; cache: CodeCache } {
  const fd = openSync(file, 'r');
  let scriptStat: Stats;
  let source: string;
  try {
    scriptStat = fstatSync(fd);
    source = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
  const hash = SCRIPT_HEADER.exec(source)?.[1];
  if (!hash) throw new Error(`${file} is not a chat script (no header): rebuild the app`);
  const name = `chat-${hash}-${process.version}-${process.arch}${flags}.bin`;
  const cacheFile = join(dir, name);
  const folder = folderState(dir);
  const { blob, ignored } = folder === 'trusted' ? readPrivate(cacheFile) : {};
  const check = blob ? crc32() : undefined;
  const data = blob && check ? unpack(blob, scriptStat, check) : undefined;
  const script = new Script(source, { filename: file, ...(data ? { cachedData: data } : {}) });
  const off = blob !== undefined && !check;
  const state: CacheState = off ? 'off' : folder === 'untrusted' || ignored ? 'ignored' : !blob ? 'none' : !data || script.cachedDataRejected ? 'rejected' : 'used';
  const cache: CodeCache = {
    state,
    file: cacheFile,
    save() {
      if (state === 'used' || state === 'off') return undefined;
      if (folder === 'untrusted') return `${dir} is not a private folder of this user's: no code cache is kept there`;
      const tmp = `${cacheFile}.${process.pid}.${Math.floor(Math.random() * 0xffffffff).toString(16)}.tmp`;
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        if (folderState(dir) !== 'trusted') return `${dir} is not a private folder of this user's: no code cache is kept there`;
        const v8Data = script.createCachedData();
        const sum = crc32();
        if (!sum) return 'this Node has no zlib.crc32 (Node 20.15 or later has): no code cache';
        // 'wx': a new file, never through whatever sits at that name; on disk before it takes the name.
        const out = openSync(tmp, 'wx', 0o600);
        try {
          writeFileSync(out, Buffer.concat([header(scriptStat, sum(v8Data)), v8Data]));
          fsyncSync(out);
        } finally {
          closeSync(out);
        }
        renameSync(tmp, cacheFile);
      } catch (err) {
        rmSync(tmp, { force: true });
        return err instanceof Error ? err.message : String(err);
      }
      try {
        prune(dir);
      } catch {
        // a folder that cannot be listed keeps its old caches; this one is saved
      }
      return undefined;
    },
  };
  return { fn: script.runInThisContext() as (...args: unknown[]) => unknown, cache };
}
