// A server decides how much it sends; the app decides how much it reads. Every request goes
// through this fetch: an error body is read up to ERROR_BODY_MAX and the rest dropped (a 500 that
// inflates to gigabytes is read as its first 64 KB), and any other body that is not an event
// stream stops at BODY_MAX. Bodies are counted after decompression, so a gzip bomb is bounded too.
// A stream's length is not limited here (a reply may be long); the chat bounds what it keeps.

/** What is read of an error response's body: plenty for any message a user should see. */
export const ERROR_BODY_MAX = 64 * 1024;
/** The most a non-streaming answer (a model list) may be. */
export const BODY_MAX = 32 * 1024 * 1024;

/** Our own code for a body past BODY_MAX (the request fails with it as its cause). */
export const BODY_TOO_LARGE = 'ERR_BODY_TOO_LARGE';

export function boundedFetch(base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const res = await base(input, init);
    if (!res.body) return res;
    if (!res.ok) return withBody(res, await readAtMost(res.body, ERROR_BODY_MAX));
    if (/^text\/event-stream/i.test(res.headers.get('content-type') ?? '')) return res;
    return withBody(res, res.body.pipeThrough(limit(BODY_MAX)));
  };
}

/**
 * One turn of the event loop. undici frees a keep-alive connection for the next request a turn
 * after the response's last byte (setImmediate), while the body's reader sees its end at once: a
 * request sent in between (a listing's next call, a retry) found the connection busy and opened
 * another. A body's end is passed on after this turn, so the next request reuses the connection.
 */
export const connectionFreed = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The response with another body (status, headers and URL kept). */
function withBody(res: Response, body: BodyInit): Response {
  const out = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  Object.defineProperty(out, 'url', { value: res.url });
  return out;
}

/** The first `max` bytes of a body; the rest is never read (the stream is cancelled). */
async function readAtMost(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) {
        await connectionFreed();
        break;
      }
      parts.push(value.byteLength > max - size ? value.subarray(0, max - size) : value);
      size += Math.min(value.byteLength, max - size);
    }
  } catch {
    // A body cut off while reading: what came is what there is.
  } finally {
    reader.cancel().catch(() => {});
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Passes bytes through until `max`, then fails the body with a BODY_TOO_LARGE cause. */
function limit(max: number): TransformStream<Uint8Array, Uint8Array> {
  let size = 0;
  return new TransformStream({
    transform(chunk, ctl) {
      size += chunk.byteLength;
      if (size > max) ctl.error(Object.assign(new Error(`the response body is larger than ${max} bytes`), { code: BODY_TOO_LARGE }));
      else ctl.enqueue(chunk);
    },
    flush: connectionFreed,
  });
}
