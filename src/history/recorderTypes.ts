// What the recorder (recorder.ts) is given: its options, how a reply ended, and the reply it is saving.
import type { HistoryOpen } from './open.js';
import type { HistoryProblem } from './problem.js';
import type { MessageStatus } from './store.js';

export interface ReplyEnd {
  text: string;
  status: Exclude<MessageStatus, 'streaming'>;
  errorKind?: string;
  stopReason?: string;
  inputTokens?: number;
  outputTokens?: number;
  cost?: number;
}

export interface RecorderOptions {
  /** Opens the database (called once, by open()). */
  open(): Promise<HistoryOpen>;
  /** The folder the app was started in (kept with each new session). */
  cwd: string;
  /** The connection's label for a reply (never a secret), e.g. "LiteLLM proxy 127.0.0.1:3000". */
  connection(): string | undefined;
  now?(): number;
  log?(message: string): void;
  /** History cannot be used (off, corrupt, newer, failing): said once. */
  onProblem?(problem: HistoryProblem, path: string | undefined): void;
}

export interface Reply {
  /** Its row, once inserted. */
  id: number | undefined;
  model: string;
  callId: string | undefined;
  text: string;
  savedText: string | undefined;
  savedAt: number;
  timer: NodeJS.Timeout | undefined;
}
