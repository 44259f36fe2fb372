// The sessions database on a real SQLite file in a temporary $OPENWORK_HOME.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHistory, historyOffByEnv } from '../../src/history/open.js';
import { SCHEMA_VERSION } from '../../src/history/schema.js';
import { titleFrom, type SessionStore } from '../../src/history/store.js';
import { ftsQuery } from '../../src/history/query.js';
import { tempHome, type TempHome } from '../helpers/home.js';

let home: TempHome;
let store: SessionStore | undefined;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  store?.close();
  store = undefined;
  home.cleanup();
});

async function open(dir = home.dir): Promise<SessionStore> {
  const r = await openHistory({ home: dir });
  if (!r.ok) throw new Error(`history did not open: ${JSON.stringify(r.problem)}`);
  store = r.store;
  return r.store;
}

describe('opening', () => {
  it('creates sessions.db private (0600, folder 0700) in WAL mode at the current schema version', async () => {
    const dir = join(home.dir, 'fresh');
    const s = await open(dir);
    expect(statSync(join(dir, 'sessions.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(Number(s.db.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    s.createSession({ title: 't', now: 1 });
    // the WAL file SQLite creates takes the database's mode
    expect(statSync(join(dir, 'sessions.db-wal')).mode & 0o777).toBe(0o600);
  });

  it('opens an existing database again and keeps what it holds', async () => {
    const s = await open();
    const id = s.createSession({ title: 'kept', now: 5 });
    s.addMessage(id, { role: 'user', text: 'hello', now: 5 });
    s.close();
    const again = await open();
    expect(again.messages(id).map((m) => m.text)).toEqual(['hello']);
  });

  it('a file that is not a database: unavailable (corrupt), and the file is left byte for byte', async () => {
    const file = join(home.dir, 'sessions.db');
    const junk = 'this is not a database, but it is somebody\'s file\n'.repeat(200);
    writeFileSync(file, junk);
    const r = await openHistory({ home: home.dir });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.kind).toBe('corrupt');
    expect(readFileSync(file, 'utf8')).toBe(junk);
  });

  it('a database from a newer version: unavailable (newer), never migrated down or written', async () => {
    const s = await open();
    s.db.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    s.close();
    store = undefined;
    const file = join(home.dir, 'sessions.db');
    const before = readFileSync(file);
    const r = await openHistory({ home: home.dir });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 3 });
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a folder it cannot write: unavailable, with the reason', async () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere: make the path a file instead
      writeFileSync(join(home.dir, 'blocked'), 'x');
    } else chmodSync(home.dir, 0o500);
    const r = await openHistory({ home: join(home.dir, 'blocked') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.kind).toBe('unavailable');
  });

  it('migrates a version-1 database: messages kept, search works with the new index', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { MIGRATIONS } = await import('../../src/history/schema.js');
    const old = new Database(join(home.dir, 'sessions.db'));
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO sessions (title, created, updated) VALUES ('v1 chat', 1, 1)").run();
    old.prepare("INSERT INTO messages (session_id, role, text, created, updated) VALUES (1, 'user', 'an armadillo question', 1, 1)").run();
    old.close();
    const s = await open();
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(s.search('arma').map((h) => h.title)).toEqual(['v1 chat']);
    const id = s.createSession({ title: 'new', now: 2 });
    s.addMessage(id, { role: 'user', text: 'armadillos again', now: 2 });
    expect(s.search('armadillo').map((h) => h.title)).toEqual(['v1 chat', 'new']); // the whole word first
    expect(s.search('armadillos').map((h) => h.title)).toEqual(['new']);
  });

  it('OPENWORK_HISTORY=off (or 0/false/no) turns history off', () => {
    for (const v of ['off', 'OFF', '0', 'false', 'no']) expect(historyOffByEnv({ OPENWORK_HISTORY: v })).toBe(true);
    for (const v of [undefined, '', 'on', '1']) expect(historyOffByEnv({ OPENWORK_HISTORY: v })).toBe(false);
  });
});

