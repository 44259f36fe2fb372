// Shared shapes of a doctor run. The public API is re-exported from ./index.ts.
import type { AppError, ConfigSnapshot, ErrorKind, ProviderMode } from '../runtime/types.js';
import type { Logger } from '../runtime/logger.js';
import type { ErrorContext } from '../runtime/errors.js';
import type { ProbeResult } from '../runtime/connections/types.js';
import type { ParamMemory } from '../runtime/optionalParams.js';
import type { Messages } from '../i18n/en.js';

export type CheckId = 'config' | 'address' | 'server' | 'key' | 'model' | 'request';
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  /** One line: what was found (for a failure, the classified message). */
  title: string;
  detail: string[];
  /** One line: what to do (for a failure, the classified hint). */
  fix?: string;
  ms?: number;
  /** The failure's kind (for the exit code). */
  kind?: ErrorKind;
}

export interface DoctorInput {
  config: ConfigSnapshot;
  /** The .env text (read from config.envPath when omitted). */
  envText?: string;
  /** The process environment, to say when the file overrides it. */
  env?: NodeJS.ProcessEnv;
  model: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Each check is logged; with --debug every request too (secrets scrubbed by the logger). */
  logger?: Logger;
  /** The catalog the results are worded in (English when not given). */
  messages?: Messages;
  /** Optional parameters refused per connection and model: the request leaves them out, as the chat does, and adds new refusals. */
  paramMemory?: ParamMemory;
  /**
   * false: nobody chose `model` (the built-in default on a new setup): when the proxy lacks it, the
   * checks go on with the name the chat would use instead (its nearest served name).
   */
  modelChosen?: boolean;
  /** `openwork-tui doctor` (not /doctor in the chat): fixes name flags, not the chat's keys. */
  headless?: boolean;
}

/** A check's verdict before the runner adds its id and time. */
export type Outcome = Omit<CheckResult, 'id' | 'ms'>;

/** What earlier checks learned, for the later ones. */
export interface Found {
  target?: string; // the URL checked: the proxy's base URL, or Anthropic's API
  reachable: boolean;
  probe?: ProbeResult;
  answers: boolean; // an LLM API answers (not a web page, not silence)
  why?: string; // why later checks are skipped
  mode?: ProviderMode;
  served?: string[];
  /** The model the request is sent with, when not the one asked about (see DoctorInput.modelChosen). */
  model?: string;
  keyStatus?: CheckStatus;
  modelStatus?: CheckStatus;
  /** OPENWORK_API_KEY_HELPER failed: the key check shows this card. */
  helperError?: AppError;
  /** Anthropic's API directly, and no key to use. */
  noKey?: boolean;
}

/** One run's state and helpers, handed to each check. */
export interface Run {
  readonly config: ConfigSnapshot;
  readonly model: string;
  readonly found: Found;
  /** The catalog for every title, detail and fix. */
  readonly m: Messages;
  /** fetch, through the --debug request log when a logger is given. */
  readonly fetchImpl: typeof fetch;
  readonly paramMemory: ParamMemory | undefined;
  now(): number;
  /** Milliseconds left before the run's deadline (OPENWORK_TIMEOUT_MS after the start). */
  left(): number;
  /** How long one probe may wait: at most a third of the timeout and 5 s, and never past the deadline. */
  wait(cap?: number): number;
  ctx(extra?: Partial<ErrorContext>): ErrorContext;
  fail(e: AppError | undefined, detail?: string[]): Outcome;
  classify(err: unknown, detail?: string[], extra?: Partial<ErrorContext>): Outcome;
  timedOut(ms: number, detail?: string[]): Outcome;
  skip(why: string): Outcome;
  /** A skip when too little time is left for another request. */
  outOfTime(): Outcome | undefined;
}
