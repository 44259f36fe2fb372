// The sessions database's schema, as numbered migrations. PRAGMA user_version holds how many have
// run; a database whose version is higher than MIGRATIONS.length comes from a newer openwork-tui and
// is left alone (history unavailable), never downgraded.

/** Each entry takes the schema from version i to i + 1. Append only: never edit a shipped step. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE sessions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT    NOT NULL,
    cwd           TEXT,
    created       INTEGER NOT NULL,            -- ms since the epoch
    updated       INTEGER NOT NULL,
    system_prompt TEXT,                        -- for /system (issue 17); NULL until set
    role          TEXT                         -- for /role (issue 17); NULL until set
  );
  CREATE INDEX sessions_updated ON sessions(updated);
  CREATE INDEX sessions_cwd_updated ON sessions(cwd, updated);

  CREATE TABLE messages (
    id            INTEGER PRIMARY KEY AUTOINCREMENT, -- also the order within a session
    session_id    INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role          TEXT    NOT NULL CHECK (role IN ('user', 'assistant')),
    text          TEXT    NOT NULL,
    -- 'streaming' (saved while it arrives), 'done', 'interrupted', 'failed'
    status        TEXT    NOT NULL DEFAULT 'done',
    error_kind    TEXT,                        -- an ErrorKind when status = 'failed'
    stop_reason   TEXT,                        -- 'max_tokens' etc. when it did not end normally
    model         TEXT,
    connection    TEXT,                        -- the connection's label: never a key
    call_id       TEXT,                        -- LiteLLM's x-litellm-call-id (or the API's request id)
    input_tokens  INTEGER,
    output_tokens INTEGER,
    cost          REAL,                        -- USD, when the server said
    created       INTEGER NOT NULL,
    updated       INTEGER NOT NULL
  );
  CREATE INDEX messages_session ON messages(session_id, id);
  CREATE INDEX messages_role ON messages(role, id);

  -- Full-text search over message text; the triggers keep it in step with the table.
  CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
  CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;
  CREATE TRIGGER messages_au AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
  END;
  `,
  // v2: prefix indexes for 1–3 characters. The last word typed in a search is a prefix (the picker
  // searches as one types); without them "w"* merges the lists of every word starting with w, which
  // took seconds over a million messages.
  `
  DROP TRIGGER messages_ai;
  DROP TRIGGER messages_ad;
  DROP TRIGGER messages_au;
  DROP TABLE messages_fts;
  CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
  INSERT INTO messages_fts(messages_fts) VALUES ('rebuild');
  CREATE TRIGGER messages_ai AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
  END;
  CREATE TRIGGER messages_ad AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
  END;
  CREATE TRIGGER messages_au AFTER UPDATE OF text ON messages BEGIN
    INSERT INTO messages_fts(messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO messages_fts(rowid, text) VALUES (new.id, new.text);
  END;
  `,
  // v3: words inside runs of Chinese, Japanese, Thai… (history/scripts.ts): unicode61 takes a whole
  // run for one token, so `配置` never matched `LiteLLM代理服务器配置指南`. Messages holding such a
  // script (unspaced = 1, decided in JS when written) are indexed by trigrams as well; the text gets
  // two newlines appended so every 1- or 2-character word starts a trigram (found through the
  // vocabulary table). Messages written before v3 have unspaced NULL: history/backfill.ts checks
  // them in batches after opening, newest first, down from search_backfill.upto.
  `
  ALTER TABLE messages ADD COLUMN unspaced INTEGER;
  CREATE VIRTUAL TABLE messages_tri USING fts5(text, content='', contentless_delete=1, tokenize='trigram');
  CREATE VIRTUAL TABLE messages_tri_terms USING fts5vocab(messages_tri, 'row');
  CREATE TABLE search_backfill (upto INTEGER NOT NULL);
  INSERT INTO search_backfill SELECT max(id) FROM messages HAVING max(id) IS NOT NULL;
  CREATE TRIGGER messages_tri_ai AFTER INSERT ON messages WHEN new.unspaced BEGIN
    INSERT INTO messages_tri(rowid, text) VALUES (new.id, new.text || char(10, 10));
  END;
  CREATE TRIGGER messages_tri_ad AFTER DELETE ON messages WHEN old.unspaced BEGIN
    DELETE FROM messages_tri WHERE rowid = old.id;
  END;
  CREATE TRIGGER messages_tri_au AFTER UPDATE OF text, unspaced ON messages BEGIN
    DELETE FROM messages_tri WHERE rowid = old.id AND old.unspaced;
    INSERT INTO messages_tri(rowid, text) SELECT new.id, new.text || char(10, 10) WHERE new.unspaced;
  END;
  `,
  // v4: a 1- or 2-character word of those scripts stood for every trigram it starts — thousands for
  // a common character, too many to search at once, so only some were, and sessions were missed.
  // Each such character is now a token of its own (unspaced_units(), history/scripts.ts, a function
  // open.ts gives every connection): a short word is one token or a phrase of two. The backfill runs
  // again over every message (it marks them anew; the update trigger indexes them).
  `
  CREATE VIRTUAL TABLE messages_uni USING fts5(text, content='', contentless_delete=1, tokenize='ascii');
  CREATE TRIGGER messages_uni_ai AFTER INSERT ON messages WHEN new.unspaced BEGIN
    INSERT INTO messages_uni(rowid, text) VALUES (new.id, unspaced_units(new.text));
  END;
  CREATE TRIGGER messages_uni_ad AFTER DELETE ON messages WHEN old.unspaced BEGIN
    DELETE FROM messages_uni WHERE rowid = old.id;
  END;
  CREATE TRIGGER messages_uni_au AFTER UPDATE OF text, unspaced ON messages BEGIN
    DELETE FROM messages_uni WHERE rowid = old.id AND old.unspaced;
    INSERT INTO messages_uni(rowid, text) SELECT new.id, unspaced_units(new.text) WHERE new.unspaced;
  END;
  DELETE FROM search_backfill;
  INSERT INTO search_backfill SELECT max(id) FROM messages HAVING max(id) IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
