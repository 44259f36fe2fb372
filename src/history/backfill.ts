// Schema v3/v4 in-word indexes (history/schema.ts) for messages written before them: checked in batches,
// newest first, each batch one short write transaction, so opening an old database blocks nothing
// (the chat keeps drawing and typing between batches; another instance waits microseconds).
import type BetterSqlite3 from 'better-sqlite3';
import { hasUnspaced } from './scripts.js';

/** Messages looked at per batch (a few ms on a loaded machine; long replies make it more). */
export const BACKFILL_ROWS = 500;

/**
 * Checks the next batch of messages written before v3 and marks those holding an unspaced script
 * (the trigger indexes them). Returns whether any remain.
 */
export function backfillStep(db: BetterSqlite3.Database, rows = BACKFILL_ROWS): boolean {
  return db
    .transaction(() => {
      const upto = db.prepare('SELECT upto FROM search_backfill').pluck().get() as number | undefined;
      if (upto === undefined) return false;
      const batch = db.prepare('SELECT id, text FROM messages WHERE id <= ? ORDER BY id DESC LIMIT ?').all(upto, rows) as { id: number; text: string }[];
      const mark = db.prepare('UPDATE messages SET unspaced = 1 WHERE id = ?');
      for (const m of batch) if (hasUnspaced(m.text)) mark.run(m.id);
      if (batch.length < rows) {
        db.prepare('DELETE FROM search_backfill').run();
        return false;
      }
      db.prepare('UPDATE search_backfill SET upto = ?').run(batch[batch.length - 1]!.id - 1);
      return true;
    })
    .immediate();
}

/** Whether messages written before v3 are still to be checked. */
export function backfillPending(db: BetterSqlite3.Database): boolean {
  return db.prepare('SELECT 1 FROM search_backfill').get() !== undefined;
}

/**
 * Runs the batches one event-loop turn apart until none remain, stop() is called, or one fails
 * (told to onError; the index stays as it is, and the next start goes on from there).
 */
export function backfillInBackground(db: BetterSqlite3.Database, onError: (err: unknown) => void): { stop(): void; done: Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const next = (): void => {
    timer = undefined;
    if (stopped) return finish();
    try {
      if (!backfillStep(db)) return finish();
    } catch (err) {
      onError(err);
      return finish();
    }
    timer = setTimeout(next, 0);
    timer.unref?.();
  };
  try {
    if (!backfillPending(db)) finish();
    else {
      timer = setTimeout(next, 0);
      timer.unref?.();
    }
  } catch (err) {
    onError(err);
    finish();
  }
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      finish();
    },
    done,
  };
}
