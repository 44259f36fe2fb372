// --debug: one log line per request (method, URL, status, time to first byte, total, model,
// LiteLLM call id / cost). Bodies only with --debug=body. Secrets are scrubbed by the logger.
import type { Logger } from './logger.js';

function modelOf(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  const m = /"model"\s*:\s*"([^"]+)"/.exec(body.slice(0, 4096));
  return m?.[1];
}

export function loggingFetch(logger: Logger, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    if (!logger.debugEnabled) return base(input, init); // --debug, or /debug in the chat, turns it on
    const started = performance.now();
    const method = init?.method ?? 'GET';
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const model = modelOf(init?.body);
    if (logger.debugBodies && typeof init?.body === 'string') logger.debug(`→ ${method} ${url} body`, init.body);
    let res: Response;
    try {
      res = await base(input, init);
    } catch (err) {
      const code = (err as { cause?: { code?: string } })?.cause?.code ?? (err as Error)?.name;
      logger.debug(`${method} ${url} failed ${code} after ${Math.round(performance.now() - started)}ms`);
      throw err;
    }
    const ttfb = Math.round(performance.now() - started);
    const h = res.headers;
    const extra = [
      model && `model=${model}`,
      h.get('x-litellm-call-id') && `call_id=${h.get('x-litellm-call-id')}`,
      h.get('x-litellm-response-cost') && `cost=${h.get('x-litellm-response-cost')}`,
      h.get('x-litellm-version') && `litellm=${h.get('x-litellm-version')}`,
      h.get('request-id') && `request_id=${h.get('request-id')}`,
    ]
      .filter(Boolean)
      .join(' ');
    if (!res.body) {
      logger.debug(`${method} ${url} ${res.status} ttfb=${ttfb}ms total=${ttfb}ms ${extra}`.trim());
      return res;
    }
    let bytes = 0;
    const bodyLog: string[] = [];
    const decoder = new TextDecoder();
    const done = (how: string) =>
      logger.debug(`${method} ${url} ${res.status} ttfb=${ttfb}ms total=${Math.round(performance.now() - started)}ms bytes=${bytes}${how} ${extra}`.trim());
    const counted = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, ctl) {
          bytes += chunk.byteLength;
          if (logger.debugBodies) bodyLog.push(decoder.decode(chunk, { stream: true }));
          ctl.enqueue(chunk);
        },
        flush() {
          done('');
          if (logger.debugBodies) logger.debug(`← ${url} body`, bodyLog.join(''));
        },
      }),
    );
    return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
