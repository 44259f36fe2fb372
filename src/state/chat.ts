// The chat transcript as a pure reducer: finished items (shown once, in <Static>), the reply that is
// streaming now, and the conversation sent with each request. Times come in actions, never Date.now().
import { CUT_NOTE, keepTail, LIVE_MAX, PLAIN_AFTER, tailText } from './longReply.js';
import type { ReplyStatus, TranscriptItem, LiveReply, LastReply, ChatState, ChatAction, InitialChat, NewItem } from './chatTypes.js';

// The types live in chatTypes.ts; importers name them from here, beside the reducer.
export type { ReplyStatus, TranscriptItem, Usage, LiveReply, LastReply, SentPrompt, ChatState, ChatAction, InitialChat, NewItem } from './chatTypes.js';

export function initialChatState(init: InitialChat): ChatState {
  const items: TranscriptItem[] = [{ kind: 'banner', id: 0, version: init.version }];
  if (init.firstRun) items.push({ kind: 'welcome', id: 1, envPath: init.envPath });
  const s: ChatState = { items, backlog: [], live: undefined, conversation: [], last: undefined, nextId: items.length, epoch: 0, system: init.system, role: init.role };
  return init.resumed ? chatReducer(s, { type: 'load', ...init.resumed }) : s;
}


/** Adds items to the transcript, after whatever of a resumed session is still waiting to print. */
function push(s: ChatState, ...add: NewItem[]): Pick<ChatState, 'items' | 'nextId' | 'backlog'> {
  let id = s.nextId;
  const items = [...s.items, ...s.backlog, ...add.map((a) => ({ ...a, id: id++ }) as TranscriptItem)];
  return { items, nextId: id, backlog: [] };
}

/** Characters of a resumed session printed per step: about a screenful, a few milliseconds to render. */
export const PRINT_STEP_CHARS = 4000;

/** How many backlog items the next 'print' takes: whole items up to about `budget` characters (at least one). */
export function printCount(backlog: readonly TranscriptItem[], budget = PRINT_STEP_CHARS): number {
  let n = 0;
  let chars = 0;
  for (const item of backlog) {
    n++;
    chars += item.kind === 'user' || item.kind === 'assistant' ? item.text.length : 80;
    if (chars >= budget) break;
  }
  return Math.max(1, n);
}

/** The last item of the backlog when it is a reply: shown in the live region until it is printed. */
export function previewOf(s: Pick<ChatState, 'backlog'>): Extract<TranscriptItem, { kind: 'assistant' }> | undefined {
  const last = s.backlog.at(-1);
  return last?.kind === 'assistant' ? last : undefined;
}

/** What the conversation keeps of a long reply: its Markdown part and a note (the rest is in the file). */
function sentBack(live: LiveReply): string {
  // At most the Markdown limit: the batch that crossed it can hold the rest of the reply (a stalled loop batches a lot).
  return live.plain ? `${live.full.slice(0, PLAIN_AFTER)}\n\n${CUT_NOTE}` : live.full;
}

/** Ends the live reply: its remaining text (and status) go to the transcript. */
function endLive(s: ChatState, live: LiveReply, status: ReplyStatus | undefined, extra: NewItem[], now: number): ChatState {
  const parts: NewItem[] = [];
  // An empty reply still shows its label, unless an error card stands in for it.
  const labelOnly = !live.committed && extra.length === 0;
  const p = live.plain;
  if (p) {
    parts.push({ kind: 'assistant', model: live.model, text: tailText(p.tail, 20), label: false, status, plain: true });
    parts.push({ kind: 'info', tone: p.saveFailed ? 'warn' : 'info', text: (m) => (p.saveFailed || !p.path ? m.chat.longReplyNotSaved({ size: p.size }) : m.chat.longReplySaved({ size: p.size, path: p.path })) });
  } else if (live.text.trim() !== '' || status || labelOnly) {
    parts.push({ kind: 'assistant', model: live.model, text: live.text, label: !live.committed, status });
  }
  const answered = live.full.trim() !== '';
  const conversation = answered
    ? [...s.conversation, { role: 'assistant' as const, content: sentBack(live) }]
    : s.conversation.slice(0, -1); // nothing came back: drop the unanswered prompt
  const u = live.usage;
  const last: LastReply | undefined = answered
    ? {
        outputTokens: u?.outputTokens ?? live.chunks,
        estimated: u?.outputTokens === undefined,
        inputTokens: u?.inputTokens,
        cost: u?.cost,
        ...(u?.costEstimated ? { costEstimated: true } : {}),
        durationMs: now - live.startedAt,
        ...(u?.inputTokens !== undefined && u.outputTokens !== undefined ? { context: { tokens: u.inputTokens + u.outputTokens, messages: conversation.length } } : {}),
      }
    : s.last;
  return { ...s, ...push(s, ...parts, ...extra), live: undefined, conversation, last };
}

