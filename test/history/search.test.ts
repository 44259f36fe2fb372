// In-word search for scripts written without spaces (schema v3's trigram index), on a real
// sessions.db in a temporary $OPENWORK_HOME, and the migration of a version-2 file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openHistory } from '../../src/history/open.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/history/schema.js';
import { backfillPending, BACKFILL_ROWS } from '../../src/history/backfill.js';
import type { SearchHit, SessionStore } from '../../src/history/store.js';
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

async function open(): Promise<SessionStore> {
  const r = await openHistory({ home: home.dir });
  if (!r.ok) throw new Error(`history did not open: ${JSON.stringify(r.problem)}`);
  store = r.store;
  return r.store;
}

const hitWords = (h: SearchHit | undefined) => h?.snippet.filter((p) => p.hit).map((p) => p.text);
const GUIDE = 'LiteLLM代理服务器配置指南';

describe('search inside runs of Chinese and Japanese', () => {
  it('finds a word inside a run without spaces: 2 characters, 3 or more, 1, mixed with Latin', async () => {
    const s = await open();
    const guide = s.createSession({ title: '问题', now: 1 });
    s.addMessage(guide, { role: 'user', text: `请写一份${GUIDE}，要详细`, now: 1 });
    const other = s.createSession({ title: 'その他', now: 2 });
    s.addMessage(other, { role: 'assistant', text: '東京の天気は晴れです', now: 2 });
    s.createSession({ title: 'plain', now: 3 });
    const ids = (q: string) => s.search(q).map((h) => h.id);
    expect(ids('配置')).toEqual([guide]);
    expect(ids('服务器')).toEqual([guide]);
    expect(ids('代理服务器配置')).toEqual([guide]);
    expect(ids('配置 指南')).toEqual([guide]);
    expect(ids('配')).toEqual([guide]);
    expect(ids('天気')).toEqual([other]);
    expect(ids('晴れ')).toEqual([other]);
    expect(ids('LLM代理')).toEqual([guide]); // a Latin word glued to Chinese, in-word too
    expect(ids('litellm 配置')).toEqual([guide]);
    expect(ids('要详细')).toEqual([guide]); // the end of the text
    expect(ids('置配')).toEqual([]);
    expect(ids('配置 东京')).toEqual([]);
    expect(ids('lite')).toEqual([guide]); // a Latin prefix, as before
    const [hit] = s.search('配置');
    expect(hitWords(hit)).toEqual(['配置']); // only what matched, not the rest of the run
    expect(hit?.snippet.map((p) => p.text).join('')).toContain(GUIDE);
  });

  it('the snippet shows a hit deep inside a long run, with the characters counted as two columns', async () => {
    const s = await open();
    const id = s.createSession({ title: 't', now: 1 });
    const long = `${'这是一个很长的句子没有空格'.repeat(40)}${GUIDE}${'后面还有很多文字'.repeat(40)}`;
    s.addMessage(id, { role: 'assistant', text: long, now: 1 });
    const [hit] = s.search('配置指南');
    expect(hitWords(hit)).toEqual(['配置指南']);
    const shown = hit!.snippet.map((p) => p.text).join('');
    expect(shown.startsWith('…') && shown.endsWith('…')).toBe(true);
    const before = shown.slice(1, shown.indexOf('配置指南'));
    expect([...before].length * 2).toBeLessThanOrEqual(30 + 'LiteLLM代理服务器'.length); // the hit within the first ~30 columns
    expect([...shown].length).toBeLessThan(60); // ~90 columns, not 90 characters
  });

  it('a reply saved while it streams is found by its newest text; a removed session is not', async () => {
    const s = await open();
    const id = s.createSession({ title: 't', now: 1 });
    const msg = s.addMessage(id, { role: 'assistant', text: 'Thinking', status: 'streaming', now: 1 });
    expect(s.search('配置')).toEqual([]);
    s.updateMessage(msg, { text: `Thinking… ${GUIDE}` }, 2);
    expect(s.search('配置').map((h) => h.id)).toEqual([id]);
    s.updateMessage(msg, { text: 'Changed my mind: plain text', status: 'done' }, 3);
    expect(s.search('配置')).toEqual([]);
    s.updateMessage(msg, { text: GUIDE }, 4);
    expect(s.remove(id)).toBe(true);
    expect(s.search('配置')).toEqual([]);
    expect(s.db.prepare("SELECT count(*) FROM messages_tri WHERE messages_tri MATCH '\"服务器\"'").pluck().get()).toBe(0);
    expect(s.db.prepare('SELECT count(*) FROM messages_uni').pluck().get()).toBe(0);
  });

  it('a 1- or 2-character word finds every session holding it, however many different characters follow it', async () => {
    const s = await open();
    // 300 different characters after 配 and after 可以 in one older session: 300 trigrams each
    const many = s.createSession({ title: 'many', now: 1 });
    const after = (i: number) => String.fromCodePoint(0x4e00 + i);
    s.addMessage(many, { role: 'user', text: Array.from({ length: 300 }, (_, i) => `配${after(i)}可以${after(i)}`).join('，'), now: 1 });
    // the newest session's only hits are followed by characters that sort after all of those
    const late = s.createSession({ title: 'late', now: 2 });
    s.addMessage(late, { role: 'assistant', text: '请看龥配龥，可以龥', now: 2 });
    const ids = (q: string) => s.search(q).map((h) => h.id);
    expect(ids('配')).toEqual([late, many]);
    expect(ids('可以')).toEqual([late, many]);
    expect(ids('龥配')).toEqual([late]);
    expect(ids('配 可以')).toEqual([late, many]);
    expect(ids('请看龥配')).toEqual([late]); // 3+ characters: the trigram index, as before
    expect(ids('配龥 可以')).toEqual([late]); // both indexes
    expect(ids('配 请看龥')).toEqual([late]);
    expect(hitWords(s.search('配')[0])).toEqual(['配']);
  });

  it('two characters match only side by side, not across a space or punctuation, and with Latin next to them', async () => {
    const s = await open();
    const apart = s.createSession({ title: 't1', now: 1 });
    s.addMessage(apart, { role: 'user', text: '配。置 配 置', now: 1 });
    const glued = s.createSession({ title: 't2', now: 2 });
    s.addMessage(glued, { role: 'user', text: 'a配置b', now: 2 });
    const ids = (q: string) => s.search(q).map((h) => h.id);
    expect(ids('配置')).toEqual([glued]);
    expect(ids('置')).toEqual([glued, apart]);
    expect(ids('a配')).toEqual([glued]);
    expect(ids('置b')).toEqual([glued]);
    expect(ids('置 配')).toEqual([glued, apart]);
    expect(ids('置配')).toEqual([]);
  });

  it('migrates a version-3 database file: its messages are indexed character by character in batches', async () => {
    const { default: Database } = await import('better-sqlite3');
    const old = new Database(join(home.dir, 'sessions.db'));
    for (const m of MIGRATIONS.slice(0, 3)) old.exec(m);
    old.pragma('user_version = 3');
    const add = old.prepare("INSERT INTO messages (session_id, role, text, unspaced, created, updated) VALUES (1, 'user', ?, ?, 1, 1)");
    old.transaction(() => {
      old.prepare("INSERT INTO sessions (title, created, updated) VALUES ('v3 chat', 1, 1)").run();
      add.run(`旧的${GUIDE}`, 1);
      for (let i = 0; i < BACKFILL_ROWS + 10; i++) add.run(`message ${i}`, 0);
    })();
    old.close();
    const s = await open();
    await s.startBackfill();
    expect(backfillPending(s.db)).toBe(false);
    expect(s.search('配').map((h) => h.title)).toEqual(['v3 chat']);
    expect(s.search('服务器').map((h) => h.title)).toEqual(['v3 chat']); // indexed once, still found
    expect(s.db.prepare("SELECT count(*) FROM messages_tri WHERE messages_tri MATCH '\"服务器\"'").pluck().get()).toBe(1);
  });

  it('migrates a version-2 database file: opening returns at once, its old messages are indexed in batches', async () => {
    const { default: Database } = await import('better-sqlite3');
    const old = new Database(join(home.dir, 'sessions.db'));
    old.exec(MIGRATIONS[0]!);
    old.exec(MIGRATIONS[1]!);
    old.pragma('user_version = 2');
    const add = old.prepare("INSERT INTO messages (session_id, role, text, created, updated) VALUES (?, 'user', ?, 1, 1)");
    old.transaction(() => {
      old.prepare("INSERT INTO sessions (title, created, updated) VALUES ('v2 chat', 1, 1)").run();
      add.run(1, `旧的${GUIDE}`); // the oldest message: the last batch
      for (let i = 0; i < BACKFILL_ROWS * 2 + 10; i++) add.run(1, i % 3 ? `message ${i} in English` : `第${i}条消息`);
      old.prepare("INSERT INTO sessions (title, created, updated) VALUES ('other v2 chat', 2, 2)").run();
      add.run(2, '最新的消息：服务器已重启');
    })();
    old.close();
    const s = await open();
    expect(s.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(backfillPending(s.db)).toBe(true); // nothing indexed yet: the batches run after opening
    const fresh = s.createSession({ title: 'v3 chat', now: 3 });
    s.addMessage(fresh, { role: 'user', text: '新的服务器', now: 3 });
    await s.startBackfill();
    expect(backfillPending(s.db)).toBe(false);
    expect(s.search('服务器').map((h) => h.title)).toEqual(['v3 chat', 'other v2 chat', 'v2 chat']);
    expect(s.search('配置').map((h) => h.title)).toEqual(['v2 chat']);
    expect(s.search('message').map((h) => h.title)).toEqual(['v2 chat']); // the word index as it was
    const marked = s.db.prepare('SELECT count(*) FROM messages WHERE unspaced = 1').pluck().get() as number;
    expect(marked).toBe(1 + Math.ceil((BACKFILL_ROWS * 2 + 10) / 3) + 1 + 1);
  });

  it('the backfill goes on from where another start left it, and indexes each message once', async () => {
    const { default: Database } = await import('better-sqlite3');
    const old = new Database(join(home.dir, 'sessions.db'));
    old.exec(MIGRATIONS[0]!);
    old.exec(MIGRATIONS[1]!);
    old.pragma('user_version = 2');
    old.prepare("INSERT INTO sessions (title, created, updated) VALUES ('v2', 1, 1)").run();
    const add = old.prepare("INSERT INTO messages (session_id, role, text, created, updated) VALUES (1, 'user', ?, 1, 1)");
    old.transaction(() => {
      for (let i = 0; i < BACKFILL_ROWS * 3; i++) add.run(`服务器 ${i}`);
    })();
    old.close();
    const first = await open();
    first.close(); // before any batch ran
    store = undefined;
    const s = await open();
    s.finishBackfill();
    expect(backfillPending(s.db)).toBe(false);
    expect(s.db.prepare("SELECT count(*) FROM messages_tri WHERE messages_tri MATCH '\"服务器\"'").pluck().get()).toBe(BACKFILL_ROWS * 3);
  });
});
