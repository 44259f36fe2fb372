// Saving edited settings into $OPENWORK_HOME/.env: only the changed entries change (EnvDocument),
// the write is atomic and private (atomicWrite), and a file that changed on disk since it was read
// is never overwritten without the caller saying so. The runtime's watcher applies the result.
import { EnvDocument } from '../config/envDocument.js';
import type { Say } from '../i18n/en.js';
import { errorWords, said } from '../i18n/said.js';
import { atomicWrite, readIfExists, type AtomicWriteOptions, type FileSnapshot, type FolderAccess } from './atomicWrite.js';

/** key → new value; undefined or '' removes the key. */
export type EnvChanges = Readonly<Record<string, string | undefined>>;

/** Applies `changes` to a .env text: set keys keep their line, new keys are appended, cleared keys are removed. */
export function applyEnvChanges(text: string, changes: EnvChanges): string {
  const doc = new EnvDocument(text);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') doc.unset(key);
    else if (doc.get(key) !== value) doc.set(key, value);
  }
  return doc.toString();
}

export interface SaveOptions {
  /**
   * The file as it was when the user started editing (`readIfExists`; undefined: it did not
   * exist). When the file differs from it now, nothing is written and 'conflict' is returned.
   */
  base: FileSnapshot | undefined;
  /** Save even though the file changed: the changes are applied to the file as it is now. */
  force?: boolean;
  /** Test hook, passed to atomicWrite. */
  beforeRename?: AtomicWriteOptions['beforeRename'];
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

export function saveEnv(path: string, changes: EnvChanges, opts: SaveOptions): SaveResult {
  try {
    const current = readIfExists(path);
    if (!opts.force && changed(current, opts.base)) return { status: 'conflict', current };
    const before = current?.text ?? '';
    const next = applyEnvChanges(before, changes);
    if (current !== undefined && next === before) return { status: 'unchanged', snapshot: current };
    if (current === undefined && next === '') return { status: 'unchanged', snapshot: undefined };
    const written = atomicWrite(path, next, opts.beforeRename ? { beforeRename: opts.beforeRename } : {});
    const snapshot = readIfExists(path);
    if (!snapshot) return { status: 'error', ...said((m) => m.problems.vanished({ path })) };
    return { status: 'saved', snapshot, createdDir: written.createdDir, dir: written.dir };
  } catch (err) {
    return { status: 'error', ...said(errorText(err, path)) };
  }
}

/** Whether the file differs from what was read before: by content, so a touch is not a change and a change within one mtime tick is. */
function changed(now: FileSnapshot | undefined, base: FileSnapshot | undefined): boolean {
  if (now === undefined || base === undefined) return now !== base;
  return now.hash !== base.hash;
}

function errorText(err: unknown, path: string): Say {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return (m) => m.problems.cannotWrite({ path, why: 'denied' });
  if (e.code === 'EROFS') return (m) => m.problems.cannotWrite({ path, why: 'readonly' });
  if (e.code === 'ENOSPC') return (m) => m.problems.cannotWrite({ path, why: 'full' });
  const words = errorWords(err);
  return (m) => m.problems.cannotSave({ error: words.say ? words.say(m) : words.message || undefined, path });
}