describe('sessions and messages', () => {
  it('keeps every field of a message, and the session summary counts them', async () => {
    const s = await open();
    const id = s.createSession({ title: titleFrom('  what is\n a monad?'), cwd: '/w/proj', now: 1000 });
    s.addMessage(id, { role: 'user', text: 'what is\n a monad?', model: 'claude-3-5-sonnet', connection: 'LiteLLM proxy 127.0.0.1:3000', now: 1000 });
    const reply = s.addMessage(id, { role: 'assistant', text: 'A mon', status: 'streaming', model: 'claude-3-5-sonnet', now: 1100 });
    s.updateMessage(reply, { text: 'A monoid in the category of endofunctors.', status: 'done', callId: 'call-1', inputTokens: 12, outputTokens: 9, cost: 0.00042 }, 2000);
    const [u, a] = s.messages(id);
    expect(u).toMatchObject({ role: 'user', text: 'what is\n a monad?', connection: 'LiteLLM proxy 127.0.0.1:3000', status: 'done', created: 1000 });
    expect(a).toMatchObject({ role: 'assistant', status: 'done', callId: 'call-1', inputTokens: 12, outputTokens: 9, cost: 0.00042, created: 1100, updated: 2000 });
    expect(s.session(id)).toMatchObject({ title: 'what is', cwd: '/w/proj', messages: 2, model: 'claude-3-5-sonnet', updated: 2000, systemPrompt: null, role: null });
  });

  it('lists newest first, by folder, and finds the one to continue', async () => {
    const s = await open();
    const a = s.createSession({ title: 'a', cwd: '/one', now: 1 });
    const b = s.createSession({ title: 'b', cwd: '/two', now: 2 });
    const c = s.createSession({ title: 'c', cwd: '/one', now: 3 });
    s.addMessage(a, { role: 'user', text: 'x', now: 10 }); // a is now the most recent
    expect(s.list().map((x) => x.id)).toEqual([a, c, b]);
    expect(s.list({ cwd: '/one' }).map((x) => x.id)).toEqual([a, c]);
    expect(s.latest('/two')?.id).toBe(b);
    expect(s.latest('/elsewhere')?.id).toBe(a);
  });

  it('renames and removes (with its messages and their search entries)', async () => {
    const s = await open();
    const id = s.createSession({ title: 'old', now: 1 });
    s.addMessage(id, { role: 'user', text: 'zebra crossing', now: 1 });
    expect(s.rename(id, 'new name', 2)).toBe(true);
    expect(s.session(id)?.title).toBe('new name');
    expect(s.search('zebra').map((h) => h.id)).toEqual([id]);
    expect(s.remove(id)).toBe(true);
    expect(s.session(id)).toBeUndefined();
    expect(s.search('zebra')).toEqual([]);
    expect(s.db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
    expect(s.remove(id)).toBe(false);
  });

  it('recent prompts across sessions, oldest first', async () => {
    const s = await open();
    const a = s.createSession({ title: 'a', now: 1 });
    s.addMessage(a, { role: 'user', text: 'first', now: 1 });
    s.addMessage(a, { role: 'assistant', text: 'reply', now: 2 });
    const b = s.createSession({ title: 'b', now: 3 });
    s.addMessage(b, { role: 'user', text: 'second', now: 3 });
    s.addMessage(b, { role: 'user', text: 'third', now: 4 });
    expect(s.recentPrompts(2)).toEqual(['second', 'third']);
    expect(s.recentPrompts(10)).toEqual(['first', 'second', 'third']);
  });

  it('a session to continue: every message as role and text, the last ones whole, in order', async () => {
    const s = await open();
    const id = s.createSession({ title: 't', now: 1 });
    const other = s.createSession({ title: 'o', now: 1 });
    for (let i = 0; i < 5; i++) {
      s.addMessage(id, { role: 'user', text: `q${i}`, now: i });
      s.addMessage(other, { role: 'user', text: `other${i}`, now: i });
      s.addMessage(id, { role: 'assistant', text: `a${i}`, model: 'm', status: i === 4 ? 'interrupted' : 'done', now: i });
    }
    const { all, tail } = s.continuation(id, 3);
    expect(all).toEqual(Array.from({ length: 5 }, (_, i) => [{ role: 'user', text: `q${i}` }, { role: 'assistant', text: `a${i}` }]).flat());
    expect(tail.map((m) => m.text)).toEqual(['a3', 'q4', 'a4']);
    expect(tail[2]).toMatchObject({ status: 'interrupted', model: 'm', sessionId: id });
    expect(s.continuation(id, 100).tail).toHaveLength(10);
  });

  it('keeps the system prompt and role fields of a session', async () => {
    const s = await open();
    const id = s.createSession({ title: 't', now: 1, systemPrompt: 'be brief' });
    s.setSessionFields(id, { role: 'reviewer' });
    expect(s.session(id)).toMatchObject({ systemPrompt: 'be brief', role: 'reviewer' });
  });
});

describe('search', () => {
  it('finds every word (the last as a prefix), newest first, with the hit marked in the snippet', async () => {
    const s = await open();
    const old = s.createSession({ title: 'old', now: 1 });
    s.addMessage(old, { role: 'user', text: 'tell me about the quokka of Rottnest Island', now: 1 });
    const recent = s.createSession({ title: 'recent', now: 2 });
    s.addMessage(recent, { role: 'assistant', text: 'The quokka is a small marsupial.', now: 2 });
    s.createSession({ title: 'other', now: 3 });
    expect(s.search('quokka').map((h) => h.id)).toEqual([recent, old]);
    expect(s.search('quok').map((h) => h.id)).toEqual([recent, old]);
    expect(s.search('quokka rott').map((h) => h.id)).toEqual([old]);
    const [hit] = s.search('marsupial');
    expect(hit?.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['marsupial']);
    expect(hit?.snippet.map((p) => p.text).join('')).toContain('small marsupial');
  });

  it('sessions with the whole last word come first, then those with longer words it starts', async () => {
    const s = await open();
    const whole = s.createSession({ title: 'a', now: 1 });
    s.addMessage(whole, { role: 'user', text: 'write a test for it', now: 1 });
    const longer = s.createSession({ title: 'b', now: 2 });
    s.addMessage(longer, { role: 'user', text: 'testing in production', now: 2 });
    const both = s.createSession({ title: 'c', now: 3 });
    s.addMessage(both, { role: 'user', text: 'the test suite', now: 3 });
    expect(s.search('test').map((h) => h.id)).toEqual([both, whole, longer]);
    expect(s.search('test', 2).map((h) => h.id)).toEqual([both, whole]);
    expect(s.search('testi').map((h) => h.id)).toEqual([longer]);
    expect(s.search('the test').map((h) => h.id)).toEqual([both]);
    expect(ftsQuery('a b', false)).toBe('"a" "b"');
  });

  it('a title that matches counts (a renamed session)', async () => {
    const s = await open();
    const id = s.createSession({ title: 'x', now: 1 });
    s.addMessage(id, { role: 'user', text: 'nothing relevant', now: 1 });
    s.rename(id, 'Budget planning 2027', 2);
    expect(s.search('budget').map((h) => h.id)).toEqual([id]);
  });

  it('what is typed is never query syntax', async () => {
    const s = await open();
    const id = s.createSession({ title: 't', now: 1 });
    s.addMessage(id, { role: 'user', text: 'use "NEAR" and OR or -x: col* here', now: 1 });
    for (const q of ['"', 'OR', 'NEAR(', '-x:', 'col*', ')', '""""', 'a AND', '*']) expect(() => s.search(q)).not.toThrow();
    expect(s.search('"NEAR"').map((h) => h.id)).toEqual([id]);
    expect(ftsQuery('a "b"')).toBe('"a" """b"""*');
  });

  it('one hit per session, up to the limit', async () => {
    const s = await open();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const id = s.createSession({ title: `s${i}`, now: i });
      ids.push(id);
      for (let j = 0; j < 4; j++) s.addMessage(id, { role: 'user', text: `walrus ${j}`, now: i });
    }
    expect(s.search('walrus', 3).map((h) => h.id)).toEqual([ids[4], ids[3], ids[2]]);
  });
});
