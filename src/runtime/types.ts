// Types shared by the runtime and everything above it. No SDK types leak past this file.
import type { ConfigProblem } from '../config/problems.js';
import type { ConfigKey, ProxyFormat } from '../config/keys.js';
import type { ErrorFact } from './errorFact.js';

/** How requests are sent: a connection kind's id (see ./connections/: one folder per kind). */
export type ProviderMode = import('./connections/index.js').KindId;

/** Where a configuration value came from. */
export type ValueSource = 'file' | 'env' | 'default';

/** A problem found while reading the .env file (config/problems.ts: the schema words it). */
export type { ConfigProblem } from '../config/problems.js';

/** An immutable view of the resolved configuration. */
export interface ConfigSnapshot {
  readonly envPath: string;
  readonly fileExists: boolean;
  /** Normalised base URL (no trailing slash or /v1), or undefined for Anthropic direct. */
  readonly baseUrl: string | undefined;
  /** The credential sent to Anthropic / the proxy, and which variable it came from. */
  readonly credential: string | undefined;
  readonly credentialVar: 'ANTHROPIC_AUTH_TOKEN' | 'ANTHROPIC_API_KEY' | undefined;
  readonly hasApiKey: boolean;
  readonly hasAuthToken: boolean;
  readonly openaiApiKey: string | undefined;
  readonly openaiBaseUrl: string | undefined;
  readonly proxyFormat: ProxyFormat;
  readonly timeoutMs: number;
  /** Raw resolved values (secrets included: never render or log these). */
  readonly values: Readonly<Partial<Record<ConfigKey, string>>>;
  readonly sources: Readonly<Partial<Record<ConfigKey, ValueSource>>>;
  readonly problems: readonly ConfigProblem[];
  /**
   * ANTHROPIC_BASE_URL is set but cannot be used (a bad value, or a line dotenv skips). Sending anyway
   * would go to Anthropic directly, with the proxy's key: the runtime sends nothing until it is fixed.
   */
  readonly unusableBaseUrl?: ConfigProblem;
  /** Forward proxy, private CA, extra headers, key helper (runtime/net/settings.ts); absent = none. */
  readonly network?: import('./net/settings.js').NetworkConfig;
  /** The key came from OPENWORK_API_KEY_HELPER (run by the runtime), not from a variable. */
  readonly keyFromHelper?: boolean;
}

/** What the runtime found at the configured address. */
export interface Connection {
  readonly mode: ProviderMode;
  readonly baseUrl: string | undefined;
  /** host:port for display, e.g. 127.0.0.1:3000 */
  readonly host: string | undefined;
  /** The address did not answer the probe (still used as the guessed kind, reported as unreachable). */
  readonly unreachable: boolean;
  /** The proxy's version, when its probe said. */
  readonly proxyVersion?: string;
  /** How the mode was decided. */
  readonly via: 'direct' | 'probe' | 'override' | 'fallback';
}

/** An image sent with a user message (base64, one of the formats both APIs take). */
export interface ImageInput {
  name: string;
  mediaType: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
  data: string;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  /** Sent as image parts beside the text; only to a model that takes images (the runtime checks). */
  images?: readonly ImageInput[];
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  system?: string;
  maxTokens?: number;
}

export type StopReason = 'end' | 'max_tokens' | 'aborted' | 'other';

export type ErrorKind =
  | 'auth' // 401, 403 JSON
  | 'blocked' // 403 HTML / non-JSON answer from something in front of the proxy
  | 'unreachable' // ECONNREFUSED, ENOTFOUND, EHOSTUNREACH...
  | 'timeout' // connect or first byte took too long
  | 'tls' // certificate errors, TLS to a plain HTTP port
  | 'model' // model not served
  | 'rate_limit' // 429
  | 'budget' // the proxy's spend limit for the key (LiteLLM budget_exceeded)
  | 'server' // 5xx
  | 'stream_cut' // the stream ended before the reply finished
  | 'bad_request' // other 4xx
  | 'config' // the configuration itself is unusable
  | 'unknown';

/** A failure, classified: its kind, what happened (no stack, no secret) and what the user can act on. */
export interface AppError {
  kind: ErrorKind;
  /** What went wrong, as data: src/words/errors.ts words it (message and hint) in the user's language. */
  fact: ErrorFact;
  status?: number;
  /** The address that was tried, when relevant. */
  url?: string;
  /** Masked credential (sk-…a1b2) and its variable, for auth failures. */
  maskedKey?: string;
  keyVar?: string;
  /** Model names the proxy does serve, nearest first (model failures). */
  servedModels?: string[];
  /** Seconds until a rate limit resets, when the headers say. */
  retryAfterSec?: number;
  /** A budget refusal: what was spent, the limit (USD) and when it resets, as far as known. */
  budget?: Budget;
  /** Server's own error text, scrubbed of secrets. */
  detail?: string;
}

/** A key's spend and limit (LiteLLM GET /key/info), USD. */
export interface Budget {
  spend?: number;
  maxBudget?: number;
  /** ISO time the spend resets, when the key has a budget period. */
  resetAt?: string;
}

