// A reply too long to keep on screen is saved whole to a file ($OPENWORK_HOME/replies/…), written
// as it arrives so memory stays flat whatever its size. Sync writes: each is one flush's worth
// (40 ms of stream), and a failed write (disk full) stops the saving, never the reply.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface ReplyFile {
  readonly path: string;
  /** False once a write failed: the file has only the start of the reply. */
  readonly ok: boolean;
  write(text: string): void;
  close(): void;
}

/** Opens a new file (0600, in a 0700 folder) for one reply; throws when it cannot be created. */
export function openReplyFile(dir: string, now: Date = new Date()): ReplyFile {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  // Math.random, not node:crypto: this module is in the first frame's files, and loading node:crypto
  // costs a few ms there (bench launch row); 'wx' below refuses a name already taken anyway.
  const path = join(dir, `reply-${stamp}-${Math.floor(Math.random() * 0x1000000).toString(16).padStart(6, '0')}.md`);
  let fd: number | undefined = openSync(path, 'wx', 0o600);
  let ok = true;
  return {
    path,
    get ok() {
      return ok;
    },
    write(text) {
      if (fd === undefined || !ok || text === '') return;
      try {
        writeSync(fd, text);
      } catch {
        ok = false;
      }
    },
    close() {
      if (fd === undefined) return;
      try {
        closeSync(fd);
      } catch {
        // nothing more to save
      }
      fd = undefined;
    },
  };
}
