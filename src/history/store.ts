// The sessions database's reads and writes (better-sqlite3, synchronous: each is one short statement
// or one short transaction, so two instances of the app wait on each other for microseconds).
// No React, no Ink: the chat, the CLI and the benchmarks use it the same way.
import type BetterSqlite3 from 'better-sqlite3';
import { backfillInBackground, backfillStep } from './backfill.js';
import { hasUnspaced } from './scripts.js';
import { searchSessions } from './search.js';
import type { SnippetPart } from './snippet.js';

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
             input_tokens, output_tokens, cost, created, updated, unspaced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
          hasUnspaced(m.text) ? 1 : 0,
        );
        this.st('UPDATE sessions SET updated = ? WHERE id = ?').run(m.now, sessionId);
        return Number(r.lastInsertRowid);
      })
      .immediate();
  }

  /** Changes the given fields of a message (a reply as it streams, then as it ended). */
  updateMessage(id: number, fields: MessageFields, now: number): void {
    const keys = (Object.keys(fields) as (keyof MessageFields)[]).filter((k) => fields[k] !== undefined);
    const values: unknown[] = keys.map((k) => fields[k] ?? null);
    const sets = keys.map((k) => `${COLUMNS[k]} = ?`);
    if (fields.text !== undefined) {
      sets.push('unspaced = ?'); // the trigram index follows it (schema v3)
      values.push(hasUnspaced(fields.text) ? 1 : 0);
    }
    const sql = `UPDATE messages SET ${[...sets, 'updated = ?'].join(', ')} WHERE id = ?`;
    this.db
      .transaction(() => {
        this.st(sql).run(...values, now, id);
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
   * Sessions whose messages (or title) hold every word of `text`, newest match first, each with a
   * snippet around its newest hit (history/search.ts).
   */
  search(text: string, limit = 50): SearchHit[] {
    return searchSessions(this, text, limit);
  }

  /** A statement prepared once and kept (history/search.ts). */
  prepared(sql: string): BetterSqlite3.Statement {
    return this.st(sql);
  }

  private backfill: { stop(): void; done: Promise<void> } | undefined;

  /**
   * Indexes the messages written before schema v3 in batches between event-loop turns
   * (history/backfill.ts); resolves when none remain or close() stops it. A failed batch leaves the
   * rest for the next start.
   */
  startBackfill(): Promise<void> {
    this.backfill ??= backfillInBackground(this.db, () => {});
    return this.backfill.done;
  }

  /** The same at once (the command line, which draws nothing meanwhile). */
  finishBackfill(): void {
    this.backfill?.stop();
    while (backfillStep(this.db, 5000));
  }

  close(): void {
    this.backfill?.stop();
    try {
      this.db.close();
    } catch {
      // closing twice, or after a failure: nothing left to do
    }
  }
}