/** One event type for every provider. */
export type ChatEvent =
  | { type: 'start'; model: string; mode: ProviderMode; requestId?: string; rateLimits?: Readonly<Record<string, string>>; /** x-litellm-version of the reply, when it said. */ serverVersion?: string }
  | { type: 'text'; text: string }
  /**
   * Tokens and cost of one reply. `cost` is the proxy's (x-litellm-response-cost) unless
   * `costSource` says it was computed from prices ('prices': the proxy's /model/info; 'builtin').
   */
  | { type: 'usage'; inputTokens?: number; outputTokens?: number; cost?: number; costSource?: import('./usage/ledger.js').CostSource }
  /** Waiting for a rate limit to pass before sending once more by itself (Esc cancels). */
  | { type: 'wait'; untilMs: number; seconds: number }
  | { type: 'done'; stopReason: StopReason }
  | { type: 'error'; error: AppError; partial: boolean };

export interface ModelEntry {
  id: string;
  label?: string;
  source: 'proxy' | 'builtin';
  /** true: the proxy serves it; false: the proxy does not; undefined: unknown (no proxy / listing failed). */
  served: boolean | undefined;
  /** For a built-in name the proxy lacks: the nearest name it does serve. */
  suggestion?: string;
  contextWindow?: number;
  /** USD per million tokens */
  inputCostPerMTok?: number;
  outputCostPerMTok?: number;
  /** Provider model behind a proxy alias, from /model/info. */
  underlying?: string;
  /** Takes images: built-in Claude models; a proxy's from /model/info `supports_vision`. */
  vision?: boolean;
}

export interface ModelListing {
  models: ModelEntry[];
  /** 'ok': the proxy listed its models; 'none': no proxy to ask; otherwise why listing failed. */
  status: 'ok' | 'none' | 'error';
  error?: AppError;
}

/** A short notice for the status bar (reload, broken file...). */
export interface RuntimeNotice {
  id: number;
  level: 'info' | 'warn' | 'error';
  /** What happened, as data: src/words/notices.ts words it in the user's language. */
  fact: NoticeFact;
  problems?: readonly ConfigProblem[];
}

/** What a notice reports: problems in .env (at start or on reload), a file that cannot be read, a switch. */
export type NoticeFact =
  | { id: 'problems'; problems: readonly ConfigProblem[] }
  /** `code`: the file exists but cannot be read (EnvReadError); else `error` is all that is known. */
  | { id: 'unreadable'; path: string; code?: string; error: string }
  /** A reload found problems: the previous connection is kept. */
  | { id: 'keptPrevious'; problems: readonly ConfigProblem[] }
  | { id: 'envFine' }
  | { id: 'switched'; connection: Connection }
  /** Network settings that cannot be used (NetworkConfig.problems: English, never a header's value). */
  | { id: 'network'; problems: readonly string[] };

export interface RuntimeState {
  readonly config: ConfigSnapshot;
  readonly connection: Connection;
  /** true while the first detection (probe) is running */
  readonly detecting: boolean;
  readonly notice: RuntimeNotice | undefined;
  /** Increments on every client swap. */
  readonly generation: number;
  /** The last request was refused for its key (401/403); cleared by a reply or a config change. */
  readonly keyRefused?: boolean;
  /** The proxy (or API) accepted the key: its model listing or a reply; cleared by a config change. */
  readonly keyAccepted?: boolean;
  /** Tokens and cost of this session's replies (see usage/ledger.ts). */
  readonly usage?: import('./usage/ledger.js').SessionUsage;
  /** The key's budget from LiteLLM's /key/info, when it has one. */
  readonly budget?: Budget;
  /** The proxy's x-ratelimit-remaining-* headers on its last reply. */
  readonly rateLimits?: Readonly<Record<string, string>>;
}

/** What the UI needs from the runtime. The real one is RuntimeService; tests may script a fake. */
export interface Runtime {
  subscribe(listener: () => void): () => void;
  getState(): RuntimeState;
  chat(request: ChatRequest, signal?: AbortSignal): AsyncIterable<ChatEvent>;
  listModels(signal?: AbortSignal): Promise<ModelListing>;
  /**
   * A key check made elsewhere (Test connection, Ctrl+T) on `config`: when that is the connection in
   * use, the status bar's key state follows it, so the two never disagree.
   */
  noteKeyCheck?(config: ConfigSnapshot, verdict: 'accepted' | 'refused'): void;
  /** What is known of one model (context window, vision), from the listing kept for this connection. */
  modelInfo?(model: string, signal?: AbortSignal): Promise<ModelEntry | undefined>;
  /** A line in the app's log file (never on the screen), for failures the UI can only call "unexpected". */
  logError?(message: string): void;
  /** The key's budget from the proxy now (LiteLLM /key/info); also kept in the state. */
  refreshBudget?(): Promise<Budget | undefined>;
  /** Use another .env file from now on (a connection profile): read, watched and connected to. Throws when unreadable. */
  useEnvFile?(envPath: string): Promise<void>;
  /** Optional parameters refused per connection and model (the doctor's request leaves them out too). */
  readonly paramMemory?: import('./optionalParams.js').ParamMemory;
}
