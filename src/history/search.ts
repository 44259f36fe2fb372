// Searching the sessions: every word typed must be in one message (or the title), newest first,
// one hit per session with a snippet. Words of scripts written without spaces (history/scripts.ts)
// are found inside runs of them through the trigram and single-character indexes (schema v3, v4); all others through the
// unicode61 index, the last word as a prefix (it works while typing).
import type { SearchHit, SessionStore } from './store.js';
import { ftsQuery } from './query.js';
import { hasUnspaced, unitsPhrase } from './scripts.js';
import { cutSnippet } from './snippet.js';

/** Bounds the walk when one long session holds most hits. */
const MAX_SCAN = 20_000;
/** Trigrams a 1- or 2-character Latin word may stand for when in-word search is the fallback. */
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
 * The in-word queries. A word of those scripts alone of 1 or 2 characters: a token or a phrase of the
 * single-character index (schema v4). A word of 3+ characters: a phrase of its trigrams (a
 * substring). A shorter word holding other characters ("a配", or Latin while the trigram index is
 * the fallback): any trigram it starts (the text is indexed with two newlines after it, so every
 * occurrence starts one), looked up in the vocabulary — all of them when it holds such a character
 * (few follow "a配"), SHORT_TERMS for Latin alone ("th" starts thousands). `tri` is null when a short
 * word starts no trigram (nothing can match).
 */
function inWordQueries(store: SessionStore, words: string[]): { tri: string | undefined | null; uni: string | undefined } {
  const terms = store.prepared('SELECT term FROM messages_tri_terms WHERE term >= ? AND term < ? LIMIT ?').pluck();
  const tri: string[] = [];
  const uni: string[] = [];
  for (const w of words.map((x) => x.toLowerCase())) {
    const length = [...w].length;
    const phrase = length < 3 ? unitsPhrase(w) : undefined;
    if (phrase) uni.push(phrase);
    else if (length >= 3) tri.push(quote(w));
    else {
      const starting = terms.all(w, `${w}\u{10ffff}`, hasUnspaced(w) ? -1 : SHORT_TERMS) as string[];
      if (starting.length === 0) return { tri: null, uni: undefined };
      tri.push(`(${starting.map(quote).join(' OR ')})`);
    }
  }
  return { tri: tri.length > 0 ? tri.join(' AND ') : undefined, uni: uni.length > 0 ? uni.join(' AND ') : undefined };
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
  const walk = (table: 'messages_fts' | 'messages_tri' | 'messages_uni', q: string, also?: (id: number) => boolean): void => {
    for (const id of store.prepared(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC`).pluck().iterate(q) as IterableIterator<number>) {
      const sessionId = also && !also(id) ? undefined : (sessionOf.get(id) as number | undefined);
      if (sessionId !== undefined && !found.has(sessionId)) found.set(sessionId, { id, inWord: table !== 'messages_fts' });
      if (found.size >= limit || ++scanned >= MAX_SCAN) break;
    }
  };
  const unitsHold = store.prepared('SELECT 1 FROM messages_uni WHERE messages_uni MATCH ? AND rowid = ?');
  const trigrams = (): void => {
    const { tri, uni } = inWordQueries(store, words);
    if (tri === null) return;
    // Both kinds of word: the trigram index's matches, each checked for the short words.
    if (tri && uni) walk('messages_tri', tri, (id) => unitsHold.get(uni, id) !== undefined);
    else if (tri) walk('messages_tri', tri);
    else if (uni) walk('messages_uni', uni);
  };
  // Every message holding such a word holds the script, so the in-word indexes have them all.
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
