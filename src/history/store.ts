// The sessions database's reads and writes (better-sqlite3, synchronous: each is one short statement
// or one short transaction, so two instances of the app wait on each other for microseconds).
// No React, no Ink: the chat, the CLI and the benchmarks use it the same way.
import type BetterSqlite3 from 'better-sqlite3';
import { ftsQuery } from './query.js';
import { cutSnippet, queryWords, type SnippetPart } from './snippet.js';

export type { SnippetPart } from './snippet.js';

export { titleFrom, TITLE_MAX } from './title.js';

export type MessageStatus = 'streaming' | 'done' | 'interrupted' | 'failed';

export interface SessionSummary {
  id: number;
  title: string;
  cwd: string | null;
  created: number;
  updated: number;
  /** Messages in it. */
  messages: number;
  /** The model of its last reply. */
  model: string | null;
  systemPrompt: string | null;
  role: string | null;
}

export interface StoredMessage {
  id: number;
  sessionId: number;
  role: 'user' | 'assistant';
  text: string;
  status: MessageStatus;
  errorKind: string | null;
  stopReason: string | null;
  model: string | null;
  connection: string | null;
  callId: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cost: number | null;
  created: number;
  updated: number;
}

export interface SearchHit extends SessionSummary {
  /** The newest matching message (undefined when only the title matched). */
  messageId: number | undefined;
  snippet: SnippetPart[];
}

export interface NewSession {
  title: string;
  cwd?: string;
  now: number;
  systemPrompt?: string;
  role?: string;
}

export interface MessageFields {
  text?: string;
  status?: MessageStatus;
  errorKind?: string | null;
  stopReason?: string | null;
  model?: string | null;
  connection?: string | null;
  callId?: string | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
  cost?: number | null;
}

export interface NewMessage extends MessageFields {
  role: 'user' | 'assistant';
  text: string;
  now: number;
}

const SUMMARY = `s.id, s.title, s.cwd, s.created, s.updated, s.system_prompt AS systemPrompt, s.role,
  (SELECT count(*) FROM messages m WHERE m.session_id = s.id) AS messages,
  (SELECT m.model FROM messages m WHERE m.session_id = s.id AND m.role = 'assistant' ORDER BY m.id DESC LIMIT 1) AS model`;

const MESSAGE = `id, session_id AS sessionId, role, text, status, error_kind AS errorKind, stop_reason AS stopReason, model,
  connection, call_id AS callId, input_tokens AS inputTokens, output_tokens AS outputTokens, cost, created, updated`;

/** Columns a message update may set, by field. */
const COLUMNS: Record<keyof MessageFields, string> = {
  text: 'text',
  status: 'status',
  errorKind: 'error_kind',
  stopReason: 'stop_reason',
  model: 'model',
  connection: 'connection',
  callId: 'call_id',
  inputTokens: 'input_tokens',
  outputTokens: 'output_tokens',
  cost: 'cost',
};

