// Runs chat turns against the runtime: one AbortController and generation number per turn,
// tokens coalesced in a ref and flushed every FLUSH_MS (and always on done/error).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatRequest, ImageInput, Runtime } from '../runtime/types.js';
import { unexpectedError } from '../runtime/errors.js';
import { loadMarkdown, markdown } from '../render/lazyMarkdown.js';
import { chatReducer, initialChatState, printCount, type ChatAction, type ChatState, type InitialChat } from './chat.js';
import { openReplyFile, type ReplyFile } from '../runtime/replyFile.js';
import { join } from 'node:path';
import { homeOf } from '../config/profiles.js';
import { tmpdir } from 'node:os';

export const FLUSH_MS = 40;
/** A stream that arrives faster than it is read can keep the loop busy: let timers and renders run. */
const YIELD_AFTER_MS = 8;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface Turn {
  gen: number;
  controller: AbortController;
  pending: string;
  chunks: number;
  timer: NodeJS.Timeout | undefined;
  /** A long reply (gone plain) is saved whole here as it arrives. */
  file?: ReplyFile;
  fileState?: 'open' | 'failed';
}

/** Where the chat's turns are saved (src/history/recorder.ts); every call returns at once. */
export interface ChatRecorder {
  userSent(text: string, model: string): void;
  replyStarted(model: string): void;
  replyMeta(meta: { model?: string; callId?: string }): void;
  /** The reply's whole text so far (on every flush; the recorder decides when to write). */
  replyText(text: string): void;
  replyEnded(end: {
    text: string;
    status: 'done' | 'interrupted' | 'failed';
    errorKind?: string;
    stopReason?: string;
    inputTokens?: number;
    outputTokens?: number;
    cost?: number;
  }): void;
}

export interface ChatControls {
  /**
   * Start a turn; false when one is already running. `text` is shown; `material` (the text with the
   * files it names attached, and images) is what is sent and saved, when given.
   */
  send(text: string, model: string, material?: { content: string; images?: readonly ImageInput[] }): boolean;
  /** Stop the running turn, keeping its partial text (marked interrupted). False when idle. */
  stop(): boolean;
  /** Stop silently (no interrupted marker), e.g. before /clear. */
  cancel(): void;
  /** A turn is running (now, not as of the last render). */
  busy(): boolean;
  dispatch(action: ChatAction): void;
}

