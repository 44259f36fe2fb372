import type { ChatEvent, ModelEntry } from '../types.js';

/** One provider adapter: turns its SDK's stream into ChatEvents. Errors are thrown raw; the service classifies them. */
export interface ProviderClient {
  /**
   * `omit`: optional parameters (from `optionalParams`) to leave out, because this endpoint refused them
   * for this model (see ../optionalParams.ts). `timeoutMs`: how long this request may wait for its
   * answer (what is left of the send's deadline; the client's own limit without it).
   */
  stream(req: import('../types.js').ChatRequest, signal: AbortSignal, options?: StreamOptions): AsyncIterable<ChatEvent>;
  /** Parameters the client adds on its own, that the user never asked for and a reply can do without. */
  readonly optionalParams: readonly string[];
  /** The names this endpoint serves (with details where it says). */
  listModels(signal?: AbortSignal): Promise<Omit<ModelEntry, 'source' | 'served'>[]>;
}

export interface StreamOptions {
  omit?: readonly string[];
  timeoutMs?: number;
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

/** The proxy's version as its reply says it (LiteLLM's x-litellm-version), for the start event. */
export function serverVersion(headers: Headers): { serverVersion?: string } {
  const v = headers.get('x-litellm-version');
  return v ? { serverVersion: v } : {};
}

/** LiteLLM's x-litellm-response-cost header (USD), when present. */
export function responseCost(headers: Headers): number | undefined {
  const v = headers.get('x-litellm-response-cost');
  return v && Number.isFinite(Number(v)) ? Number(v) : undefined;
}

/** The first bytes of a body (at most `max`), then the rest is cancelled: a page can be any size. */
async function firstBytes(response: Response, max = 512): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let n = 0;
  try {
    while (n < max) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      n += value.length;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const all = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return new TextDecoder().decode(all.subarray(0, max));
}

/**
 * A streamed request answered 200 with something that is not an event stream (an HTML page: a
 * captive portal, a web server on that port): thrown before any event, as a `WrongAnswer` error
 * that classifyError words as "not the proxy's API". JSON is left to the SDK (its own errors).
 */
export async function expectEventStream(response: Response, copy = true): Promise<{ start(): Promise<string> }> {
  const type = response.headers.get('content-type') ?? '';
  if (/event-stream|json/i.test(type) && !copy) return { start: async () => '' }; // the reader keeps the start itself (sse.ts)
  if (/event-stream|json/i.test(type)) {
    // The stream's first bytes, read from a copy (then let go), to quote if its events are not JSON.
    let peek: Promise<string> | undefined;
    try {
      peek = firstBytes(response.clone());
    } catch {
      peek = undefined;
    }
    peek?.catch(() => {});
    return { start: async () => (peek ? await peek.catch(() => '') : '') };
  }
  const start = await firstBytes(response);
  throw Object.assign(new Error(`a streamed request got ${type || 'no content-type'}`), { name: 'WrongAnswer', status: response.status, headers: response.headers, contentType: type || 'no content-type', start });
}

/**
 * An event whose data the SDK could not parse as JSON: a `NotJsonStream` error carrying the start of
 * the stream (`stream`: from expectEventStream), for classifyError. Anything else is returned as it is.
 */
export async function notJsonStream(err: unknown, stream: { start(): Promise<string> } | undefined): Promise<unknown> {
  if (!(err instanceof SyntaxError)) return err;
  const text = (await stream?.start()) ?? '';
  // The first data line's text, else the start of the body, else what V8 quoted of it.
  const data = /^data:[ \t]?(.*)$/m.exec(text)?.[1] ?? (text || /"([\s\S]*)" is not valid JSON/.exec(err.message)?.[1] || err.message);
  // status: the answer was a 200 (the service then classifies it rather than calling it a cut stream).
  return Object.assign(new Error('an event of the stream is not JSON'), { name: 'NotJsonStream', status: 200, start: data });
}
