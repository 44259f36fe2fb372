// Writing the .env file so that it is never left half-written: a private temp file in the same
// folder, fsync, rename over the target, fsync the folder. Plus the snapshot helpers behind the
// "the file changed on disk since this screen opened" check.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Mode of the written file. Default 0o600 (secrets); a looser existing file is tightened. */
  mode?: number;
  /** Mode of the folder when this call creates it. Default 0o700. */
  dirMode?: number;
  /** Test hook, run after the temp file is written and synced, before the rename. */
  beforeRename?: (tempPath: string) => void;
}

export interface FolderAccess {
  /** Permission bits of the folder, e.g. 0o755. */
  mode: number;
  /** True when group or others have any access (the folder is not 0o700 or stricter). */
  open: boolean;
}

export interface AtomicWriteResult {
  /** Whether the folder was missing and created (then with `dirMode`). */
  createdDir: boolean;
  /** The folder's permissions after the write; an existing folder is left as the user set it. */
  dir: FolderAccess;
}

export interface FileSnapshot {
  text: string;
  mtimeMs: number;
  /** sha256 of the file's bytes, hex. */
  hash: string;
}

/** Permissions of a folder, or undefined if it does not exist. */
export function folderAccess(dir: string): FolderAccess | undefined {
  try {
    const mode = fs.statSync(dir).mode & 0o777;
    return { mode, open: (mode & 0o077) !== 0 };
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export function atomicWrite(
  path: string,
  text: string,
  options: AtomicWriteOptions = {},
): AtomicWriteResult {
  const { mode = 0o600, dirMode = 0o700, beforeRename } = options;
  const folder = dirname(path);
  const createdDir = fs.mkdirSync(folder, { recursive: true, mode: dirMode }) !== undefined;
  if (createdDir) fs.chmodSync(folder, dirMode); // mkdir's mode is filtered by the umask

  // Write through a symlink (dotfile managers) instead of replacing the link with a file.
  const target = realTarget(path);
  const dir = dirname(target);
  const unique = `${process.pid}.${randomBytes(6).toString('hex')}`;
  const temp = join(dir, `.${basename(target)}.${unique}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    fs.fchmodSync(fd, mode); // the umask may have narrowed it; be exact
    fs.writeFileSync(fd, text, 'utf8');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    beforeRename?.(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
  return { createdDir, dir: folderAccess(folder) ?? { mode: dirMode, open: false } };
}

/** The file's text, mtime and content hash, or undefined if it does not exist. */
export function readIfExists(path: string): FileSnapshot | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  try {
    const { mtimeMs } = fs.fstatSync(fd);
    const bytes = fs.readFileSync(fd);
    return { text: bytes.toString('utf8'), mtimeMs, hash: hashOf(bytes) };
  } finally {
    fs.closeSync(fd);
  }
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function realTarget(path: string): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}

/** fsync the folder so the rename itself is durable; not possible on every platform. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows and some file systems refuse to open or sync a directory.
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed or unusable; nothing left to do
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
