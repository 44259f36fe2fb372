// Searching the sessions: every word typed must be in one message (or the title), newest first,
// one hit per session with a snippet. Words of scripts written without spaces (history/scripts.ts)
// are found inside runs of them through the trigram index of schema v3; all others through the
// unicode61 index, the last word as a prefix (it works while typing).
import type { SearchHit, SessionStore } from './store.js';
import { ftsQuery } from './query.js';
import { hasUnspaced } from './scripts.js';
import { cutSnippet } from './snippet.js';

/** Bounds the walk when one long session holds most hits. */
const MAX_SCAN = 20_000;
/** Trigrams a 1- or 2-character word may stand for (a 1-character word can start thousands). */
const SHORT_TERMS = 256;

const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;

/** The words that count: a "word" of punctuation alone has no token to match. */
export function searchWords(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * The trigram index's query: a word of 3+ characters is a phrase of its trigrams (a substring); a
 * shorter one, any trigram it starts (the text is indexed with two newlines after it, so every
 * occurrence starts one), looked up in the vocabulary. Undefined when a short word starts none.
 */
function trigramQuery(store: SessionStore, words: string[]): string | undefined {
  const terms = store.prepared('SELECT term FROM messages_tri_terms WHERE term >= ? AND term < ? LIMIT ?').pluck();
  const parts: string[] = [];
  for (const w of words.map((x) => x.toLowerCase())) {
    if ([...w].length >= 3) {
      parts.push(quote(w));
      continue;
    }
    const starting = terms.all(w, `${w}\u{10ffff}`, SHORT_TERMS) as string[];
    if (starting.length === 0) return undefined;
    parts.push(`(${starting.map(quote).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

export function searchSessions(store: SessionStore, text: string, limit: number): SearchHit[] {
  const words = searchWords(text);
  if (words.length === 0) return store.list({ limit }).map((s) => ({ ...s, messageId: undefined, snippet: [] }));
  // session → its newest matching message, and whether that was an in-word (trigram) match
  const found = new Map<number, { id: number | undefined; inWord: boolean }>();
  let scanned = 0;
  // The index alone, newest first (FTS5 walks its lists backwards); joined to messages, SQLite
  // sorted every match first — seconds for a common word over a million messages.
  const sessionOf = store.prepared('SELECT session_id FROM messages WHERE id = ?').pluck();
  const walk = (table: 'messages_fts' | 'messages_tri', q: string): void => {
    for (const id of store.prepared(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC`).pluck().iterate(q) as IterableIterator<number>) {
      const sessionId = sessionOf.get(id) as number | undefined;
      if (sessionId !== undefined && !found.has(sessionId)) found.set(sessionId, { id, inWord: table === 'messages_tri' });
      if (found.size >= limit || ++scanned >= MAX_SCAN) break;
    }
  };
  const trigrams = (): void => {
    const q = trigramQuery(store, words);
    if (q) walk('messages_tri', q);
  };
  // Every message holding such a word holds the script, so the trigram index has them all.
  if (words.some(hasUnspaced)) trigrams();
  else {
    // The last word as a whole word first: as a prefix, FTS5 merges the whole list of every word
    // it starts before the first row ("test"* took 60 ms where "test" took 2 over a million
    // messages). Only when that finds too few sessions does the prefix (a word still being typed) search on.
    walk('messages_fts', ftsQuery(text, false)!);
    if (found.size < limit && scanned < MAX_SCAN) walk('messages_fts', ftsQuery(text)!);
    // Latin glued to Chinese ("配置LiteLLM") is inside one unicode61 token: found in-word here (the
    // trigram index holds only messages with such scripts: empty and free for most users).
    if (found.size < limit && scanned < MAX_SCAN) trigrams();
  }
  if (found.size < limit) {
    const all = text.trim().split(/\s+/).filter(Boolean);
    const like = all.map(() => `s.title LIKE ? ESCAPE '\\'`).join(' AND ');
    const args = all.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    for (const id of store.prepared(`SELECT s.id FROM sessions s WHERE ${like} ORDER BY s.updated DESC LIMIT ?`).pluck().all(...args, limit) as number[]) {
      if (!found.has(id) && found.size < limit) found.set(id, { id: undefined, inWord: false });
    }
  }
  const lower = words.map((w) => w.toLowerCase());
  const messageText = store.prepared('SELECT text FROM messages WHERE id = ?').pluck();
  const hits: SearchHit[] = [];
  for (const [sessionId, { id: messageId, inWord }] of found) {
    const s = store.session(sessionId);
    if (!s) continue;
    // The snippet is cut from the message here: FTS5's snippet() with a rowid filter walked the
    // whole list of a common word again for every hit (seconds over a million messages).
    const body = messageId === undefined ? undefined : (messageText.get(messageId) as string | undefined);
    hits.push({ ...s, messageId, snippet: body ? cutSnippet(body, lower, inWord) : [] });
  }
  return hits;
}