export function useChat(runtime: Runtime, init: InitialChat, recorder?: ChatRecorder): [ChatState, ChatControls] {
  const [state, setState] = useState(() => initialChatState(init));
  // The ref is the source of truth so a request always sees the latest conversation.
  const ref = useRef(state);
  const turn = useRef<Turn | undefined>(undefined);
  const gen = useRef(0);
  // Long replies are saved next to the .env ($OPENWORK_HOME/replies).
  const repliesDir = init.envPath ? join(homeOf(init.envPath), 'replies') : join(tmpdir(), 'openwork-replies');

  const dispatch = useCallback((action: ChatAction) => {
    const next = chatReducer(ref.current, action);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  }, []);

  /** Once a reply has gone plain, everything of it goes to its file (the first write: all so far). */
  const save = useCallback(
    (t: Turn, text: string): void => {
      const live = ref.current.live;
      if (!live?.plain || live.gen !== t.gen || t.fileState === 'failed') return;
      if (!t.file) {
        try {
          t.file = openReplyFile(repliesDir);
          t.file.write(live.full); // the text that just arrived is in it
        } catch (err) {
          runtime.logError?.(`[Chat] a long reply could not be saved: ${err instanceof Error ? err.message : String(err)}`);
        }
        t.fileState = t.file?.ok ? 'open' : 'failed';
        dispatch({ type: 'saved', gen: t.gen, path: t.file?.path, failed: t.fileState === 'failed' });
        return;
      }
      t.file.write(text);
      if (!t.file.ok) {
        t.fileState = 'failed';
        dispatch({ type: 'saved', gen: t.gen, path: t.file.path, failed: true });
      }
    },
    [dispatch, runtime, repliesDir],
  );

  const flush = useCallback(
    (t: Turn) => {
      clearTimeout(t.timer);
      t.timer = undefined;
      if (t.pending === '' && t.chunks === 0) return;
      const text = t.pending;
      dispatch({ type: 'delta', gen: t.gen, text, chunks: t.chunks, now: Date.now(), split: markdown().splitCommittable });
      t.pending = '';
      t.chunks = 0;
      save(t, text);
      const live = ref.current.live;
      if (live?.gen === t.gen) recorder?.replyText(live.full); // past the Markdown limit: its Markdown part
    },
    [dispatch, recorder, save],
  );

  /** Saves how the turn's reply ended, with all of its text (flushed first). */
  const record = useCallback(
    (t: Turn, action: ChatAction) => {
      const live = ref.current.live;
      if (!recorder || live?.gen !== t.gen) return;
      const u = live.usage;
      const usage = { inputTokens: u?.inputTokens, outputTokens: u?.outputTokens, cost: u?.cost };
      if (action.type === 'fail') recorder.replyEnded({ text: live.full, status: 'failed', errorKind: action.error.kind, ...usage });
      else if (action.type === 'finish' && action.stopReason !== 'aborted') {
        recorder.replyEnded({ text: live.full, status: 'done', ...(action.stopReason !== 'end' ? { stopReason: action.stopReason } : {}), ...usage });
      } else recorder.replyEnded({ text: live.full, status: 'interrupted', ...usage });
    },
    [recorder],
  );

  const end = useCallback(
    (t: Turn, action: ChatAction) => {
      flush(t);
      record(t, action);
      t.file?.close();
      dispatch(action);
      if (turn.current === t) turn.current = undefined;
    },
    [dispatch, flush, record],
  );

  const run = useCallback(
    async (t: Turn, request: ChatRequest) => {
      const live = (): boolean => turn.current === t && !t.controller.signal.aborted;
      let busySince = performance.now();
      try {
        await loadMarkdown(); // loaded after the first frame: here long before the first token
        if (!live()) return; // stopped (Esc, /clear) while it loaded
        for await (const ev of runtime.chat(request, t.controller.signal)) {
          if (!live()) return; // a cancelled turn: drop whatever still arrives
          if (ev.type === 'text') {
            t.pending += ev.text;
            t.chunks += 1;
            t.timer ??= setTimeout(() => flush(t), FLUSH_MS);
            if (performance.now() - busySince > YIELD_AFTER_MS) {
              await yieldToLoop(); // the flush timer, Ink's renders and Esc get their turn
              busySince = performance.now();
              if (!live()) return;
            }
          } else if (ev.type === 'start') {
            dispatch({ type: 'start', gen: t.gen, model: ev.model });
            recorder?.replyMeta({ model: ev.model, ...(ev.requestId ? { callId: ev.requestId } : {}) });
          } else if (ev.type === 'usage') {
            const { inputTokens, outputTokens, cost, costSource } = ev;
            dispatch({ type: 'usage', gen: t.gen, usage: { inputTokens, outputTokens, cost, ...(costSource && costSource !== 'proxy' ? { costEstimated: true } : {}) } });
          } else if (ev.type === 'wait') {
            const seconds = ev.seconds;
            dispatch({ type: 'info', text: (m) => m.spend.waiting({ seconds }), tone: 'warn' });
            dispatch({ type: 'wait', gen: t.gen, untilMs: ev.untilMs }); // the status bar counts down
          } else if (ev.type === 'done') {
            end(t, { type: 'finish', gen: t.gen, stopReason: ev.stopReason, now: Date.now() });
            return;
          } else {
            end(t, { type: 'fail', gen: t.gen, error: ev.error, now: Date.now() });
            return;
          }
        }
        if (live()) end(t, { type: 'finish', gen: t.gen, stopReason: 'end', now: Date.now() });
      } catch (err) {
        // A bug or a broken install (e.g. a missing chunk): the card says to retry; the log says what it was.
        runtime.logError?.(`[Chat] a reply failed unexpectedly: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
        if (live()) end(t, { type: 'fail', gen: t.gen, error: unexpectedError(), now: Date.now() });
      }
    },
    [runtime, dispatch, flush, end, recorder],
  );

  const send = useCallback(
    (text: string, model: string, material?: { content: string; images?: readonly ImageInput[] }) => {
      if (turn.current) return false;
      const t: Turn = { gen: ++gen.current, controller: new AbortController(), pending: '', chunks: 0, timer: undefined };
      turn.current = t;
      dispatch({ type: 'submit', gen: t.gen, text, model, now: Date.now(), ...(material ? { content: material.content, images: material.images } : {}) });
      recorder?.userSent(material?.content ?? text, model);
      recorder?.replyStarted(model);
      const { conversation, system } = ref.current;
      void run(t, { model, messages: [...conversation], ...(system ? { system } : {}) });
      return true;
    },
    [dispatch, run, recorder],
  );

  const stop = useCallback(() => {
    const t = turn.current;
    if (!t) return false;
    end(t, { type: 'interrupt', gen: t.gen, now: Date.now() });
    t.controller.abort();
    return true;
  }, [end]);

  const cancel = useCallback(() => {
    const t = turn.current;
    if (!t) return;
    clearTimeout(t.timer);
    // What arrived is saved (as interrupted) even though it is not shown: quitting mid-reply, /new.
    if (recorder && ref.current.live?.gen === t.gen) recorder.replyEnded({ text: ref.current.live.full + t.pending, status: 'interrupted' });
    t.file?.close();
    turn.current = undefined;
    t.controller.abort();
  }, [recorder]);

  useEffect(() => cancel, [cancel]);

  // A resumed session prints a step at a time, each after the frame before it and any keys typed.
  useEffect(() => {
    if (state.backlog.length === 0) return;
    const t = setImmediate(() => dispatch({ type: 'print', count: printCount(ref.current.backlog) }));
    return () => clearImmediate(t);
  }, [state.backlog, dispatch]);

  const busy = useCallback(() => turn.current !== undefined, []);
  const controls = useMemo(() => ({ send, stop, cancel, busy, dispatch }), [send, stop, cancel, busy, dispatch]);
  return [state, controls];
}
