// Anthropic's API (direct or an Anthropic-compatible gateway) through @anthropic-ai/sdk. Loaded lazily.
import Anthropic, { APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { ChatEvent, ChatRequest, ImageInput, StopReason } from '../types.js';
import { StreamError, expectEventStream, idleWatch, notJsonStream, rateLimitHeaders, responseCost, serverVersion, sdkRunner, type ClientSettings, type ProviderClient, type StreamOptions } from './common.js';
import { anthropicEvents } from './anthropicSse.js';

export const DEFAULT_MAX_TOKENS = 8192;
const STOP: Record<string, StopReason> = { end_turn: 'end', stop_sequence: 'end', max_tokens: 'max_tokens' };

/** Images first, then the text (Anthropic's advice for image prompts). */
function userBlocks(text: string, images: readonly ImageInput[]) {
  return [
    ...images.map((i) => ({ type: 'image' as const, source: { type: 'base64' as const, media_type: i.mediaType, data: i.data } })),
    { type: 'text' as const, text },
  ];
}

export function createAnthropicClient(s: ClientSettings): ProviderClient {
  const useToken = s.credentialVar === 'ANTHROPIC_AUTH_TOKEN';
  const client = new Anthropic({
    // Everything explicit: the SDK must not read process.env or profile files on its own.
    baseURL: s.baseURL ?? 'https://api.anthropic.com',
    apiKey: useToken ? null : (s.credential ?? null),
    authToken: useToken ? (s.credential ?? null) : null,
    timeout: s.timeoutMs,
    maxRetries: 0,
    fetch: s.fetch,
  });

  const sdk = sdkRunner(APIConnectionTimeoutError, APIUserAbortError);
  return {
    optionalParams: [],
    stream(req: ChatRequest, signal: AbortSignal, options: StreamOptions = {}): AsyncIterable<ChatEvent> {
      return sdk.stream(signal, async function* (local) {
        // The raw response: the SDK sent the request and threw any refusal; anthropicSse.ts reads the
        // body (no copy of it for its start, one idle timer for the whole stream).
        const response = await client.messages
          .create(
            {
              model: req.model,
              max_tokens: req.maxTokens ?? DEFAULT_MAX_TOKENS,
              messages: req.messages.map((m) => (m.role === 'user' && m.images?.length ? { role: 'user' as const, content: userBlocks(m.content, m.images) } : { role: m.role, content: m.content })),
              ...(req.system ? { system: req.system } : {}),
              stream: true,
            },
            { signal: local.signal, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
          )
          .asResponse();
        await expectEventStream(response, false); // no copy of the body: anthropicEvents keeps its start
        const start = { text: '' };
        const requestId = response.headers.get('request-id') ?? response.headers.get('x-litellm-call-id') ?? undefined;
        const rateLimits = rateLimitHeaders(response.headers);
        yield { type: 'start', model: req.model, mode: s.mode, ...(requestId ? { requestId } : {}), ...(rateLimits ? { rateLimits } : {}), ...serverVersion(response.headers) };
        const cost = responseCost(response.headers);
        let inputTokens: number | undefined;
        let outputTokens: number | undefined;
        let stop: StopReason | undefined;
        let finished = false;
        let events = 0;
        if (!response.body) throw new StreamError('stream_cut', 'a streamed reply without a body');
        const idle = idleWatch(s.timeoutMs, () => local.abort());
        try {
          const items = anthropicEvents(response.body, { errorFor: (b, type) => new APIError(undefined, b as object, undefined, response.headers, type as never), onRead: idle.touch, start });
          for await (const item of items) {
            const ev = item as Anthropic.RawMessageStreamEvent;
            events++;
            switch (ev.type) {
              case 'message_start':
                inputTokens = ev.message.usage?.input_tokens;
                break;
              case 'content_block_delta':
                if (ev.delta.type === 'text_delta' && ev.delta.text) yield { type: 'text', text: ev.delta.text };
                break;
              case 'message_delta':
                if (ev.delta.stop_reason) stop = STOP[ev.delta.stop_reason] ?? 'other';
                if (ev.usage?.output_tokens !== undefined) outputTokens = ev.usage.output_tokens;
                break;
              case 'message_stop':
                finished = true;
                break;
            }
          }
        } catch (err) {
          throw await notJsonStream(err, { start: async () => start.text });
        } finally {
          idle.stop();
        }
        if (idle.fired) throw new StreamError('timeout', `no data for ${s.timeoutMs} ms`);
        if (signal.aborted) return yield { type: 'done', stopReason: 'aborted' };
        // The SDK skips what is not an Anthropic event: a stream with none at all was not one.
        if (!events) throw await notJsonStream(new SyntaxError('no Anthropic event in the stream'), { start: async () => start.text });
        if (!finished) throw new StreamError('stream_cut', 'stream ended before message_stop');
        yield { type: 'usage', inputTokens, outputTokens, ...(cost !== undefined ? { cost } : {}) };
        yield { type: 'done', stopReason: stop ?? 'end' };
      });
    },

    listModels(signal?: AbortSignal) {
      return sdk.call(async () => {
        const out: { id: string; label?: string }[] = [];
        for await (const m of client.models.list({ limit: 100 }, { signal: signal ?? null })) {
          out.push({ id: m.id, ...(m.display_name ? { label: m.display_name } : {}) });
          if (out.length >= 500) break;
        }
        return out;
      });
    },
  };
}