export class SessionStore {
  private readonly stmts = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly db: BetterSqlite3.Database) {}

  private st(sql: string): BetterSqlite3.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  createSession(s: NewSession): number {
    const r = this.st('INSERT INTO sessions (title, cwd, created, updated, system_prompt, role) VALUES (?, ?, ?, ?, ?, ?)').run(
      s.title,
      s.cwd ?? null,
      s.now,
      s.now,
      s.systemPrompt ?? null,
      s.role ?? null,
    );
    return Number(r.lastInsertRowid);
  }

  /** Adds a message and marks the session updated, in one transaction. Returns the message id. */
  addMessage(sessionId: number, m: NewMessage): number {
    return this.db
      .transaction(() => {
        const r = this.st(
          `INSERT INTO messages (session_id, role, text, status, error_kind, stop_reason, model, connection, call_id,
             input_tokens, output_tokens, cost, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          sessionId,
          m.role,
          m.text,
          m.status ?? 'done',
          m.errorKind ?? null,
          m.stopReason ?? null,
          m.model ?? null,
          m.connection ?? null,
          m.callId ?? null,
          m.inputTokens ?? null,
          m.outputTokens ?? null,
          m.cost ?? null,
          m.now,
          m.now,
        );
        this.st('UPDATE sessions SET updated = ? WHERE id = ?').run(m.now, sessionId);
        return Number(r.lastInsertRowid);
      })
      .immediate();
  }

  /** Changes the given fields of a message (a reply as it streams, then as it ended). */
  updateMessage(id: number, fields: MessageFields, now: number): void {
    const keys = (Object.keys(fields) as (keyof MessageFields)[]).filter((k) => fields[k] !== undefined);
    const sql = `UPDATE messages SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')}${keys.length ? ', ' : ''}updated = ? WHERE id = ?`;
    this.db
      .transaction(() => {
        this.st(sql).run(...keys.map((k) => fields[k] ?? null), now, id);
        this.st('UPDATE sessions SET updated = ? WHERE id = (SELECT session_id FROM messages WHERE id = ?)').run(now, id);
      })
      .immediate();
  }

  session(id: number): SessionSummary | undefined {
    return this.st(`SELECT ${SUMMARY} FROM sessions s WHERE s.id = ?`).get(id) as SessionSummary | undefined;
  }

  /** Sessions, most recently updated first; only those started in `cwd` when it is given. */
  list(opts: { limit?: number; cwd?: string } = {}): SessionSummary[] {
    const limit = opts.limit ?? -1;
    if (opts.cwd !== undefined) {
      return this.st(`SELECT ${SUMMARY} FROM sessions s WHERE s.cwd = ? ORDER BY s.updated DESC, s.id DESC LIMIT ?`).all(opts.cwd, limit) as SessionSummary[];
    }
    return this.st(`SELECT ${SUMMARY} FROM sessions s ORDER BY s.updated DESC, s.id DESC LIMIT ?`).all(limit) as SessionSummary[];
  }

  /** The session to continue: the latest of `cwd` when there is one, else the latest of all. */
  latest(cwd?: string): SessionSummary | undefined {
    return (cwd !== undefined ? this.list({ limit: 1, cwd })[0] : undefined) ?? this.list({ limit: 1 })[0];
  }

  messages(sessionId: number): StoredMessage[] {
    return this.st(`SELECT ${MESSAGE} FROM messages WHERE session_id = ? ORDER BY id`).all(sessionId) as StoredMessage[];
  }

  /**
   * A session to continue, in two narrow reads: every message's role and text (the conversation sent
   * with the next prompt) and the last `last` messages whole (what the transcript shows).
   */
  continuation(sessionId: number, last: number): { all: Pick<StoredMessage, 'role' | 'text'>[]; tail: StoredMessage[] } {
    const all = this.st('SELECT role, text FROM messages WHERE session_id = ? ORDER BY id').all(sessionId) as Pick<StoredMessage, 'role' | 'text'>[];
    const tail = (this.st(`SELECT ${MESSAGE} FROM messages WHERE session_id = ? ORDER BY id DESC LIMIT ?`).all(sessionId, last) as StoredMessage[]).reverse();
    return { all, tail };
  }

  rename(id: number, title: string, now: number): boolean {
    return this.st('UPDATE sessions SET title = ?, updated = ? WHERE id = ?').run(title, now, id).changes > 0;
  }

  /** Sets the session's system prompt or role (issue 17); undefined leaves a field as it is. */
  setSessionFields(id: number, fields: { systemPrompt?: string | null; role?: string | null }): void {
    if (fields.systemPrompt !== undefined) this.st('UPDATE sessions SET system_prompt = ? WHERE id = ?').run(fields.systemPrompt, id);
    if (fields.role !== undefined) this.st('UPDATE sessions SET role = ? WHERE id = ?').run(fields.role, id);
  }

  remove(id: number): boolean {
    return this.db
      .transaction(() => {
        this.st('DELETE FROM messages WHERE session_id = ?').run(id);
        return this.st('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
      })
      .immediate();
  }

  /** Sent prompts across all sessions, oldest first (the prompt's Up/Down history). */
  recentPrompts(limit: number): string[] {
    const rows = this.st(`SELECT text FROM messages WHERE role = 'user' ORDER BY id DESC LIMIT ?`).pluck().all(limit) as string[];
    return rows.reverse();
  }

  /**
   * Sessions whose messages (or title) hold every word of `text` (the last one as a prefix, so it
   * works while typing), newest match first, each with a snippet around its newest hit. The newest
   * matching messages are walked in rowid order and stop once `limit` sessions are found, so a common
   * word costs no more than a rare one.
   */
  search(text: string, limit = 50): SearchHit[] {
    const query = ftsQuery(text);
    if (!query) return this.list({ limit }).map((s) => ({ ...s, messageId: undefined, snippet: [] }));
    const found = new Map<number, number | undefined>(); // session → newest matching message
    const MAX_SCAN = 20_000; // bounds the walk when one long session holds most hits
    let scanned = 0;
    // The index alone, newest first (FTS5 walks its lists backwards); joined to messages, SQLite
    // sorted every match first — seconds for a common word over a million messages.
    const sessionOf = this.st('SELECT session_id FROM messages WHERE id = ?').pluck();
    const walk = (q: string): void => {
      for (const id of this.st('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC').pluck().iterate(q) as IterableIterator<number>) {
        const sessionId = sessionOf.get(id) as number | undefined;
        if (sessionId !== undefined && !found.has(sessionId)) found.set(sessionId, id);
        if (found.size >= limit || ++scanned >= MAX_SCAN) break;
      }
    };
    // The last word as a whole word first: as a prefix, FTS5 merges the whole list of every word
    // it starts before the first row ("test"* took 60 ms where "test" took 2 over a million
    // messages). Only when that finds too few sessions does the prefix (a word still being typed) search on.
    walk(ftsQuery(text, false)!);
    if (found.size < limit && scanned < MAX_SCAN) walk(query);
    if (found.size < limit) {
      const words = text.trim().split(/\s+/).filter(Boolean);
      const like = words.map(() => `s.title LIKE ? ESCAPE '\\'`).join(' AND ');
      const args = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      for (const id of this.st(`SELECT s.id FROM sessions s WHERE ${like} ORDER BY s.updated DESC LIMIT ?`).pluck().all(...args, limit) as number[]) {
        if (!found.has(id) && found.size < limit) found.set(id, undefined);
      }
    }
    const hits: SearchHit[] = [];
    for (const [sessionId, messageId] of found) {
      const s = this.session(sessionId);
      if (!s) continue;
      // The snippet is cut from the message here: FTS5's snippet() with a rowid filter walked the
      // whole list of a common word again for every hit (seconds over a million messages).
      const text = messageId === undefined ? undefined : (this.st('SELECT text FROM messages WHERE id = ?').pluck().get(messageId) as string | undefined);
      hits.push({ ...s, messageId, snippet: text ? cutSnippet(text, queryWords(query)) : [] });
    }
    return hits;
  }

  close(): void {
    try {
      this.db.close();
    } catch {
      // closing twice, or after a failure: nothing left to do
    }
  }
}
