// The chat's saved sessions: says once when history is unavailable, brings a session back
// (--continue, --resume ID, /resume), and gives the slash commands /new, /rename, /export their
// actions. The database opens after the first frame (tuiMain); nothing here waits for it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionRecorder } from '../history/recorder.js';
import type { SearchHit, SessionStore } from '../history/store.js';
import type { LazyText, Messages } from '../i18n/index.js';
import type { ResumeRequest } from './sessionActions.js';
import type { ChatControls } from './useChat.js';

export type { ResumeRequest } from './sessionActions.js';


/** How many sent prompts Up/Down can bring back from earlier runs. */
export const SAVED_PROMPTS = 500;

export interface SessionControls {
  /** /new, /clear: the chat starts over; the session so far stays saved. */
  newSession(): void;
  rename(title: string): void;
  /** /export [FILE]: the current session as Markdown (default file: in the current folder). */
  exportTo(file: string | undefined, m: Messages): void;
  /** Opens a saved session in place of the conversation on screen. */
  open(id: number): void;
  /** Sessions matching `text` (all, newest first, when it is empty); undefined when history is unavailable. */
  search(text: string): SearchHit[] | undefined;
}

export interface SessionsOptions {
  recorder: SessionRecorder | undefined;
  chat: ChatControls;
  resume: ResumeRequest | undefined;
  clearScreen(): void;
  openPicker(): void;
  say(text: LazyText, tone?: 'warn'): void;
  /** The folder the chat runs in (export's default folder). */
  cwd: string;
  /** --system/--system-file/--role of this run: on --continue/--resume they replace the session's own. */
  startSystem?: { system?: string; role?: string };
  /**
   * Loads what needs the database (reading a session, /export, a problem's words): the app hands in
   * the screens' file, which carries them after the first frame (state knows no views).
   */
  actions(): Promise<SessionActions>;
}

export type SessionActions = Pick<typeof import('./sessionActions.js'), 'readSession' | 'unavailableText' | 'exportCurrent'>;

export function useSessions(o: SessionsOptions): { controls: SessionControls; prompts: readonly string[] } {
  const { recorder } = o;
  const latest = useRef(o);
  latest.current = o;
  const [prompts, setPrompts] = useState<readonly string[]>([]);
  const store = useRef<SessionStore | undefined>(undefined);

  const load = useCallback(
    async (id: number, fresh: boolean) => {
      const { chat, say, clearScreen } = latest.current;
      const s = store.current;
      const session = s?.session(id);
      if (!s || !session || !recorder) {
        say((m) => m.history.notFound({ id }), 'warn');
        return;
      }
      const r = await (await latest.current.actions()).readSession(s, session);
      if (!fresh) {
        chat.cancel();
        clearScreen();
        chat.dispatch({ type: 'clear' });
      }
      recorder.continueSession(id);
      // The session's system prompt and role come back with it, unless this run was started with its own.
      const flags = fresh ? latest.current.startSystem : undefined;
      if (flags?.system || flags?.role) recorder.setSystem(flags.system, flags.role);
      else {
        const system = session.systemPrompt ?? undefined;
        const role = session.role ?? undefined;
        chat.dispatch({ type: 'system', system, role });
        recorder.setSystem(system, role);
      }
      chat.dispatch({ type: 'load', notes: r.notes, items: r.items, conversation: r.conversation });
    },
    [recorder],
  );

  useEffect(() => {
    if (!recorder) return;
    let gone = false;
    recorder.onProblem((p, path) => {
      if (p.kind !== 'off') void latest.current.actions().then((a) => latest.current.say(a.unavailableText(p, path), 'warn'));
    });
    void recorder.whenOpen().then(async (s) => {
      if (gone) return;
      store.current = s;
      const req = latest.current.resume;
      if (!s) {
        if (req) void latest.current.actions().then((a) => latest.current.say(a.unavailableText(recorder.unavailable, undefined), 'warn'));
        return;
      }
      setPrompts(s.recentPrompts(SAVED_PROMPTS));
      if (req?.kind === 'continue') {
        const found = s.latest(process.cwd());
        if (found) await load(found.id, true);
        else latest.current.say((m) => m.history.noSession);
      } else if (req?.kind === 'id') await load(req.id, true);
      else if (req?.kind === 'pick') latest.current.openPicker();
    });
    return () => {
      gone = true;
    };
  }, [recorder, load]);

  const controls = useMemo<SessionControls>(
    () => ({
      newSession() {
        recorder?.newSession();
      },
      rename(title) {
        recorder?.rename(title);
      },
      exportTo(file, m) {
        void latest.current.actions().then((a) => {
          const { say, cwd } = latest.current;
          const r = a.exportCurrent(recorder, store.current, file, cwd, m);
          say(r.text, r.warn ? 'warn' : undefined);
        });
      },
      open(id) {
        void load(id, false);
      },
      search(text) {
        const s = store.current;
        if (!s) return undefined;
        try {
          return s.search(text, 100);
        } catch {
          return [];
        }
      },
    }),
    [recorder, load],
  );
  return { controls, prompts };
}
