// The lean reader of Anthropic's event stream (src/runtime/providers/anthropicSse.ts) against
// @anthropic-ai/sdk's own decoding (Stream.fromSSEResponse, what the adapter used before): the same
// items, the same error, on Anthropic-format streams (as the API and the test server send them) and
// their variants, split into reads at every byte boundary.
import { describe, expect, it, vi } from 'vitest';
import { APIError } from '@anthropic-ai/sdk';
import { Stream } from '@anthropic-ai/sdk/streaming';
import { anthropicEvents } from '../../src/runtime/providers/anthropicSse.js';

const bytesOf = (s: string) => new TextEncoder().encode(s);

/** A body delivering `bytes` in reads cut at `cuts` (byte offsets). */
function body(bytes: Uint8Array, cuts: readonly number[]): ReadableStream<Uint8Array> {
  const edges = [0, ...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length];
  let i = 0;
  return new ReadableStream({
    pull(ctl) {
      if (i + 1 >= edges.length) return ctl.close();
      ctl.enqueue(bytes.slice(edges[i], edges[i + 1]));
      i += 1;
    },
  });
}

type Outcome = { items: unknown[]; error?: string; details?: unknown };

async function collect(it: AsyncIterable<unknown>): Promise<Outcome> {
  const items: unknown[] = [];
  try {
    for await (const x of it) items.push(x);
    return { items };
  } catch (err) {
    const e = err as APIError;
    return { items, error: `${e.constructor.name}: ${e.message}`, details: e instanceof APIError ? { status: e.status, error: e.error, type: e.type } : undefined };
  }
}

const headers = new Headers({ 'content-type': 'text/event-stream' });
const sdk = (bytes: Uint8Array, cuts: readonly number[]) => collect(Stream.fromSSEResponse(new Response(body(bytes, cuts), { headers }), new AbortController()));
const lean = (bytes: Uint8Array, cuts: readonly number[]) =>
  collect(anthropicEvents(body(bytes, cuts), { errorFor: (b, type) => new APIError(undefined, b as object, undefined, headers, type as never) }));

const ev = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
/** A reply as Anthropic's API streams it (and test/helpers/llmServer.ts, its anthropic flavor). */
function reply(deltas: readonly string[]): string {
  const message = { id: 'msg_01', type: 'message', role: 'assistant', model: 'claude-3-5-sonnet-20241022', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } };
  return [
    ev('message_start', { type: 'message_start', message }),
    ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    'event: ping\ndata: {"type": "ping"}\n\n',
    ...deltas.map((text) => ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
    ev('content_block_stop', { type: 'content_block_stop', index: 0 }),
    ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: deltas.length } }),
    ev('message_stop', { type: 'message_stop' }),
  ].join('');
}

const STREAMS = [
  { name: 'small deltas', body: reply(['Hel', 'lo ', 'fro', 'm t', 'he ', 'pro', 'xy']) },
  { name: 'Markdown, non-ASCII', body: reply(['# Ti', 'tle\n\n', '- **bo', 'ld** — 你好', ' 🙂\n```js\nx = 1;\n```\n']) },
];

