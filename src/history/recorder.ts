// Saves the chat as it happens: the prompt when it is sent, the reply at least once a second while
// it streams (so kill -9 loses at most the last second) and once more when it ends. No React: the
// chat's hook calls it, the tests drive it directly. Every write is caught: a database that fails
// turns history off for the rest of the run and says why once (onProblem); the chat goes on.
import { classify, type HistoryProblem } from './problem.js';
import type { SessionStore } from './store.js';
import type { RecorderOptions, Reply, ReplyEnd } from './recorderTypes.js';

export type { RecorderOptions, ReplyEnd } from './recorderTypes.js';
import { titleFrom } from './title.js';

/** How often a streaming reply is saved, at most this long after its text changed. */
export const SAVE_EVERY_MS = 1000;
/**
 * How long after the last write the write-ahead log is folded into the database. SQLite does it
 * itself every 1,000 pages, inside whichever write crosses that line — 20–90 ms on the UI thread in
 * the middle of a turn; here it happens once the chat has been quiet this long (and on exit).
 */
export const CHECKPOINT_IDLE_MS = 2000;
/** The chat connection's page cache, KiB (its searches measured as fast with it; the CLI's connections keep the default). */
export const CHAT_CACHE_KIB = 256;

export class SessionRecorder {
  private store: SessionStore | undefined;
  private opening: Promise<SessionStore | undefined> | undefined;
  private problem: HistoryProblem | undefined;
  private path: string | undefined;
  /** Writes asked for before the database was open, run in order once it is. */
  private queue: ((s: SessionStore) => void)[] = [];
  private sessionId: number | undefined;
  private reply: Reply | undefined;
  private enabled = true;
  private readonly now: () => number;
  private title: string | undefined;
  /** The system prompt and role the chat sends now: a new session starts with them. */
  private system: { systemPrompt: string | null; role: string | null } = { systemPrompt: null, role: null };
  private problemListener: RecorderOptions['onProblem'];
  private readonly opened: Promise<SessionStore | undefined>;
  private markOpened!: (s: SessionStore | undefined) => void;

  constructor(private readonly opts: RecorderOptions) {
    this.now = opts.now ?? Date.now;
    this.problemListener = opts.onProblem;
    this.opened = new Promise((resolve) => (this.markOpened = resolve));
  }

  /** Resolves once open() has run (whoever called it): the store, or undefined when history is unavailable. */
  whenOpen(): Promise<SessionStore | undefined> {
    return this.opened;
  }

  /** Who hears about a problem (the chat, once it is on screen); told at once of one already found. */
  onProblem(listener: NonNullable<RecorderOptions['onProblem']>): void {
    this.problemListener = listener;
    if (this.problem) listener(this.problem, this.path);
  }

  /** Opens the database (after the first frame). Resolves with the store, or undefined when history is unavailable. */
  open(): Promise<SessionStore | undefined> {
    this.opening ??= this.opts
      .open()
      .then(
      (r) => {
        this.path = r.path;
        if (!r.ok) {
          this.fail(r.problem);
          return undefined;
        }
        this.store = r.store;
        r.store.db.pragma('wal_autocheckpoint = 0'); // this connection's own checkpoints wait for a quiet moment
        r.store.db.pragma(`cache_size = -${CHAT_CACHE_KIB}`); // it appends: SQLite's 2 MB default fragmented the heap for good
        const queued = this.queue;
        this.queue = [];
        for (const op of queued) if (!this.write(op)) break;
        return this.store;
      },
      (err: unknown) => {
        this.fail(classify(err));
        return undefined;
      },
    )
      .then((store) => {
        this.markOpened(store);
        return store;
      });
    return this.opening;
  }

  /** The open store, if any (reads for /resume, /export). */
  get db(): SessionStore | undefined {
    return this.problem ? undefined : this.store;
  }

  get unavailable(): HistoryProblem | undefined {
    return this.problem;
  }

  get currentSession(): number | undefined {
    return this.sessionId;
  }

