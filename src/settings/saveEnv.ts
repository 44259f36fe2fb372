// Saving edited settings into $OPENWORK_HOME/.env: only the changed entries change (EnvDocument),
// the write is atomic and private, made holding a lock beside the file (envFile.ts), compared once
// more right before the rename and followed up after it, so no update is lost — not another save's,
// not a line a program appends meanwhile. A file that changed since it was read is never
// overwritten without the caller saying so. The runtime's watcher applies the result.
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { EnvDocument } from '../config/envDocument.js';
import type { Say } from '../i18n/en.js';
import { thrownWords, said } from '../i18n/said.js';
import { envReadWords } from '../config/readWords.js';
import { folderAccess, readIfExists, syncFolder, type FileSnapshot, type FolderAccess } from './atomicWrite.js';
import { EnvFileError, envTarget, onlyAppendedSince, readEnvBytes, removeStaleTemps, withEnvLock, writeTemp, writtenSince, type EnvBytes } from './envFile.js';

/** key → new value; undefined or '' removes the key. */
export type EnvChanges = Readonly<Record<string, string | undefined>>;

/** Applies `changes` to a .env text: set keys keep their line, new keys are appended, cleared keys are removed. */
export function applyEnvChanges(text: string, changes: EnvChanges, encodeValue: (v: string) => string = (v) => v): string {
  const doc = new EnvDocument(text);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') doc.unset(key);
    else if (doc.get(key) !== encodeValue(value)) doc.set(key, encodeValue(value));
  }
  return doc.toString();
}

/**
 * The same on the file's bytes. UTF-8 text is edited as text; anything else (a Latin-1 comment,
 * say) byte for byte, one character per byte, so lines the change does not touch keep their bytes.
 */
export function applyEnvChangesToBytes(bytes: Buffer, changes: EnvChanges): Buffer {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const binary = applyEnvChanges(bytes.toString('latin1'), changes, (v) => Buffer.from(v, 'utf8').toString('latin1'));
    return Buffer.from(binary, 'latin1');
  }
  return Buffer.from(applyEnvChanges(text, changes), 'utf8');
}

export interface SaveOptions {
  /**
   * The file as it was when the user started editing (`readIfExists`; undefined: it did not
   * exist). When the file differs from it now, nothing is written and 'conflict' is returned.
   */
  base: FileSnapshot | undefined;
  /** Save even though the file changed: the changes are applied to the file as it is now. */
  force?: boolean;
  /** Test hook, run after the temp file is written and synced, before the final check and the rename. */
  beforeRename?: (tempPath: string) => void;
}

export type SaveResult =
  | {
      status: 'saved';
      /** The file as written: the next `base`. */
      snapshot: FileSnapshot;
      createdDir: boolean;
      dir: FolderAccess;
    }
  /** Nothing to change: the file already says this (nothing written). */
  | { status: 'unchanged'; snapshot: FileSnapshot | undefined }
  /** The file changed on disk since `base`; nothing written. */
  | { status: 'conflict'; current: FileSnapshot | undefined }
  | { status: 'error'; message: string; say: Say };

/** Rounds of read, change, write when another program keeps replacing the file (then: 'conflict'). */
const ROUNDS = 20;

export function saveEnv(path: string, changes: EnvChanges, opts: SaveOptions): SaveResult {
  try {
    const target = envTarget(path);
    // A file that exists but cannot be read is said so, before the lock beside it is tried.
    try {
      const seen = readEnvBytes(target);
      if (seen) fs.closeSync(seen.fd);
    } catch (err) {
      if (err instanceof EnvFileError) throw err;
      return { status: 'error', ...said(envReadWords(path, err)) };
    }
    const folder = dirname(path);
    const createdDir = !fs.existsSync(folder);
    if (createdDir) {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      fs.chmodSync(folder, 0o700); // mkdir's mode is filtered by the umask
    }
    const result = withEnvLock(target, () => {
      removeStaleTemps(target);
      return saveLocked(path, target, changes, opts);
    });
    if (result.status !== 'saved') return result;
    return { ...result, createdDir, dir: folderAccess(folder) ?? { mode: 0o700, open: false } };
  } catch (err) {
    return { status: 'error', ...said(errorText(err, path)) };
  }
}

type Locked = Exclude<SaveResult, { status: 'saved' }> | { status: 'saved'; snapshot: FileSnapshot };

function saveLocked(path: string, target: string, changes: EnvChanges, opts: SaveOptions): Locked {
  for (let round = 0; round < ROUNDS; round++) {
    const seen = readEnvBytes(target);
    try {
      if (!opts.force && changed(seen, opts.base)) return { status: 'conflict', current: readIfExists(path) };
      if (seen && (seen.mode & 0o222) === 0) throw new EnvFileError('readOnlyFile', path);
      const next = applyEnvChangesToBytes(seen?.bytes ?? Buffer.alloc(0), changes);
      if (seen && next.equals(seen.bytes)) return { status: 'unchanged', snapshot: readIfExists(path) };
      if (!seen && next.length === 0) return { status: 'unchanged', snapshot: undefined };
      const temp = writeTemp(target, next, 0o600);
      try {
        opts.beforeRename?.(temp);
        // Once more, right before the rename: lines appended since the read are carried over
        // below; any other change means another round on the file as it is now (or, when the
        // caller did not ask to save over changes, 'conflict').
        if (!onlyAppendedSince(target, seen)) {
          fs.rmSync(temp, { force: true });
          if (!opts.force) return { status: 'conflict', current: readIfExists(path) };
          continue;
        }
        fs.renameSync(temp, target);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
      }
      syncFolder(dirname(target));
      // What a program appended to the old file after the read is in no file now: append it to
      // the new one (as it was written: an append, so nothing written there meanwhile is lost).
      const late = seen ? writtenSince(seen) : undefined;
      if (late === 'rewritten') throw new EnvFileError('raced', path);
      if (late?.length) fs.appendFileSync(target, late);
      const snapshot = readIfExists(path);
      if (!snapshot) return { status: 'error', ...said((m) => m.problems.vanished({ path })) };
      return { status: 'saved', snapshot };
    } finally {
      if (seen) fs.closeSync(seen.fd);
    }
  }
  return { status: 'conflict', current: readIfExists(path) };
}

/** Whether the file differs from what was read before: by content, so a touch is not a change and a change within one mtime tick is. */
function changed(now: EnvBytes | undefined, base: FileSnapshot | undefined): boolean {
  if (now === undefined || base === undefined) return now !== base;
  return now.hash !== base.hash;
}

/** Words for a .env that cannot be read (a folder, no permission…), naming the path. */
export function readErrorText(err: unknown, path: string): Say {
  if (err instanceof EnvFileError) return errorText(err, path);
  return envReadWords(path, err);
}

function errorText(err: unknown, path: string): Say {
  if (err instanceof EnvFileError) {
    const { why, target } = err;
    if (why === 'danglingLink') return (m) => m.problems.danglingLink({ path, target });
    return (m) => m.problems[why]({ path });
  }
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EISDIR') return (m) => m.problems.isFolder({ path });
  if (e.code === 'EACCES' || e.code === 'EPERM') return (m) => m.problems.cannotWrite({ path, why: 'denied' });
  if (e.code === 'EROFS') return (m) => m.problems.cannotWrite({ path, why: 'readonly' });
  if (e.code === 'ENOSPC') return (m) => m.problems.cannotWrite({ path, why: 'full' });
  const words = thrownWords(err);
  return (m) => m.problems.cannotSave({ error: words.say ? words.say(m) : words.message || undefined, path });
}
