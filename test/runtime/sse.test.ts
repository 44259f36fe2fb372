// The lean event-stream reader (src/runtime/providers/sse.ts) against the openai SDK's own decoding
// (Stream.fromSSEResponse, what the chat used before): the same items, the same error, on the
// recorded LiteLLM streams and their variants, split into reads at every byte boundary.
import { describe, expect, it } from 'vitest';
import { APIError } from 'openai';
import { Stream } from 'openai/streaming';
import { SseDecoder, sseJson } from '../../src/runtime/providers/sse.js';
import { RECORDED_STREAMS } from '../helpers/litellmStreams.js';

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

type Outcome = { items: unknown[]; error?: string };

async function collect(it: AsyncIterable<unknown>): Promise<Outcome> {
  const items: unknown[] = [];
  try {
    for await (const x of it) items.push(x);
    return { items };
  } catch (err) {
    return { items, error: `${(err as Error).constructor.name}: ${(err as Error).message}` };
  }
}

const headers = new Headers({ 'content-type': 'text/event-stream' });
const sdk = (bytes: Uint8Array, cuts: readonly number[]) =>
  collect(Stream.fromSSEResponse(new Response(body(bytes, cuts), { headers }), new AbortController()));
const lean = (bytes: Uint8Array, cuts: readonly number[]) =>
  collect(sseJson(body(bytes, cuts), { errorFor: (e) => new APIError(undefined, e as object, undefined, headers) }));

/** Variants of a recorded body a proxy (or something in front of it) may send. */
const VARIANTS: Record<string, (s: string) => string> = {
  'as recorded': (s) => s,
  CRLF: (s) => s.replace(/\n/g, '\r\n'),
  'CR only': (s) => s.replace(/\n/g, '\r'),
  'mixed line ends': (s) => s.replace(/\n\n/g, (_, i: number) => ['\r\n\r\n', '\n\r\n', '\r\r', '\n\n'][i % 4]!),
  ': comments': (s) => `: ping\n\n${s.replace(/\n\n/g, '\n: keep-alive\n\n')}`,
  'multi-line data': (s) => s.replace(/data: \{"id"/g, 'data: {\ndata: "id"').replace(/"choices": \[/g, '"choices":\ndata: ['),
  'multi-line data, CRLF': (s) => s.replace(/data: \{"id"/g, 'data: {\ndata: "id"').replace(/\n/g, '\r\n'),
  'no [DONE]': (s) => s.replace(/data: \[DONE\]\n*/, ''),
  'no blank line at the end': (s) => s.replace(/\n+$/, ''),
  'event, id and retry fields; data without a space': (s) => s.replace(/data: /g, 'event: completion\nid: 7\nretry: 100\ndata:'),
  'BOM first': (s) => `\uFEFF${s}`,
  'usage chunk, then an error event': (s) =>
    s.replace(
      'data: [DONE]',
      'data: {"id": "x", "choices": [], "usage": {"prompt_tokens": 10, "completion_tokens": 20}}\n\ndata: {"error": {"message": "upstream went away", "type": "None", "code": 500}}',
    ),
  'events after [DONE]': (s) => `${s}data: {"error": {"message": "ignored"}}\n\ndata: {"late": true}\n\n`,
  'non-ASCII text': (s) => s.replace(/"content": "([^"]*)"/g, '"content": "$1 — 你好 🙂"'),
};

describe('sseJson: the same items as the openai SDK', () => {
  // Every byte boundary for the stream of small deltas; every 5th for the others (the same shapes).
  for (const [n, rec] of RECORDED_STREAMS.entries()) {
    const step = n === 0 ? 1 : 5;
    for (const [variant, make] of Object.entries(VARIANTS)) {
      it(`${rec.name}, ${variant}: split in two at ${step === 1 ? 'every byte boundary' : 'every 5th byte'}, and byte by byte`, async () => {
        const bytes = bytesOf(make(rec.body));
        const whole = await sdk(bytes, []);
        expect(whole.items.length).toBeGreaterThan(0);
        expect(await lean(bytes, [])).toEqual(whole);
        for (let cut = 1; cut < bytes.length; cut += step) expect(await lean(bytes, [cut])).toEqual(whole);
        const everyByte = Array.from({ length: bytes.length }, (_, i) => i);
        expect(await lean(bytes, everyByte)).toEqual(whole);
      });
    }
  }

  it('the reply text is the same, byte for byte, whichever reads it', async () => {
    const rec = RECORDED_STREAMS[0]!;
    const text = (o: Outcome) => o.items.map((c) => (c as { choices: { delta?: { content?: string } }[] }).choices[0]?.delta?.content ?? '').join('');
    const bytes = bytesOf(rec.body);
    expect(text(await lean(bytes, [7, 300, 301, 1000]))).toBe('Hello from the proxy');
    expect(text(await lean(bytes, [7, 300, 301, 1000]))).toBe(text(await sdk(bytes, [])));
  });

  it('an error event is thrown as the SDK throws it (its APIError, its message)', async () => {
    const bytes = bytesOf('data: {"error": {"message": "Rate limit reached", "type": "rate_limit"}}\n\n');
    const mine = await lean(bytes, [3]);
    expect(mine.error).toMatch(/^APIError: .*Rate limit reached/);
    expect(mine).toEqual(await sdk(bytes, []));
  });

  it('an abort ends the stream quietly, as the SDK does', async () => {
    const ac = new AbortController();
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(bytesOf('data: {"n": 1}\n\n'));
        ac.signal.addEventListener('abort', () => ctl.error(new DOMException('aborted', 'AbortError')));
      },
    });
    const items: unknown[] = [];
    for await (const x of sseJson(stream, { errorFor: (e) => new Error(String(e)) })) {
      items.push(x);
      ac.abort();
    }
    expect(items).toEqual([{ n: 1 }]);
  });
});

describe('SseDecoder', () => {
  it('a UTF-8 character split across reads, a CR at the end of one read and its LF first in the next', () => {
    const d = new SseDecoder();
    const all = bytesOf('data: 你\r\n\r\n');
    const out = [...d.push(all.slice(0, 8)), ...d.push(all.slice(8, 10)), ...d.push(all.slice(10, 11)), ...d.push(all.slice(11)), ...d.end()];
    expect(out).toEqual([{ event: null, data: '你' }]);
  });

  it('an event with no blank line after it is dropped at the end (as the SDK drops it)', () => {
    const d = new SseDecoder();
    expect([...d.push(bytesOf('data: 1\n\ndata: 2\n')), ...d.end()]).toEqual([{ event: null, data: '1' }]);
  });
});
