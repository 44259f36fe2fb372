// The chat's state and actions (the reducer is chat.ts): finished transcript items, the reply
// streaming now, the conversation sent with each request, and what the last reply cost.
import type { AppError, ChatMessage, ImageInput, StopReason } from '../runtime/types.js';
import type { DoctorLine } from '../doctor/index.js';
import type { LazyText } from '../i18n/index.js';
import type { splitCommittable } from '../render/splitCommittable.js';
import type { PlainTail } from './longReply.js';

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
      /** The end of a long reply, shown as plain text (not Markdown). */
      plain?: boolean;
    }
  | { kind: 'error'; id: number; error: AppError }
  | { kind: 'info'; id: number; text: LazyText; tone: 'info' | 'warn' }
  | { kind: 'help'; id: number }
  | { kind: 'doctor'; id: number; lines: readonly DoctorLine[]; summary: string; ok: boolean };

export interface Usage {
  inputTokens?: number;
  outputTokens?: number;
  cost?: number;
  /** The cost was computed here from prices (the proxy sent none): shown as an estimate. */
  costEstimated?: boolean;
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
  /** Past PLAIN_AFTER: the rest of the reply, plain. `full` then stops growing. */
  readonly plain?: PlainTail;
  /** Rate limited: sent again by itself at this time (ms) unless Esc cancels. */
  readonly retryAt?: number;
}

export interface LastReply {
  outputTokens: number;
  /** outputTokens counted from stream chunks, not reported by the server. */
  estimated: boolean;
  inputTokens?: number;
  cost?: number;
  costEstimated?: boolean;
  durationMs: number;
  /** The conversation's size as the server counted it (input + output of this reply), and how many messages it covered. */
  context?: { tokens: number; messages: number };
}

/** A prompt as it was sent: what the transcript showed, and what went to the model (with its attachments). */
export interface SentPrompt {
  readonly text: string;
  readonly content: string;
  readonly images?: readonly ImageInput[];
}

export interface ChatState {
  readonly items: readonly TranscriptItem[];
  /**
   * A resumed session's items not printed yet, oldest first. They go to `items` a screenful at a
   * time ('print'), so the first frame after a resume renders only the end of the session (its last
   * reply, in the live region: `previewOf`) instead of the whole transcript; anything else added to
   * the transcript prints them all first, so the order never changes.
   */
  readonly backlog: readonly TranscriptItem[];
  readonly live: LiveReply | undefined;
  readonly conversation: readonly ChatMessage[];
  readonly last: LastReply | undefined;
  readonly nextId: number;
  /** Bumped to reprint the transcript (after /clear or a resize): the <Static> key. */
  readonly epoch: number;
  /** The system prompt sent with every request, and the role it came from (if any). Kept by /clear. */
  readonly system: string | undefined;
  readonly role: string | undefined;
  /** The last prompt sent (/retry sends it again). */
  readonly lastPrompt?: SentPrompt;
}

export type ChatAction =
  /** `text` is shown; `content` and `images` (the text with its attached files) are sent, when given. */
  | { type: 'submit'; gen: number; text: string; model: string; now: number; content?: string; images?: readonly ImageInput[] }
  | { type: 'start'; gen: number; model: string }
  /** `split` cuts the reply where Markdown can be printed for good (render/markdown's splitCommittable,
   * loaded lazily): passed in, so the reducer stays pure and loads nothing. */
  | { type: 'delta'; gen: number; text: string; chunks: number; now: number; split: SplitCommittable }
  | { type: 'usage'; gen: number; usage: Usage }
  /** The proxy rate-limited the request: it is sent again by itself at `untilMs`. */
  | { type: 'wait'; gen: number; untilMs: number }
  | { type: 'saved'; gen: number; path: string | undefined; failed: boolean }
  | { type: 'finish'; gen: number; stopReason: StopReason; now: number }
  | { type: 'interrupt'; gen: number; now: number }
  | { type: 'fail'; gen: number; error: AppError; now: number }
  | { type: 'info'; text: LazyText; tone?: 'info' | 'warn' }
  | { type: 'help' }
  | { type: 'doctor'; lines: readonly DoctorLine[]; summary: string; ok: boolean }
  | { type: 'clear' }
  | { type: 'refresh' }
  /** A saved session brought back (--continue, /resume): its items shown, its conversation continued. */
  | { type: 'load'; items: readonly NewItem[]; conversation: readonly ChatMessage[]; notes?: readonly NewItem[] }
  /** The next `count` items of the backlog go to the transcript. */
  | { type: 'print'; count: number }
  | { type: 'system'; system: string | undefined; role: string | undefined };

export interface InitialChat {
  version: string;
  /** A session read before the first frame (--continue, --resume ID): it is in that frame. */
  resumed?: { notes: readonly NewItem[]; items: readonly NewItem[]; conversation: readonly ChatMessage[] };
  firstRun?: boolean;
  envPath?: string;
  system?: string;
  role?: string;
}

export type NewItem = TranscriptItem extends infer T ? (T extends TranscriptItem ? Omit<T, 'id'> : never) : never;
