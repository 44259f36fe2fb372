// The .env file's bytes, read and written for a save: exclusive (a lock beside the real file, with
// stale-lock recovery), checked once more right before the rename, and followed up after it, so
// neither another save nor a program appending to the file loses an update. Lines a save does not
// touch keep their bytes, UTF-8 or not.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import lockfile from 'proper-lockfile';

/** A lock not refreshed for this long belongs to a save that died (proper-lockfile's minimum is 5 s). */
const STALE_MS = 10_000;
/** How long a save waits for another one to finish before it says the file is busy. */
const WAIT_MS = 8_000;

export class EnvFileError extends Error {
  constructor(
    readonly why: 'readOnlyFile' | 'isFolder' | 'danglingLink' | 'busy' | 'raced' | 'cannotRead',
    readonly path: string,
    readonly target = path,
  ) {
    super(`${why}: ${path}`);
  }
}

/** The file behind `path` (a symlink is followed; a link to nothing is an error, never replaced). */
export function envTarget(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let link: string | undefined;
    try {
      link = fs.readlinkSync(path);
    } catch {
      return path; // no file and no link: a new file
    }
    throw new EnvFileError('danglingLink', path, resolve(dirname(path), link));
  }
}

/** Runs `fn` holding the save lock of `target` (`<target>.lock`); waits for another save, up to WAIT_MS. */
export function withEnvLock<T>(target: string, fn: () => T): T {
  fs.mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + WAIT_MS;
  let release: () => void;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      release = lockfile.lockSync(target, { realpath: false, stale: STALE_MS, lockfilePath: `${target}.lock` });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline) throw new EnvFileError('busy', target);
      sleepSync(pause);
    }
  }
  try {
    return fn();
  } finally {
    release();
  }
}

/** A back-off between lock attempts; the save is synchronous (the CLI and the settings screen wait for it). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface EnvBytes {
  bytes: Buffer;
  hash: string;
  mtimeMs: number;
  /** Permission bits. */
  mode: number;
  /** Open on the file read (its inode), to see what is written to it after a rename replaced it. */
  fd: number;
}

/** The file's bytes, or undefined when there is none. The caller closes `fd`. */
export function readEnvBytes(target: string): EnvBytes | undefined {
  let fd: number;
  try {
    fd = fs.openSync(target, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'EACCES' || code === 'EPERM') throw new EnvFileError('cannotRead', target);
    throw error;
  }
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) throw new EnvFileError('isFolder', target);
    const bytes = fs.readFileSync(fd);
    return { bytes, hash: hashOf(bytes), mtimeMs: st.mtimeMs, mode: st.mode & 0o7777, fd };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

export const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Whether the file at `target` is still the one `seen` was read from, at most with bytes appended (or still absent). */
export function onlyAppendedSince(target: string, seen: EnvBytes | undefined): boolean {
  let fd: number;
  try {
    fd = fs.openSync(target, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return seen === undefined;
    throw error;
  }
  try {
    if (!seen || fs.fstatSync(fd).ino !== fs.fstatSync(seen.fd).ino) return false;
    const head = Buffer.alloc(seen.bytes.length);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(seen.bytes);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * What was written to the file `seen` was read from after that read, now that a rename replaced it:
 * the bytes a program appended (they are in no file any more), 'rewritten' when it was not an append.
 */
export function writtenSince(seen: EnvBytes): Buffer | 'rewritten' | undefined {
  const size = fs.fstatSync(seen.fd).size;
  if (size === seen.bytes.length) {
    const again = Buffer.alloc(size);
    fs.readSync(seen.fd, again, 0, size, 0);
    return again.equals(seen.bytes) ? undefined : 'rewritten';
  }
  const all = Buffer.alloc(size);
  const n = fs.readSync(seen.fd, all, 0, size, 0);
  const now = all.subarray(0, n);
  if (n < seen.bytes.length || !now.subarray(0, seen.bytes.length).equals(seen.bytes)) return 'rewritten';
  return now.subarray(seen.bytes.length);
}

/** Temp files of saves killed before their rename (`.<name>.<pid>.<hex>.tmp`); called holding the lock. */
export function removeStaleTemps(target: string): void {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.[0-9a-f]+\.tmp$/.test(name.slice(prefix.length))) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    if (pid === process.pid) continue;
    fs.rmSync(join(dir, name), { force: true });
  }
}

/** Writes `bytes` to a private temp file beside `target`, synced; returns its path. */
export function writeTemp(target: string, bytes: Buffer, mode: number): string {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    fs.fchmodSync(fd, mode); // the umask may have narrowed it; be exact
    fs.writeFileSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return temp;
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
}
