// The recorder on a real database: what the chat saves, when.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHistory, type HistoryProblem } from '../../src/history/open.js';
import { CHAT_CACHE_KIB, CHECKPOINT_IDLE_MS, SAVE_EVERY_MS, SessionRecorder } from '../../src/history/recorder.js';
import type { SessionStore } from '../../src/history/store.js';
import { tempHome, type TempHome } from '../helpers/home.js';

let home: TempHome;
let clock = 0;
let rec: SessionRecorder;
let problems: HistoryProblem[];
beforeEach(() => {
  home = tempHome();
  clock = 1_000_000;
  problems = [];
  rec = new SessionRecorder({
    open: () => openHistory({ home: home.dir }),
    cwd: '/work/project',
    connection: () => 'LiteLLM proxy 127.0.0.1:3000',
    now: () => clock,
    onProblem: (p) => problems.push(p),
  });
});
afterEach(() => {
  vi.useRealTimers();
  rec.close();
  home.cleanup();
});

/** The writes the recorder defers to the next turn of the loop (after the frame), done. */
const written = async (): Promise<void> => {
  if (vi.isFakeTimers()) vi.runOnlyPendingTimers();
  else await new Promise((r) => setImmediate(r));
};
const rows = (s: SessionStore) => s.db.prepare('SELECT role, text, status, model, call_id AS callId, error_kind AS errorKind FROM messages ORDER BY id').all();

it('a prompt sent before the database is open is saved once it opens, with the session titled by it', async () => {
  rec.userSent('  Plan a trip to Lisbon\nwith kids', 'claude-3-5-sonnet');
  const s = (await rec.open())!;
  const [session] = s.list();
  expect(session).toMatchObject({ title: 'Plan a trip to Lisbon', cwd: '/work/project', messages: 1 });
  expect(s.messages(session!.id)[0]).toMatchObject({ text: '  Plan a trip to Lisbon\nwith kids', model: 'claude-3-5-sonnet', connection: 'LiteLLM proxy 127.0.0.1:3000' });
});

it('a streaming reply is saved at least once a second, then finally with its call id, usage and status', async () => {
  vi.useFakeTimers();
  const s = (await rec.open())!;
  rec.userSent('hi', 'm1');
  rec.replyStarted('m1');
  rec.replyMeta({ model: 'm1-served', callId: 'abc-123' });
  clock += SAVE_EVERY_MS; // a second after the start: saved at once
  rec.replyText('Hel');
  await written();
  expect(rows(s)[1]).toMatchObject({ text: 'Hel', status: 'streaming', model: 'm1-served', callId: 'abc-123' });
  clock += 200;
  rec.replyText('Hello');
  expect(rows(s)[1]).toMatchObject({ text: 'Hel' }); // not yet: saved within the second
  clock += SAVE_EVERY_MS - 200;
  vi.advanceTimersByTime(SAVE_EVERY_MS - 200);
  await written();
  expect(rows(s)[1]).toMatchObject({ text: 'Hello', status: 'streaming' });
  rec.replyEnded({ text: 'Hello there', status: 'done', inputTokens: 3, outputTokens: 2, cost: 0.001 });
  await written();
  expect(s.messages(s.list()[0]!.id)[1]).toMatchObject({ text: 'Hello there', status: 'done', callId: 'abc-123', inputTokens: 3, outputTokens: 2, cost: 0.001 });
});

it('a reply that failed before any text is kept as failed with its error kind; an interrupted one as interrupted', async () => {
  const s = (await rec.open())!;
  rec.userSent('one', 'm');
  rec.replyStarted('m');
  rec.replyEnded({ text: '', status: 'failed', errorKind: 'rate_limit' });
  rec.userSent('two', 'm');
  rec.replyStarted('m');
  rec.replyText('part');
  rec.replyEnded({ text: 'partial', status: 'interrupted' });
  await written();
  expect(rows(s).slice(1)).toMatchObject([
    { role: 'assistant', text: '', status: 'failed', errorKind: 'rate_limit' },
    { role: 'user', text: 'two' },
    { role: 'assistant', text: 'partial', status: 'interrupted' },
  ]);
  expect(s.list()).toHaveLength(1);
});

it('/new starts a new session with the next prompt; the old one stays', async () => {
  const s = (await rec.open())!;
  rec.userSent('first topic', 'm');
  rec.newSession();
  rec.userSent('second topic', 'm');
  expect(s.list().map((x) => x.title)).toEqual(['second topic', 'first topic']);
});

it('continues a given session', async () => {
  const s = (await rec.open())!;
  const id = s.createSession({ title: 'earlier', now: 1 });
  rec.continueSession(id);
  rec.userSent('more', 'm');
  expect(s.messages(id).map((m) => m.text)).toEqual(['more']);
});

it('saving off: nothing is written', async () => {
  const s = (await rec.open())!;
  rec.setEnabled(false);
  rec.userSent('secret plans', 'm');
  rec.replyStarted('m');
  rec.replyEnded({ text: 'ok', status: 'done' });
  expect(s.list()).toEqual([]);
});

