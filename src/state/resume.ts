// A saved session → what the chat shows and what it sends next. Pure: the transcript shows the last
// SHOW_LAST messages (printing a thousand would hold up the first usable frame), while the whole
// conversation goes out as context with the next prompt.
import type { ChatMessage } from '../runtime/types.js';
import type { NewItem } from './chat.js';
import { errorTitle } from '../history/export.js';

/** The fields of a saved message this needs (src/history/store.ts StoredMessage has them all). */
export interface SavedMessage {
  role: 'user' | 'assistant';
  text: string;
  status: 'streaming' | 'done' | 'interrupted' | 'failed';
  errorKind: string | null;
  stopReason: string | null;
  model: string | null;
}

export const SHOW_LAST = 40;

export interface ResumedChat {
  /** Transcript items for the last SHOW_LAST messages. */
  items: NewItem[];
  /** Messages not shown. */
  hidden: number;
  /** Every answered prompt and its reply, in order, as the next request sends them. */
  conversation: ChatMessage[];
}

/**
 * A prompt goes into the conversation only with a reply that has text, as in the live chat (a prompt
 * nothing came back for is dropped there too); a partial reply (interrupted, or saved while it
 * streamed when the app was killed) counts, as it would have in that chat.
 */
export function conversationOf(messages: readonly Pick<SavedMessage, 'role' | 'text'>[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  let prompt: string | undefined;
  for (const m of messages) {
    if (m.role === 'user') prompt = m.text;
    else if (prompt !== undefined && m.text.trim() !== '') {
      out.push({ role: 'user', content: prompt }, { role: 'assistant', content: m.text });
      prompt = undefined;
    } else prompt = undefined;
  }
  return out;
}

export function resumeChat(messages: readonly SavedMessage[], showLast = SHOW_LAST): ResumedChat {
  return resumeParts(messages, messages.slice(Math.max(0, messages.length - showLast)));
}

/** `all` the session's messages (role and text are enough), `shown` its last ones, whole. */
function resumeParts(all: readonly Pick<SavedMessage, 'role' | 'text'>[], shown: readonly SavedMessage[]): ResumedChat {
  const items: NewItem[] = [];
  for (const m of shown) {
    if (m.role === 'user') {
      items.push({ kind: 'user', text: m.text });
      continue;
    }
    const status =
      m.status === 'interrupted' || m.status === 'streaming'
        ? 'interrupted'
        : m.status === 'failed'
          ? m.text.trim() !== ''
            ? 'cut'
            : undefined
          : m.stopReason === 'max_tokens'
            ? 'max_tokens'
            : undefined;
    if (m.status === 'failed' && m.text.trim() === '') {
      const kind = m.errorKind;
      items.push({ kind: 'info', tone: 'warn', text: (msg) => msg.history.doc.status.failed({ title: errorTitle(kind, msg) }) });
      continue;
    }
    items.push({ kind: 'assistant', model: m.model ?? '', text: m.text, label: true, ...(status ? { status } : {}) });
  }
  return { items, hidden: all.length - shown.length, conversation: conversationOf(all) };
}

/**
 * A saved session as the chat opens it: a note saying which (and what is not shown), its items, its
 * conversation. `all` is every message (role and text: store.continuation), `shown` the last SHOW_LAST whole.
 */
export interface OpenedSession {
  id: number;
  /** Its system prompt and role, when they come back with it (sessionAtStart). */
  system?: string | undefined;
  role?: string | undefined;
  notes: NewItem[];
  items: NewItem[];
  conversation: ChatMessage[];
}

export function openedSession(
  session: { id: number; title: string },
  all: readonly Pick<SavedMessage, 'role' | 'text'>[],
  shown: readonly SavedMessage[],
): OpenedSession {
  const { id, title } = session;
  const r = resumeParts(all, shown);
  const n = all.length;
  const notes: NewItem[] = [{ kind: 'info', tone: 'info', text: (m) => m.history.resumed({ id, title, n }) }];
  if (r.hidden > 0) notes.push({ kind: 'info', tone: 'info', text: (m) => m.history.hiddenEarlier({ n: r.hidden, id }) });
  return { id, notes, items: r.items, conversation: r.conversation };
}
