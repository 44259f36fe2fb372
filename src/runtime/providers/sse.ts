// A lean reader of a chat reply's event stream (text/event-stream). It yields exactly what the
// openai SDK's own decoder yields (openai/core/streaming.mjs, proven on the recorded LiteLLM streams
// in sse.test.ts) for a fraction of its cost: the SDK copies its whole buffer for every event in a
// network read and decodes line by line; this decodes each read once and splits it as a string.
// The SDK still builds, sends, authenticates and classifies the request (the adapter asks it for
// the raw response).

import { connectionFreed } from '../boundedFetch.js';

export interface SseMessage {
  event: string | null;
  data: string;
}

const LF = 10;
const CR = 13;
const BOM = 0xfeff;
const START_CHARS = 512;

/**
 * Bytes in, messages out, as the SDK reads them: lines end at CR, LF or CRLF (also across reads);
 * a line's leading BOM is dropped (the SDK decodes each line on its own); `:` lines are comments;
 * `field: value` with one leading space dropped; `data` lines join with "\n"; a blank line
 * dispatches when an `event` or any `data` line came; other fields are ignored.
 */
export class SseDecoder {
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Text after the last line break. */
  private rest = '';
  /** The last text ended with CR: an LF first in the next one is the same line break. */
  private afterCr = false;
  private event: string | null = null;
  private data: string | undefined;
  /** The stream's first text (at least START_CHARS of it, when that much came): quoted when an event is not JSON. */
  start = '';

  push(bytes: Uint8Array): SseMessage[] {
    const out: SseMessage[] = [];
    const text = this.utf8.decode(bytes, { stream: true });
    if (this.start.length < START_CHARS) this.start += text;
    this.text(text, out);
    return out;
  }

  /** The stream ended: the last line counts as ended (as the SDK's flush does); an event not followed by a blank line is dropped. */
  end(): SseMessage[] {
    const out: SseMessage[] = [];
    this.text(this.utf8.decode(), out);
    if (this.rest) this.line(this.rest, out);
    this.rest = '';
    return out;
  }

  private text(chunk: string, out: SseMessage[]): void {
    if (!chunk) return;
    let s = this.rest ? this.rest + chunk : chunk;
    this.rest = '';
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (s.charCodeAt(0) === LF) i = 1;
    }
    const n = s.length;
    let lf = s.indexOf('\n', i);
    let cr = s.indexOf('\r', i);
    while (i < n) {
      if (lf !== -1 && lf < i) lf = s.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = s.indexOf('\r', i);
      let end: number;
      let next: number;
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        if (lf === -1) break;
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        next = cr + 1;
        if (next === n) this.afterCr = true;
        else if (s.charCodeAt(next) === LF) next += 1;
      }
      this.line(s.slice(i, end), out);
      i = next;
    }
    if (i < n) this.rest = s.slice(i);
    s = '';
  }

  private line(line: string, out: SseMessage[]): void {
    if (line.charCodeAt(0) === BOM) line = line.slice(1);
    if (!line) {
      if (!this.event && this.data === undefined) return; // as the SDK: an empty `event:` alone is nothing
      out.push({ event: this.event, data: this.data ?? '' });
      this.event = null;
      this.data = undefined;
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data' && field !== 'event') return;
    let value = colon === -1 ? '' : line.slice(colon + (line.charCodeAt(colon + 1) === 32 ? 2 : 1));
    if (field === 'event') this.event = value;
    else this.data = this.data === undefined ? value : `${this.data}\n${value}`;
    value = '';
  }
}

/** The SDK's test for an aborted request (a spec-compliant fetch's AbortError). */
function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

export interface SseJsonOptions {
  /** The error an `{"error": …}` event is thrown as (the SDK's APIError, with the response's headers). */
  errorFor(error: unknown): Error;
  /** Called on every read from the network (the idle timer's sign of life). */
  onRead?: () => void;
  /** Filled with the stream's first text as it is read (for an error that quotes it). */
  start?: { text: string };
}

/**
 * What the openai SDK's `Stream.fromSSEResponse` yields for a chat-completions stream: each event's
 * JSON (or `{ event, data }` for `thread.*` events), nothing after `[DONE]` (the body is still read
 * to its end, so the connection can be reused), an `error` member thrown, an abort ending it quietly.
 */
export async function* sseJson(body: ReadableStream<Uint8Array>, opts: SseJsonOptions): AsyncGenerator<unknown, void> {
  const decoder = new SseDecoder();
  const reader = body.getReader();
  let finished = false;
  let doneSeen = false;
  const parse = (m: SseMessage): unknown => {
    const data: unknown = JSON.parse(m.data);
    if (m.event === null || !m.event.startsWith('thread.')) {
      if (data && (data as { error?: unknown }).error) throw opts.errorFor((data as { error: unknown }).error);
      return data;
    }
    return { event: m.event, data };
  };
  try {
    for (;;) {
      const r = await reader.read();
      opts.onRead?.();
      const messages = r.done ? decoder.end() : decoder.push(r.value);
      if (opts.start && opts.start.text.length < START_CHARS) opts.start.text = decoder.start;
      for (const m of messages) {
        if (doneSeen) continue;
        if (m.data.startsWith('[DONE]')) {
          doneSeen = true;
          continue;
        }
        yield parse(m);
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