  /** Saving on or off (the settings switch); reads still work. */
  setEnabled(on: boolean): void {
    this.enabled = on;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** The next prompt starts a new session (/new, /clear); the current one stays saved. */
  newSession(): void {
    this.endReply({ text: this.reply?.text ?? '', status: 'interrupted' });
    this.drainLater(); // the ended reply is saved to the session it belongs to
    this.sessionId = undefined;
    this.title = undefined;
  }

  /** Later messages go to this session (--continue, --resume, /resume). */
  continueSession(id: number): void {
    this.endReply({ text: this.reply?.text ?? '', status: 'interrupted' });
    this.drainLater(); // the ended reply is saved to the session it belongs to
    this.sessionId = id;
    this.title = undefined;
  }

  /** /rename: the current session's title, or the next one's when nothing is saved yet. */
  rename(title: string): void {
    const now = this.now();
    if (this.sessionId === undefined) this.title = title;
    else {
      const id = this.sessionId;
      this.run((s) => void s.rename(id, title, now));
    }
  }

  /** The chat's system prompt and role changed: kept for the next new session, saved to the current one. */
  setSystem(systemPrompt: string | undefined, role: string | undefined): void {
    const fields = { systemPrompt: systemPrompt ?? null, role: role ?? null };
    this.system = fields;
    if (!this.enabled || this.sessionId === undefined) return;
    const id = this.sessionId;
    this.run((s) => s.setSessionFields(id, fields));
  }

  /** A prompt was sent. */
  userSent(text: string, model: string): void {
    if (!this.enabled) return;
    const now = this.now();
    const connection = this.opts.connection();
    this.run((s) => {
      const { systemPrompt, role } = this.system;
      this.sessionId ??= s.createSession({ title: this.title ?? titleFrom(text), cwd: this.opts.cwd, now, ...(systemPrompt ? { systemPrompt } : {}), ...(role ? { role } : {}) });
      s.addMessage(this.sessionId, { role: 'user', text, model, connection: connection ?? null, now });
    });
  }

  /** A reply started (the request went out); `model` may be corrected by the server's answer. */
  replyStarted(model: string): void {
    if (!this.enabled) return;
    this.endReply({ text: this.reply?.text ?? '', status: 'interrupted' }); // a reply left open is over
    this.reply = { id: undefined, model, callId: undefined, text: '', savedText: undefined, savedAt: this.now(), timer: undefined };
  }

  /** What the server said about the reply: the model that answers it, its call id. */
  replyMeta(meta: { model?: string; callId?: string }): void {
    const r = this.reply;
    if (!r) return;
    if (meta.model) r.model = meta.model;
    if (meta.callId) r.callId = meta.callId;
  }

  /** The reply's whole text so far. Saved now if the last save is a second old, else within a second. */
  replyText(text: string): void {
    const r = this.reply;
    if (!r || r.text === text) return;
    r.text = text;
    const due = r.savedAt + SAVE_EVERY_MS - this.now();
    if (due <= 0) this.saveReply(r);
    else r.timer ??= setTimeout(() => this.saveReply(r), due);
  }

  /** The reply ended (done, interrupted or failed): saved with everything known about it. */
  replyEnded(end: ReplyEnd): void {
    this.endReply(end);
  }

  private endReply(end: ReplyEnd): void {
    const r = this.reply;
    if (!r) return;
    this.reply = undefined;
    clearTimeout(r.timer);
    const now = this.now();
    const fields = {
      text: end.text,
      status: end.status,
      errorKind: end.errorKind ?? null,
      stopReason: end.stopReason ?? null,
      model: r.model,
      callId: r.callId ?? null,
      inputTokens: end.inputTokens ?? null,
      outputTokens: end.outputTokens ?? null,
      cost: end.cost ?? null,
    };
    const connection = this.opts.connection() ?? null;
    // After the frame that shows the end: this write re-indexes the whole reply for search (~100 ms
    // for a long one on a loaded machine), and Esc must answer first.
    this.runSoon((s) => {
      if (this.sessionId === undefined) return; // its prompt was never saved (history was off then)
      if (r.id === undefined) s.addMessage(this.sessionId, { role: 'assistant', connection, now, ...fields });
      else s.updateMessage(r.id, fields, now);
    });
  }

  /** Writes deferred by runSoon, in order; every write made meanwhile waits behind them. */
  private later: ((s: SessionStore) => void)[] | undefined;

  /** Runs a write on the next turn of the event loop (after the render that is due), keeping write order. */
  private runSoon(op: (s: SessionStore) => void): void {
    if (this.problem) return;
    if (!this.later) setImmediate(() => this.drainLater());
    (this.later ??= []).push(op);
  }

  /** Runs the deferred writes now (also before the session changes and at close). */
  private drainLater(): void {
    const ops = this.later;
    this.later = undefined;
    for (const op of ops ?? []) this.run(op);
  }

  private saveReply(r: Reply): void {
    clearTimeout(r.timer);
    r.timer = undefined;
    if (this.reply !== r || r.savedText === r.text) return;
    const now = this.now();
    r.savedAt = now;
    r.savedText = r.text;
    const text = r.text;
    const connection = this.opts.connection() ?? null;
    this.runSoon((s) => {
      if (this.sessionId === undefined) return;
      if (r.id === undefined) {
        r.id = s.addMessage(this.sessionId, { role: 'assistant', text, status: 'streaming', model: r.model, callId: r.callId ?? null, connection, now });
      } else s.updateMessage(r.id, { text, model: r.model, callId: r.callId ?? null }, now);
    });
  }

  /** Runs a write now, or once the database is open; nothing when history is unavailable. */
  private run(op: (s: SessionStore) => void): void {
    if (this.problem) return;
    if (this.later) this.later.push(op);
    else if (this.store) this.write(op);
    else this.queue.push(op);
  }

  private checkpointTimer: NodeJS.Timeout | undefined;

  private write(op: (s: SessionStore) => void): boolean {
    try {
      op(this.store!);
      clearTimeout(this.checkpointTimer);
      this.checkpointTimer = setTimeout(() => this.checkpoint(), CHECKPOINT_IDLE_MS);
      this.checkpointTimer.unref?.();
      return true;
    } catch (err) {
      this.opts.log?.(`[History] a write failed: ${err instanceof Error ? err.message : String(err)}`);
      this.fail(classify(err));
      return false;
    }
  }

  private fail(problem: HistoryProblem): void {
    if (this.problem) return;
    this.problem = problem;
    this.queue = [];
    this.later = undefined;
    if (this.reply) clearTimeout(this.reply.timer);
    this.problemListener?.(problem, this.path);
  }

  /** Folds the write-ahead log into the database without waiting for readers or writers (PASSIVE). */
  private checkpoint(): void {
    this.checkpointTimer = undefined;
    try {
      this.store?.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      this.opts.log?.(`[History] a checkpoint failed: ${err instanceof Error ? err.message : String(err)}`); // the next one tries again
    }
  }

  /** Saves what is pending and closes the database (the app is exiting; closing checkpoints). */
  close(): void {
    clearTimeout(this.checkpointTimer);
    if (this.reply) this.endReply({ text: this.reply.text, status: 'interrupted' });
    this.drainLater();
    this.store?.close();
  }
}