const VARIANTS: Record<string, (s: string) => string> = {
  'as sent': (s) => s,
  CRLF: (s) => s.replace(/\n/g, '\r\n'),
  'CR only': (s) => s.replace(/\n/g, '\r'),
  'mixed line ends': (s) => s.replace(/\n\n/g, (_, i: number) => ['\r\n\r\n', '\n\r\n', '\r\r', '\n\n'][i % 4]!),
  ': comments': (s) => `: hello\n\n${s.replace(/\n\n/g, '\n: keep-alive\n\n')}`,
  'multi-line data': (s) => s.replace(/data: \{"type"/g, 'data: {\ndata: "type"'),
  'multi-line data, CRLF': (s) => s.replace(/data: \{"type"/g, 'data: {\ndata: "type"').replace(/\n/g, '\r\n'),
  'no blank line at the end': (s) => s.replace(/\n+$/, ''),
  'id and retry fields; data without a space': (s) => s.replace(/data: /g, 'id: 7\nretry: 100\ndata:'),
  'BOM first': (s) => `\uFEFF${s}`,
  'data-only and empty events (skipped)': (s) => `data: {"not": "an event"}\n\n${s.replace('event: ping', 'event: content_block_stop\ndata:\n\nevent: ping')}`,
  'an unknown event name': (s) => s.replace('event: ping\ndata: {"type": "ping"}', 'event: future_thing\ndata: {"type": "future_thing", "x": 1}'),
  'an error event mid-stream': (s) => s.replace('event: content_block_stop', 'event: error\ndata: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}\n\nevent: content_block_stop'),
  'an error event that is not JSON': (s) => s.replace('event: content_block_stop', 'event: error\ndata: upstream went away\n\nevent: content_block_stop'),
  'data that is not JSON': (s) => s.replace('event: content_block_stop\ndata: {', 'event: content_block_stop\ndata: \x1b[31m{'),
};

describe('anthropicEvents: the same items as @anthropic-ai/sdk', () => {
  for (const [n, rec] of STREAMS.entries()) {
    const step = n === 0 ? 1 : 3;
    for (const [variant, make] of Object.entries(VARIANTS)) {
      it(`${rec.name}, ${variant}: whole, split in two at ${step === 1 ? 'every byte boundary' : 'every 3rd byte'}, and byte by byte`, async () => {
        vi.spyOn(console, 'error').mockImplementation(() => {}); // the SDK logs data that is not JSON
        const bytes = bytesOf(make(rec.body));
        const whole = await sdk(bytes, []);
        expect(whole.items.length).toBeGreaterThan(0);
        expect(await lean(bytes, [])).toEqual(whole);
        for (let cut = 1; cut < bytes.length; cut += step) expect(await lean(bytes, [cut])).toEqual(whole);
        expect(await lean(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(whole);
        // the SDK's own reads split the same way give the same (its decoding does not depend on them)
        expect(await sdk(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual(whole);
        vi.restoreAllMocks();
      });
    }
  }

  it('keeps the start of the stream as it reads it (quoted when an event is not JSON), and calls onRead on every read', async () => {
    const text = VARIANTS['data that is not JSON']!(STREAMS[0]!.body);
    const bytes = bytesOf(text);
    const start = { text: '' };
    let reads = 0;
    const out = await collect(anthropicEvents(body(bytes, [10, 20, 30]), { errorFor: () => new Error('x'), onRead: () => reads++, start }));
    expect(out.error).toMatch(/^SyntaxError/);
    expect(text.startsWith(start.text)).toBe(true);
    expect(start.text.length).toBeGreaterThanOrEqual(512);
    expect(reads).toBeGreaterThan(3);
  });

  it('an abort of the request ends the items quietly, and leaving early cancels the body', async () => {
    const ctl = new AbortController();
    let cancelled = false;
    const src = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytesOf(STREAMS[0]!.body.slice(0, 400)));
      },
      pull() {
        return new Promise(() => {}); // nothing more comes
      },
      cancel() {
        cancelled = true;
      },
    });
    const reader = anthropicEvents(src, { errorFor: () => new Error('x') });
    const first = await reader.next();
    expect(first.value).toMatchObject({ type: 'message_start' });
    await reader.return(undefined);
    expect(cancelled).toBe(true);
    // an AbortError from the body (the request's signal) ends the iteration without an error
    const aborting = new ReadableStream<Uint8Array>({
      pull(c) {
        ctl.abort();
        c.error(Object.assign(new Error('aborted'), { name: 'AbortError' }));
      },
    });
    expect(await collect(anthropicEvents(aborting, { errorFor: () => new Error('x') }))).toEqual({ items: [] });
  });
});
