// What went wrong, as data: the runtime reports it, src/words/errors.ts words it for the chat and
// the commands alike. Every string here is already cleaned and scrubbed of secrets.
import type { ConfigProblem } from './types.js';
import type { KeyHelperFailure } from './net/keyHelperError.js';

/** `host` undefined: the address is not known ("the server"). */
export type ErrorFact =
  | { id: 'notTheApiPage'; host?: string; contentType: string }
  | { id: 'notTheApiJson'; host?: string; start: string }
  | { id: 'notTheApi'; host?: string; status: number }
  | { id: 'timeout'; host?: string; timeoutMs?: number }
  | { id: 'webPage'; host?: string; server?: string }
  /** `unread`: no key was read because its .env line is malformed (the hint points at that line). */
  | { id: 'auth'; server: 'anthropic' | 'openai' | 'proxy'; status: number; key?: string; keyVar?: string; headless?: boolean; unread?: ConfigProblem }
  | { id: 'model'; host?: string; model?: string; served: string[]; headless?: boolean }
  | { id: 'budget'; host?: string; spent?: number; limit?: number; resetAt?: string }
  | { id: 'rateLimit'; host?: string; after?: number }
  /** `param`: a parameter the provider lacks (its hint replaces the kind's own); `proxy`: the kind is a proxy. */
  | { id: 'server'; host?: string; status: number; detail?: string; param?: string; proxy: boolean }
  | { id: 'badRequest'; status: number; detail?: string; param?: string; proxy: boolean }
  | { id: 'headersTooLarge'; host?: string }
  | { id: 'bodyTooLarge'; host?: string }
  | { id: 'caFile'; caVar: string; code: string }
  | { id: 'tlsUnknownCa'; host?: string; code: string; caVar?: string }
  | { id: 'httpToTls'; host?: string }
  /** The address's port is one fetch refuses to connect to (the Fetch standard's "bad ports": 6000, 6667…). */
  | { id: 'badPort'; host?: string }
  /** A connect that never completed within undici's connect timeout (net/connectLimit.ts). */
  | { id: 'connectLimit'; where?: string; ms: number }
  | { id: 'timedOut'; host?: string; code: string }
  | { id: 'tlsPlain' | 'tlsCert'; host?: string; code: string }
  | { id: 'unreachable'; where?: string; code: string; why: 'refused' | 'dns' | 'dropped' | 'network'; dns: boolean }
  | { id: 'unknown'; text: string }
  | { id: 'streamCut'; host?: string }
  | { id: 'stalled'; host?: string; timeoutMs: number }
  | { id: 'unusableAddress'; problem: ConfigProblem }
  | { id: 'keyHelper'; command: string; why: KeyHelperFailure; code: string }
  | { id: 'noKey'; unread?: ConfigProblem }
  | { id: 'unexpected' }
  | { id: 'noImages'; model: string; viaProxy: boolean }
  /** The model listing threw (state/useModelListing): its own message, and "see the log". */
  | { id: 'listingFailed'; text: string };

export type ErrorFactId = ErrorFact['id'];
