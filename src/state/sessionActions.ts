// The saved sessions' work that needs the database: bringing a session back (--continue, --resume,
// /resume), /export, the words for a problem. Loaded with src/screens.ts right after the first
// frame, not in it: that frame only needs the recorder (launch bench row).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SessionRecorder } from '../history/recorder.js';
import type { SessionStore, SessionSummary } from '../history/store.js';
import { problemText, type HistoryProblem } from '../history/problem.js';
import { exportFileName, toMarkdown } from '../history/export.js';
import type { LazyText, Messages } from '../i18n/index.js';
import { loadMarkdown } from '../render/lazyMarkdown.js';
import { openedSession, SHOW_LAST, type OpenedSession } from './resume.js';

export type ResumeRequest = { kind: 'continue' } | { kind: 'id'; id: number } | { kind: 'pick' };

/** "History is unavailable: why" for a problem (or history turned off). */
export function unavailableText(p: HistoryProblem | undefined, path: string | undefined): LazyText {
  return (m) => m.history.unavailable({ why: problemText(p ?? { kind: 'off' }, path ?? 'sessions.db', m) });
}

/** A saved session as the chat shows and continues it: its last messages shown, all of them sent. */
export async function readSession(s: SessionStore, session: SessionSummary): Promise<OpenedSession> {
  const { all, tail } = s.continuation(session.id, SHOW_LAST);
  await loadMarkdown(); // the replies are rendered as Markdown
  return openedSession(session, all, tail);
}

/**
 * --continue / --resume ID, read before the first frame (the first usable frame is that session):
 * the database and the Markdown renderer are loaded, the session read and continued, with its system
 * prompt and role unless this run was started with its own (`startSystem`). Undefined when it cannot
 * be (no session, history unavailable): the chat then says why once it is on screen.
 */
export async function sessionAtStart(
  recorder: SessionRecorder,
  req: Exclude<ResumeRequest, { kind: 'pick' }>,
  cwd: string,
  startSystem: { system?: string; role?: string },
): Promise<OpenedSession | undefined> {
  const s = await recorder.open();
  const session = s && (req.kind === 'continue' ? s.latest(cwd) : s.session(req.id));
  if (!s || !session) return undefined;
  const opened = await readSession(s, session);
  recorder.continueSession(session.id);
  if (startSystem.system || startSystem.role) {
    recorder.setSystem(startSystem.system, startSystem.role);
    return opened;
  }
  const system = session.systemPrompt ?? undefined;
  const role = session.role ?? undefined;
  recorder.setSystem(system, role);
  return { ...opened, system, role };
}

/** /export [FILE]: the current session as Markdown; what to say about it. */
export function exportCurrent(recorder: SessionRecorder | undefined, s: SessionStore | undefined, file: string | undefined, cwd: string, m: Messages): { text: LazyText; warn: boolean } {
  const id = recorder?.currentSession;
  const session = id !== undefined ? s?.session(id) : undefined;
  if (!s || !session) return { text: recorder?.unavailable ? unavailableText(recorder.unavailable, undefined) : (mm) => mm.history.nothingYet, warn: true };
  const path = resolve(cwd, file ?? exportFileName(session));
  try {
    writeFileSync(path, toMarkdown(session, s.messages(session.id), m), { mode: 0o600 });
    return { text: (mm) => mm.history.exported({ path }), warn: false };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { text: (mm) => mm.history.exportFailed({ path, detail }), warn: true };
  }
}