export function chatReducer(s: ChatState, a: ChatAction): ChatState {
  switch (a.type) {
    case 'submit': {
      const live: LiveReply = {
        gen: a.gen,
        model: a.model,
        text: '',
        full: '',
        committed: false,
        startedAt: a.now,
        firstTokenAt: undefined,
        chunks: 0,
        usage: undefined,
      };
      const content = a.content ?? a.text;
      const images = a.images?.length ? { images: a.images } : {};
      const conversation = [...s.conversation, { role: 'user' as const, content, ...images }];
      return { ...s, ...push(s, { kind: 'user', text: a.text }), live, conversation, lastPrompt: { text: a.text, content, ...images } };
    }
    case 'info':
      return { ...s, ...push(s, { kind: 'info', text: a.text, tone: a.tone ?? 'info' }) };
    case 'help':
      return { ...s, ...push(s, { kind: 'help' }) };
    case 'doctor':
      return { ...s, ...push(s, { kind: 'doctor', lines: a.lines, summary: a.summary, ok: a.ok }) };
    case 'clear':
      return { ...s, items: [], backlog: [], live: undefined, conversation: [], last: undefined, epoch: s.epoch + 1, lastPrompt: undefined };
    case 'refresh':
      return { ...s, epoch: s.epoch + 1 };
    case 'load': {
      const prompt = a.conversation.filter((c) => c.role === 'user').at(-1);
      const lastPrompt = prompt ? { text: prompt.content, content: prompt.content, ...(prompt.images ? { images: prompt.images } : {}) } : undefined;
      // Its notes (which session, what is not shown) print at once, its messages in steps.
      const { items, nextId } = push(s, ...(a.notes ?? []));
      let id = nextId;
      const backlog = a.items.map((i) => ({ ...i, id: id++ }) as TranscriptItem);
      return { ...s, items, backlog, nextId: id, live: undefined, conversation: [...a.conversation], last: undefined, lastPrompt };
    }
    case 'print': {
      if (s.backlog.length === 0) return s;
      const n = Math.max(1, a.count);
      return { ...s, items: [...s.items, ...s.backlog.slice(0, n)], backlog: s.backlog.slice(n) };
    }
    case 'system':
      return { ...s, system: a.system?.trim() ? a.system : undefined, role: a.role };
    default:
      break;
  }
  // Everything below belongs to a turn: events from any other generation are dropped.
  const live = s.live;
  if (!live || live.gen !== a.gen) return s;
  switch (a.type) {
    case 'start': {
      if (live.retryAt === undefined && (!a.model || a.model === live.model)) return s;
      const { retryAt: _sent, ...rest } = live;
      return { ...s, live: { ...rest, ...(a.model ? { model: a.model } : {}) } };
    }
    case 'wait':
      return { ...s, live: { ...live, retryAt: a.untilMs } };
    case 'delta': {
      if (a.text === '') return s;
      const counted = { firstTokenAt: live.firstTokenAt ?? a.now, chunks: live.chunks + a.chunks };
      if (live.plain) {
        const plain = { ...live.plain, size: live.plain.size + a.text.length, tail: keepTail(live.plain.tail + a.text) };
        return { ...s, live: { ...live, ...counted, plain } };
      }
      // Too long for Markdown — the reply, or one unfinished block (however the text was batched):
      // what came so far is committed as it is; the rest goes plain.
      const goPlain = (): ChatState => {
        const full = live.full + a.text;
        const next: LiveReply = { ...live, ...counted, text: '', full, committed: true, plain: { size: full.length, tail: '' } };
        const part: NewItem = { kind: 'assistant', model: live.model, text: live.text + a.text, label: !live.committed };
        return { ...s, ...push(s, part), live: next };
      };
      if (live.full.length + a.text.length > PLAIN_AFTER) return goPlain();
      const { done, rest } = a.split(live.text + a.text);
      if (rest.length > LIVE_MAX) return goPlain();
      const next: LiveReply = {
        ...live,
        text: rest,
        full: live.full + a.text,
        committed: live.committed || done !== '',
        firstTokenAt: live.firstTokenAt ?? a.now,
        chunks: live.chunks + a.chunks,
      };
      if (done === '') return { ...s, live: next };
      const part: NewItem = { kind: 'assistant', model: live.model, text: done, label: !live.committed };
      return { ...s, ...push(s, part), live: next };
    }
    case 'usage':
      return { ...s, live: { ...live, usage: { ...live.usage, ...a.usage } } };
    case 'saved':
      return live.plain ? { ...s, live: { ...live, plain: { ...live.plain, ...(a.path ? { path: a.path } : {}), saveFailed: a.failed } } } : s;
    case 'finish':
      return endLive(s, live, a.stopReason === 'max_tokens' ? 'max_tokens' : a.stopReason === 'aborted' ? 'interrupted' : undefined, [], a.now);
    case 'interrupt':
      return endLive(s, live, 'interrupted', [], a.now);
    case 'fail': {
      const cut = live.full.trim() !== '' ? 'cut' : undefined;
      return endLive(s, live, cut, [{ kind: 'error', error: a.error }], a.now);
    }
  }
}
