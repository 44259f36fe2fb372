// The chat transcript as a pure reducer: finished items (shown once, in <Static>), the reply that is
// streaming now, and the conversation sent with each request. Times come in actions, never Date.now().
import type { AppError, ChatMessage, StopReason } from '../runtime/types.js';
import type { DoctorLine } from '../runtime/doctor.js';
import type { LazyText } from '../i18n/index.js';
import type { splitCommittable } from '../render/markdown.js';

type SplitCommittable = typeof splitCommittable;

export type ReplyStatus = 'interrupted' | 'cut' | 'max_tokens';

export type TranscriptItem =
  | { kind: 'banner'; id: number; version: string }
  | { kind: 'welcome'; id: number; envPath: string | undefined }
  | { kind: 'user'; id: number; text: string }
  | {
      kind: 'assistant';
      id: number;
      model: string;
      text: string;
      /** The first part of a reply carries the model label. */
      label: boolean;
      /** Set on the last part of a reply that did not end normally. */
      status?: ReplyStatus;
    }
  | { kind: 'error'; id: number; error: AppError }
  | { kind: 'info'; id: number; text: LazyText; tone: 'info' | 'warn' }
  | { kind: 'help'; id: number }
  | { kind: 'doctor'; id: number; lines: readonly DoctorLine[]; summary: string; ok: boolean };

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  cost?: number;
}

/** The reply streaming now. Finished paragraphs move to items; `text` is the rest. */
export interface LiveReply {
  readonly gen: number;
  readonly model: string;
  readonly text: string;
  readonly full: string;
  /** A part of this reply is already in the transcript (with the label). */
  readonly committed: boolean;
  readonly startedAt: number;
  readonly firstTokenAt: number | undefined;
  /** Text events received (about one per token). */
  readonly chunks: number;
  readonly usage: Usage | undefined;
}

export interface LastReply {
  outputTokens: number;
  /** outputTokens counted from stream chunks, not reported by the server. */
  estimated: boolean;
  inputTokens?: number;
  cost?: number;
  durationMs: number;
}

export interface ChatState {
  readonly items: readonly TranscriptItem[];
  readonly live: LiveReply | undefined;
  readonly conversation: readonly ChatMessage[];
  readonly last: LastReply | undefined;
  readonly nextId: number;
  /** Bumped to reprint the transcript (after /clear or a resize): the <Static> key. */
  readonly epoch: number;
}

export type ChatAction =
  | { type: 'submit'; gen: number; text: string; model: string; now: number }
  | { type: 'start'; gen: number; model: string }
  /** `split` cuts the reply where Markdown can be printed for good (render/markdown's splitCommittable,
   * loaded lazily): passed in, so the reducer stays pure and loads nothing. */
  | { type: 'delta'; gen: number; text: string; chunks: number; now: number; split: SplitCommittable }
  | { type: 'usage'; gen: number; usage: Usage }
  | { type: 'finish'; gen: number; stopReason: StopReason; now: number }
  | { type: 'interrupt'; gen: number; now: number }
  | { type: 'fail'; gen: number; error: AppError; now: number }
  | { type: 'info'; text: LazyText; tone?: 'info' | 'warn' }
  | { type: 'help' }
  | { type: 'doctor'; lines: readonly DoctorLine[]; summary: string; ok: boolean }
  | { type: 'clear' }
  | { type: 'refresh' }
  /** A saved session brought back (--continue, /resume): its items shown, its conversation continued. */
  | { type: 'load'; items: readonly NewItem[]; conversation: readonly ChatMessage[] };

export interface InitialChat {
  version: string;
  firstRun?: boolean;
  envPath?: string;
}

export function initialChatState(init: InitialChat): ChatState {
  const items: TranscriptItem[] = [{ kind: 'banner', id: 0, version: init.version }];
  if (init.firstRun) items.push({ kind: 'welcome', id: 1, envPath: init.envPath });
  return { items, live: undefined, conversation: [], last: undefined, nextId: items.length, epoch: 0 };
}

export type NewItem = TranscriptItem extends infer T ? (T extends TranscriptItem ? Omit<T, 'id'> : never) : never;

function push(s: ChatState, ...add: NewItem[]): Pick<ChatState, 'items' | 'nextId'> {
  let id = s.nextId;
  const items = [...s.items, ...add.map((a) => ({ ...a, id: id++ }) as TranscriptItem)];
  return { items, nextId: id };
}

/** Ends the live reply: its remaining text (and status) go to the transcript. */
function endLive(s: ChatState, live: LiveReply, status: ReplyStatus | undefined, extra: NewItem[], now: number): ChatState {
  const parts: NewItem[] = [];
  // An empty reply still shows its label, unless an error card stands in for it.
  const labelOnly = !live.committed && extra.length === 0;
  if (live.text.trim() !== '' || status || labelOnly) {
    parts.push({ kind: 'assistant', model: live.model, text: live.text, label: !live.committed, status });
  }
  const answered = live.full.trim() !== '';
  const conversation = answered
    ? [...s.conversation, { role: 'assistant' as const, content: live.full }]
    : s.conversation.slice(0, -1); // nothing came back: drop the unanswered prompt
  const last: LastReply | undefined = answered
    ? {
        outputTokens: live.usage?.outputTokens ?? live.chunks,
        estimated: live.usage?.outputTokens === undefined,
        inputTokens: live.usage?.inputTokens,
        cost: live.usage?.cost,
        durationMs: now - live.startedAt,
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
      const conversation = [...s.conversation, { role: 'user' as const, content: a.text }];
      return { ...s, ...push(s, { kind: 'user', text: a.text }), live, conversation };
    }
    case 'info':
      return { ...s, ...push(s, { kind: 'info', text: a.text, tone: a.tone ?? 'info' }) };
    case 'help':
      return { ...s, ...push(s, { kind: 'help' }) };
    case 'doctor':
      return { ...s, ...push(s, { kind: 'doctor', lines: a.lines, summary: a.summary, ok: a.ok }) };
    case 'clear':
      return { ...s, items: [], live: undefined, conversation: [], last: undefined, epoch: s.epoch + 1 };
    case 'refresh':
      return { ...s, epoch: s.epoch + 1 };
    case 'load':
      return { ...s, ...push(s, ...a.items), live: undefined, conversation: [...a.conversation], last: undefined };
    default:
      break;
  }
  // Everything below belongs to a turn: events from any other generation are dropped.
  const live = s.live;
  if (!live || live.gen !== a.gen) return s;
  switch (a.type) {
    case 'start':
      return a.model && a.model !== live.model ? { ...s, live: { ...live, model: a.model } } : s;
    case 'delta': {
      if (a.text === '') return s;
      const { done, rest } = a.split(live.text + a.text);
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
