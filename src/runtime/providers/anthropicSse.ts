// Anthropic's event stream read over the SDK's raw response with the lean decoder (sse.ts): what
// @anthropic-ai/sdk's Stream.fromSSEResponse yields (proven on Anthropic-format streams and their
// variants in anthropicSse.test.ts), without a copy of the body (the start is kept as it is read, for
// an error that quotes it) and with the idle timer touched per read rather than re-armed per event.
import { SseDecoder, type SseMessage } from './sse.js';
import { connectionFreed } from '../boundedFetch.js';

export interface AnthropicEventsOptions {
  /** The error an `event: error` is thrown as (the SDK's APIError: its body, or the raw data when not JSON, and error.type). */
  errorFor(body: unknown, type: string | undefined): Error;
  /** Called on every read from the network (the idle timer's sign of life). */
  onRead?: () => void;
  /** Filled with the stream's first text as it is read. */
  start?: { text: string };
}

const START_CHARS = 512;
const isAbortError = (err: unknown): boolean => typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One message as the SDK treats it: skipped (undefined), thrown, or its data's JSON. */
function parse(m: SseMessage, opts: AnthropicEventsOptions): unknown {
  if (m.event === 'ping' || m.event === null) return undefined;
  if (m.event === 'error') {
    const body = safeJson(m.data) ?? m.data;
    const type = (body as { error?: { type?: unknown } } | undefined)?.error?.type;
    throw opts.errorFor(body, typeof type === 'string' ? type : undefined);
  }
  if (!m.data) return undefined;
  return JSON.parse(m.data);
}

/** Each event's JSON, as the SDK yields it; an abort ends it quietly; the body is cancelled if left early. */
export async function* anthropicEvents(body: ReadableStream<Uint8Array>, opts: AnthropicEventsOptions): AsyncGenerator<unknown, void> {
  const decoder = new SseDecoder();
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const r = await reader.read();
      opts.onRead?.();
      const messages = r.done ? decoder.end() : decoder.push(r.value);
      if (opts.start && opts.start.text.length < START_CHARS) opts.start.text = decoder.start;
      for (const m of messages) {
        const item = parse(m, opts);
        if (item !== undefined) yield item;
      }
      if (r.done) break;
    }
    await connectionFreed(); // the next request reuses this connection (boundedFetch.ts)
    finished = true;
  } catch (err) {
    if (isAbortError(err)) return;
    throw err;
  } finally {
    if (!finished) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}