it('a corrupt database: said once, nothing written, the chat calls go on without throwing', async () => {
  const junk = 'not a database\n'.repeat(100);
  writeFileSync(join(home.dir, 'sessions.db'), junk);
  rec.userSent('hello', 'm');
  expect(await rec.open()).toBeUndefined();
  rec.userSent('again', 'm');
  rec.replyStarted('m');
  rec.replyText('x');
  rec.replyEnded({ text: 'x', status: 'done' });
  expect(problems).toEqual([expect.objectContaining({ kind: 'corrupt' })]);
});

it('the system prompt and role go with the session: set before the first prompt, changed later, kept for /new', async () => {
  const s = (await rec.open())!;
  rec.setSystem('You review code.', 'reviewer');
  rec.userSent('look at this', 'm1');
  const first = s.list()[0]!;
  expect(first).toMatchObject({ systemPrompt: 'You review code.', role: 'reviewer' });
  rec.setSystem('Be brief.', undefined); // /system TEXT: no role any more
  expect(s.session(first.id)).toMatchObject({ systemPrompt: 'Be brief.', role: null });
  rec.newSession();
  rec.userSent('next', 'm1');
  const second = s.list().find((x) => x.id !== first.id)!;
  expect(second).toMatchObject({ systemPrompt: 'Be brief.', role: null });
  rec.setSystem(undefined, undefined); // /system clear
  expect(s.session(second.id)).toMatchObject({ systemPrompt: null, role: null });
});

it('the end of a reply is written after the frame that shows it (Esc answers first), in order with what follows, and at close', async () => {
  const s = (await rec.open())!;
  rec.userSent('one', 'm');
  rec.replyStarted('m');
  rec.replyText('x'.repeat(300_000)); // a long reply: its save re-indexes it for search
  rec.replyEnded({ text: 'x'.repeat(300_000), status: 'interrupted' });
  // Nothing written in the same turn as the Esc that ended it: the chat draws "interrupted" first.
  expect(rows(s)).toHaveLength(1);
  // The next prompt, sent before the deferred write ran, still comes after the reply.
  rec.userSent('two', 'm');
  rec.replyStarted('m');
  rec.replyEnded({ text: 'short', status: 'done' });
  rec.newSession(); // drains: the reply belongs to the first session
  expect(rows(s).map((r) => [(r as { role: string }).role, (r as { status: string }).status])).toEqual([
    ['user', 'done'],
    ['assistant', 'interrupted'],
    ['user', 'done'],
    ['assistant', 'done'],
  ]);
  expect(s.list()).toHaveLength(1);
  rec.userSent('three', 'm');
  rec.replyStarted('m');
  rec.replyEnded({ text: 'last', status: 'done' });
  rec.close(); // writes what is pending before closing
  const again = await openHistory({ home: home.dir });
  if (!again.ok) throw new Error('the database did not open again');
  expect(rows(again.store).at(-1)).toMatchObject({ role: 'assistant', text: 'last', status: 'done' });
  again.store.close();
});

it('the write-ahead log is folded into the database when the chat is quiet, not inside a write', async () => {
  vi.useFakeTimers();
  const s = (await rec.open())!;
  expect(s.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  // What a checkpoint would still copy: frames in the log (log) against those already copied (done).
  const pending = () => {
    const other = new (s.db.constructor as new (path: string) => SessionStore['db'])(s.db.name);
    try {
      const [r] = other.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
      return r!.log - r!.checkpointed;
    } finally {
      other.close();
    }
  };
  const reply = 'a few words of a reply '.repeat(400); // ~9 KB: 2+ pages a turn
  for (let i = 0; i < 600; i++) {
    rec.userSent(`question ${i}`, 'm');
    rec.replyStarted('m');
    rec.replyEnded({ text: reply, status: 'done' });
    vi.advanceTimersByTime(CHECKPOINT_IDLE_MS / 4); // a busy chat: never quiet for long
  }
  expect(pending()).toBeGreaterThan(1000); // past SQLite's own threshold: no write folded it
  vi.advanceTimersByTime(CHECKPOINT_IDLE_MS);
  expect(pending()).toBe(0);
});

it("the chat's connection keeps a small page cache, and a long session written through it reads back whole", async () => {
  const s = (await rec.open())!;
  expect(s.db.pragma('cache_size', { simple: true })).toBe(-CHAT_CACHE_KIB);
  // Far more pages than the cache holds (~1 MB of text and its index): every turn is still there and found.
  const reply = (i: number) => `reply ${i} ${'lorem ipsum dolor sit amet '.repeat(70)}tail${i}`;
  for (let i = 0; i < 500; i++) {
    rec.userSent(`question ${i}`, 'm1');
    rec.replyStarted('m1');
    rec.replyEnded({ text: reply(i), status: 'done' });
    await written();
  }
  const texts = rows(s).map((r) => (r as { text: string }).text);
  expect(texts).toHaveLength(1000);
  expect(texts[999]).toBe(reply(499));
  expect(s.search('tail250', 10).map((h) => h.id)).toEqual([s.list()[0]!.id]);
});
