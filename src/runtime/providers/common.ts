import type { ChatEvent, ModelEntry } from '../types.js';

/** One provider adapter: turns its SDK's stream into ChatEvents. Errors are thrown raw; the service classifies them. */
export interface ProviderClient {
  /**
   * `omit`: optional parameters (from `optionalParams`) to leave out, because this endpoint refused them
   * for this model (see ../optionalParams.ts).
   */
  stream(req: import('../types.js').ChatRequest, signal: AbortSignal, options?: { omit?: readonly string[] }): AsyncIterable<ChatEvent>;
  /** Parameters the client adds on its own, that the user never asked for and a reply can do without. */
  readonly optionalParams: readonly string[];
  /** The names this endpoint serves (with details where it says). */
  listModels(signal?: AbortSignal): Promise<Omit<ModelEntry, 'source' | 'served'>[]>;
}

export interface ClientSettings {
  mode: import('../types.js').ProviderMode;
  baseURL: string | undefined;
  credential: string | undefined;
  /** How to send the credential to an Anthropic-format endpoint. */
  credentialVar: 'ANTHROPIC_AUTH_TOKEN' | 'ANTHROPIC_API_KEY' | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** Thrown when a stream goes quiet longer than the timeout, or ends without finishing. */
export class StreamError extends Error {
  constructor(
    readonly kind: 'timeout' | 'stream_cut',
    message: string,
  ) {
    super(message);
    this.name = 'StreamError';
  }
}

/**
 * A StreamError, told by its name: the chat (dist/tui.js) and the SDK adapters (dist/lazy/) are
 * bundled apart, each with its own copy of this class, so `instanceof` does not hold across them.
 */
export function isStreamError(err: unknown): err is StreamError {
  return err instanceof Error && err.name === 'StreamError' && ((err as StreamError).kind === 'timeout' || (err as StreamError).kind === 'stream_cut');
}

/**
 * Iterates `source`, failing with a timeout when no item arrives for `idleMs`
 * (a first byte that never comes after the headers, or a stream that stalls).
 */
export async function* withIdleTimeout<T>(source: AsyncIterable<T>, idleMs: number, abort: () => void): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  try {
    for (;;) {
      let timedOut = false;
      const next = it.next();
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          timedOut = true;
          abort();
          reject(new StreamError('timeout', `no data for ${idleMs} ms`));
        }, idleMs);
      });
      let r: IteratorResult<T>;
      try {
        r = await Promise.race([next, timeout]);
      } catch (err) {
        if (timedOut) next.catch(() => {});
        throw err;
      } finally {
        clearTimeout(timer);
      }
      if (r.done) return;
      yield r.value;
    }
  } finally {
    clearTimeout(timer);
    await it.return?.()?.catch?.(() => {});
  }
}

/**
 * One timer for a whole stream: `touch()` on each sign of life (a time stamp, no timer work per
 * chunk); after `idleMs` without one, `onIdle` runs once and `fired` is true.
 */
export function idleWatch(idleMs: number, onIdle: () => void): { touch: () => void; stop: () => void; readonly fired: boolean } {
  let last = performance.now();
  let fired = false;
  const check = (): void => {
    const quiet = performance.now() - last;
    if (quiet >= idleMs) {
      fired = true;
      onIdle();
    } else timer = setTimeout(check, Math.max(1, idleMs - quiet));
  };
  let timer = setTimeout(check, idleMs);
  return {
    touch: () => {
      last = performance.now();
    },
    stop: () => clearTimeout(timer),
    get fired() {
      return fired;
    },
  };
}

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Marks an SDK error with what it is (`kind: 'timeout' | 'abort'`) using the SDK's own classes, so the
 * classifier needs no SDK import and works when a bundler renames classes.
 */
function tagSdkError(err: unknown, timeoutClass: ErrorClass, abortClass: ErrorClass): unknown {
  if (err instanceof timeoutClass) Object.assign(err, { kind: 'timeout' });
  else if (err instanceof abortClass) Object.assign(err, { kind: 'abort' });
  return err;
}

/**
 * What both adapters do around their SDK, given its timeout and abort error classes: `stream` runs a
 * reply with its own AbortController linked to the caller's signal (so the idle timer can abort just
 * the request) and tags errors; `call` tags the errors of a one-off request.
 */
export function sdkRunner(timeoutClass: ErrorClass, abortClass: ErrorClass) {
  return {
    async *stream(signal: AbortSignal, reply: (local: AbortController) => AsyncGenerator<ChatEvent, void>): AsyncGenerator<ChatEvent, void> {
      const local = new AbortController();
      const onAbort = () => local.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        yield* reply(local);
      } catch (err) {
        throw tagSdkError(err, timeoutClass, abortClass);
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    async call<T>(request: () => Promise<T>): Promise<T> {
      try {
        return await request();
      } catch (err) {
        throw tagSdkError(err, timeoutClass, abortClass);
      }
    },
  };
}

/** The x-ratelimit-remaining-* headers (LiteLLM and OpenAI style), for /usage. */
export function rateLimitHeaders(headers: Headers): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  headers.forEach((v, k) => {
    if (/^x-ratelimit-remaining-/i.test(k) && v.length <= 40) out[k.toLowerCase()] = v;
  });
  return Object.keys(out).length ? out : undefined;
}

/** LiteLLM's x-litellm-response-cost header (USD), when present. */
export function responseCost(headers: Headers): number | undefined {
  const v = headers.get('x-litellm-response-cost');
  return v && Number.isFinite(Number(v)) ? Number(v) : undefined;
}
