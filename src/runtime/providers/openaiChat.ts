// LiteLLM (and OpenAI) through the openai SDK, chat-completions format. Loaded lazily.
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionChunk } from 'openai/resources/chat/completions';
import type { ChatEvent, ChatRequest, ImageInput, StopReason } from '../types.js';
import { StreamError, expectEventStream, idleWatch, notJsonStream, rateLimitHeaders, responseCost, serverVersion, sdkRunner, type ClientSettings, type ProviderClient, type StreamOptions } from './common.js';
import { sseJson } from './sse.js';

const STOP: Record<string, StopReason> = { stop: 'end', length: 'max_tokens', content_filter: 'other', tool_calls: 'other' };

/** Text, then each image as a data: URL (the chat-completions image part). */
function userParts(text: string, images: readonly ImageInput[]) {
  return [
    { type: 'text' as const, text },
    ...images.map((i) => ({ type: 'image_url' as const, image_url: { url: `data:${i.mediaType};base64,${i.data}` } })),
  ];
}

export function createOpenAIChatClient(s: ClientSettings & { baseURL: string }): ProviderClient {
  const client = new OpenAI({
    baseURL: s.baseURL,
    // The openai SDK insists on a key; a proxy without auth gets no Authorization header at all.
    apiKey: s.credential ?? 'no-key',
    ...(s.credential ? {} : { defaultHeaders: { Authorization: null } }),
    organization: null,
    project: null,
    timeout: s.timeoutMs,
    maxRetries: 0,
    fetch: s.fetch,
  });

  const sdk = sdkRunner(APIConnectionTimeoutError, APIUserAbortError);
  return {
    // The usage chunk: without it token counts are estimated (LiteLLM refuses it for anthropic/* models unless drop_params).
    optionalParams: ['stream_options'],
    stream(req: ChatRequest, signal: AbortSignal, options: StreamOptions = {}): AsyncIterable<ChatEvent> {
      const usageChunk = !options.omit?.includes('stream_options');
      return sdk.stream(signal, async function* (local) {
        const messages = [
          ...(req.system ? [{ role: 'system' as const, content: req.system }] : []),
          ...req.messages.map((m) => (m.role === 'user' && m.images?.length ? { role: 'user' as const, content: userParts(m.content, m.images) } : { role: m.role, content: m.content })),
        ];
        // The raw response: the SDK sent the request and threw any refusal; sse.ts reads the body
        // (the SDK's own stream decoding was most of a long reply's CPU time).
        const response = await client.chat.completions
          .create(
            {
              model: req.model,
              messages,
              stream: true,
              ...(usageChunk ? { stream_options: { include_usage: true } } : {}),
              ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}),
            },
            { signal: local.signal, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
          )
          .asResponse();
        await expectEventStream(response, false); // no copy of the body: sseJson keeps its start
        const start = { text: '' };
        const requestId = response.headers.get('x-litellm-call-id') ?? response.headers.get('x-request-id') ?? undefined;
        const rateLimits = rateLimitHeaders(response.headers);
        yield { type: 'start', model: req.model, mode: s.mode, ...(requestId ? { requestId } : {}), ...(rateLimits ? { rateLimits } : {}), ...serverVersion(response.headers) };
        const cost = responseCost(response.headers);
        let stop: StopReason | undefined;
        let usageSent = false;
        if (!response.body) throw new StreamError('stream_cut', 'a streamed reply without a body');
        const idle = idleWatch(s.timeoutMs, () => local.abort());
        try {
          const chunks = sseJson(response.body, { errorFor: (e) => new APIError(undefined, e as object, undefined, response.headers), onRead: idle.touch, start });
          for await (const item of chunks) {
            const chunk = item as ChatCompletionChunk;
            const choice = chunk.choices?.[0];
            const text = choice?.delta?.content;
            if (text) yield { type: 'text', text };
            if (choice?.finish_reason) stop = STOP[choice.finish_reason] ?? 'other';
            if (chunk.usage) {
              usageSent = true;
              yield {
                type: 'usage',
                inputTokens: chunk.usage.prompt_tokens,
                outputTokens: chunk.usage.completion_tokens,
                ...(cost !== undefined ? { cost } : {}),
              };
            }
          }
        } catch (err) {
          throw await notJsonStream(err, { start: async () => start.text });
        } finally {
          idle.stop();
        }
        if (idle.fired) throw new StreamError('timeout', `no data for ${s.timeoutMs} ms`);
        if (signal.aborted) return yield { type: 'done', stopReason: 'aborted' };
        if (!stop) throw new StreamError('stream_cut', 'stream ended before finish_reason');
        if (!usageSent && cost !== undefined) yield { type: 'usage', cost };
        yield { type: 'done', stopReason: stop };
      });
    },

    async listModels(signal?: AbortSignal) {
      const page = await sdk.call(() => client.models.list({ signal: signal ?? null }));
      return page.data.map((m) => ({ id: m.id }));
    },
  };
}
