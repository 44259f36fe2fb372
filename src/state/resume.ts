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
export function conversationOf(messages: readonly SavedMessage[]): ChatMessage[] {
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
  const shown = messages.slice(Math.max(0, messages.length - showLast));
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
  return { items, hidden: messages.length - shown.length, conversation: conversationOf(messages) };
}
