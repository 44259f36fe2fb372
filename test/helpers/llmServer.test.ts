import { afterEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { pyJson, pyRepr, refusedPort, startServer, type TestServer } from './llmServer.js';
import { waitUntil } from './home.js';

const KEY = 'sk-test-master';
const servers: TestServer[] = [];
async function start(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const s = await startServer(...args);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const openai = (s: TestServer, extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ baseURL: `${s.url}/v1`, apiKey: KEY, maxRetries: 0, ...extra });
const anthropic = (s: TestServer, extra: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}) =>
  new Anthropic({ baseURL: s.url, apiKey: KEY, maxRetries: 0, ...extra });
const post = (url: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const auth = { headers: { authorization: `Bearer ${KEY}` } };
const hi = [{ role: 'user' as const, content: 'hi' }];
/** Replace the per-request parts (ids, timestamps) so bodies compare byte for byte with the transcripts. */
const normalise = (s: string) =>
  s.replace(/chatcmpl-[0-9a-f-]{36}/g, 'chatcmpl-ID').replace(/"created": ?\d{10}/g, (m) => m.replace(/\d+/, 'T'));
const caught = async (p: Promise<unknown> | (() => Promise<unknown>)): Promise<any> => {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
};

// Literal copies of the recorded LiteLLM v1.39.5 transcripts (ids and timestamps normalised).
const T = {
  models: '{"data":[{"id":"claude-3-5-sonnet","object":"model","created":1677610602,"owned_by":"openai"},{"id":"claude-3-5-haiku-20241022","object":"model","created":1677610602,"owned_by":"openai"}],"object":"list"}',
  modelInfo: '{"data":[{"model_name":"claude-3-5-sonnet","litellm_params":{"model":"anthropic/claude-3-5-sonnet-20241022","mock_response":"Hello from the proxy"},"model_info":{}},{"model_name":"claude-3-5-haiku-20241022","litellm_params":{"model":"anthropic/claude-3-5-haiku-20241022","mock_response":"hi"},"model_info":{}}]}',
  completion: '{"id":"chatcmpl-ID","choices":[{"finish_reason":"stop","index":0,"message":{"content":"Hello from the proxy","role":"assistant"}}],"created":T,"model":"claude-3-5-sonnet-20241022","object":"chat.completion","system_fingerprint":null,"usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30},"_response_ms":0.9430000000000001}',
  badModel: '{"error":{"message":{"error":"chat_completion: Invalid model name passed in model=claude-3-5-sonnet-20241022"},"type":"None","param":"None","code":400}}',
  wrongKey: '{"error":{"message":"Authentication Error, No connected db.","type":"auth_error","param":"None","code":401}}',
  noKey: '{"error":{"message":"Authentication Error, No api key passed in.","type":"auth_error","param":"None","code":401}}',
  malformed: '{"error":{"message":"Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix. Passed in: sk-test-master","type":"auth_error","param":"None","code":401}}',
  malformedLower: '{"error":{"message":"Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix. Passed in: bearer sk-test-master","type":"auth_error","param":"None","code":401}}',
  unsupportedParams:
    '{"error":{"message":"AnthropicException - AnthropicException - anthropic does not support parameters: {\'stream_options\': {\'include_usage\': True}}, for model=claude-3-5-sonnet-20241022. To drop these, set `litellm.drop_params=True` or for proxy:\\n\\n`litellm_settings:\\n drop_params: true`\\n. Handle with `litellm.APIError`.. Handle with `litellm.APIError`.\\nNumber Retries = 2, Max Retries=2\\nCooldown Deployments=[]","type":null,"param":null,"code":500}}',
  stream: ['Hel', 'lo ', 'fro', 'm t', 'he ', 'pro', 'xy']
    .map((t, i) => `data: {"id": "chatcmpl-ID", "choices": [{"message": {"content": "default", "role": "assistant"}, "index": 0, "delta": {"content": "${t}"${i === 0 ? ', "role": "assistant"' : ''}}}], "created": T, "model": "claude-3-5-sonnet-20241022", "object": "chat.completion.chunk"}\n\n`)
    .join('') +
    'data: {"id": "chatcmpl-ID", "choices": [{"finish_reason": "stop", "index": 0, "delta": {}}], "created": T, "model": "claude-3-5-sonnet-20241022", "object": "chat.completion.chunk"}\n\ndata: [DONE]\n\n',
};

describe('litellm flavor: wire format of the v1.39.5 transcripts', () => {
  it('lists models at /v1/models and /models, model info at /model/info and /v1/model/info', async () => {
    const s = await start();
    for (const [path, body] of [['/v1/models', T.models], ['/models', T.models], ['/model/info', T.modelInfo], ['/v1/model/info', T.modelInfo]] as const) {
      const r = await fetch(s.url + path, auth);
      expect(r.status).toBe(200);
      expect(r.headers.get('server')).toBe('uvicorn');
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.headers.get('content-length')).toBe(String(body.length));
      expect(await r.text()).toBe(body);
    }
    expect(T.models.length).toBe(204); // content-length recorded in the transcript
    expect(T.modelInfo.length).toBe(311);
  });

  it('answers the health endpoints without a key', async () => {
    const s = await start();
    const live = await fetch(`${s.url}/health/liveliness`);
    expect(live.status).toBe(200);
    expect(live.headers.get('content-length')).toBe('12');
    expect(await live.text()).toBe('"I\'m alive!"');
    const ready = await fetch(`${s.url}/health/readiness`);
    expect(ready.headers.get('content-length')).toBe('610');
    expect(await ready.json()).toMatchObject({ status: 'healthy', litellm_version: '1.39.5', db: 'Not connected' });
    const health = await fetch(`${s.url}/health`, auth);
    expect(await health.json()).toMatchObject({ healthy_count: 2, unhealthy_count: 0 });
    expect((await fetch(`${s.url}/health`)).status).toBe(401);
  });

  it('streams the chunked transcript byte for byte, with and without /v1', async () => {
    const s = await start();
    for (const path of ['/v1/chat/completions', '/chat/completions']) {
      const r = await post(s.url + path, { model: 'claude-3-5-sonnet', stream: true, messages: hi });
      expect(r.status).toBe(200);
      expect(Object.fromEntries(r.headers)).toMatchObject({
        server: 'uvicorn',
        'content-type': 'text/event-stream; charset=utf-8',
        'transfer-encoding': 'chunked',
        'x-litellm-model-id': '41a081a78b20e28b3a83df67b161d093abb0378175dd09166aa9ebca17e1b069',
        'x-litellm-version': '1.39.5',
        'x-litellm-key-tpm-limit': 'None',
        'x-litellm-key-rpm-limit': 'None',
      });
      expect(normalise(await r.text())).toBe(T.stream);
    }
  });

  it('answers non-stream completions as recorded, with and without /v1', async () => {
    const s = await start();
    for (const path of ['/v1/chat/completions', '/chat/completions']) {
      const r = await post(s.url + path, { model: 'claude-3-5-sonnet', messages: hi });
      expect(r.headers.get('content-length')).toBe('380');
      expect(r.headers.get('x-litellm-version')).toBe('1.39.5');
      expect(normalise(await r.text())).toBe(T.completion);
    }
    const haiku = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-haiku-20241022', messages: hi });
    expect(haiku.headers.get('x-litellm-model-id')).toBe('e5866e40340c99bb9b452fd043f11b27a3d4803e37abb189b052c38b2d2c723d');
    expect(await haiku.json()).toMatchObject({ model: 'claude-3-5-haiku-20241022', choices: [{ message: { content: 'hi' } }] });
  });

  it('rejects an unknown model with the 400 whose message is an object, for stream requests too', async () => {
    const s = await start();
    for (const stream of [false, true]) {
      const r = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-sonnet-20241022', stream, messages: hi });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(await r.text()).toBe(T.badModel);
    }
  });

  it('reproduces every auth variant, including the malformed header that echoes the key', async () => {
    const s = await start();
    const url = `${s.url}/v1/chat/completions`;
    const body = { model: 'claude-3-5-sonnet', messages: hi };
    const cases: [Record<string, string>, string][] = [
      [{ authorization: 'Bearer sk-wrong' }, T.wrongKey],
      [{}, T.noKey],
      [{ 'x-api-key': KEY }, T.noKey],
      [{ 'api-key': KEY }, T.noKey],
      [{ authorization: KEY }, T.malformed],
      [{ authorization: `bearer ${KEY}` }, T.malformedLower],
    ];
    for (const [headers, expected] of cases) {
      const r = await post(url, body, headers);
      expect(r.status).toBe(401);
      expect(await r.text()).toBe(expected);
    }
    const models = await fetch(`${s.url}/v1/models`);
    expect([models.status, await models.text()]).toEqual([401, T.noKey]);
  });

  it('has no Anthropic endpoint: /v1/messages and /messages are 404 {"detail":"Not Found"}', async () => {
    const s = await start();
    for (const path of ['/v1/messages', '/messages']) {
      const r = await post(s.url + path, { model: 'claude-3-5-sonnet', max_tokens: 64, messages: hi }, { 'x-api-key': KEY });
      expect(r.status).toBe(404);
      expect(r.headers.get('content-length')).toBe('22');
      expect(await r.text()).toBe('{"detail":"Not Found"}');
    }
  });

  it('records every request with its headers and parsed body', async () => {
    const s = await start();
    await openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', messages: hi });
    await fetch(`${s.url}/health/liveliness`);
    expect(s.requests).toHaveLength(2);
    const [chat, health] = s.requests;
    expect(chat).toMatchObject({ method: 'POST', url: '/v1/chat/completions', body: { model: 'claude-3-5-sonnet', messages: hi } });
    expect(chat!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(health).toMatchObject({ method: 'GET', url: '/health/liveliness', body: undefined });
  });
});

describe('litellm flavor through the openai SDK', () => {
  it('assembles a streamed reply from small deltas', async () => {
    const s = await start();
    const stream = await openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi });
    const deltas: string[] = [];
    let finish: string | null | undefined;
    for await (const c of stream) {
      if (c.choices[0]?.delta.content) deltas.push(c.choices[0].delta.content);
      finish = c.choices[0]?.finish_reason ?? finish;
    }
    expect(deltas).toEqual(['Hel', 'lo ', 'fro', 'm t', 'he ', 'pro', 'xy']);
    expect(deltas.join('')).toBe('Hello from the proxy');
    expect(finish).toBe('stop');
  });

  it('adds a usage chunk only when stream_options.include_usage is set (a model whose provider supports it)', async () => {
    const s = await start({ models: [{ name: 'gpt-4o', underlying: 'openai/gpt-4o' }] });
    const client = openai(s);
    const collect = async (include: boolean) => {
      const chunks = [];
      const stream = await client.chat.completions.create({ model: 'gpt-4o', stream: true, messages: hi, ...(include ? { stream_options: { include_usage: true } } : {}) });
      for await (const c of stream) chunks.push(c);
      return chunks;
    };
    expect((await collect(false)).some((c) => c.usage)).toBe(false);
    const withUsage = await collect(true);
    expect(s.requests.at(-1)!.body.stream_options).toEqual({ include_usage: true });
    expect(withUsage.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 } });
  });

  it('refuses stream_options for an anthropic/* model with the recorded 500 (stream or not), as the SDK sees it', async () => {
    const s = await start();
    for (const stream of [true, false]) {
      const r = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-sonnet', messages: hi, stream, stream_options: { include_usage: true } });
      expect(r.status).toBe(500);
      expect(r.headers.get('server')).toBe('uvicorn');
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(r.headers.get('content-length')).toBe('454'); // as recorded
      expect(await r.text()).toBe(T.unsupportedParams);
    }
    const err = await caught(openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi, stream_options: { include_usage: true } }));
    expect(err).toBeInstanceOf(OpenAI.InternalServerError);
    expect(err.status).toBe(500);
    expect(err.error).toMatchObject({ type: null, param: null, code: 500 });
    expect(err.error.message).toContain("anthropic does not support parameters: {'stream_options': {'include_usage': True}}, for model=claude-3-5-sonnet-20241022");
    // The same request without the parameter is answered.
    const ok = await openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', messages: hi });
    expect(ok.choices[0]?.message.content).toBe('Hello from the proxy');
  });

  it('names every refused parameter in request order, in python repr', async () => {
    const s = await start();
    const r = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-haiku-20241022', messages: hi, seed: 7, stream_options: { include_usage: false }, n: 1 });
    expect(r.status).toBe(500);
    expect((await r.json()).error.message).toContain("does not support parameters: {'stream_options': {'include_usage': False}, 'n': 1, 'seed': 7}, for model=claude-3-5-haiku-20241022.");
    expect(pyRepr({ a: [null, 'it\'s', 1.5] })).toBe("{'a': [None, 'it\\'s', 1.5]}");
  });

  it('with dropParams (drop_params: true) drops the parameter silently: the reply, and no usage chunk', async () => {
    const s = await start({ dropParams: true });
    const chunks = [];
    const stream = await openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi, stream_options: { include_usage: true } });
    for await (const c of stream) chunks.push(c);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello from the proxy');
    expect(chunks.some((c) => c.usage)).toBe(false);
  });

  it('returns the non-stream reply with the provider model name', async () => {
    const s = await start();
    const r = await openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', messages: hi });
    expect(r.choices[0]?.message.content).toBe('Hello from the proxy');
    expect(r.model).toBe('claude-3-5-sonnet-20241022');
    const page = await openai(s).models.list();
    expect(page.data.map((m) => m.id)).toEqual(['claude-3-5-sonnet', 'claude-3-5-haiku-20241022']);
  });

  it('surfaces the object-valued error.message of the 400 as JSON text', async () => {
    const s = await start();
    for (const stream of [false, true] as const) {
      const err = await caught(openai(s).chat.completions.create({ model: 'claude-3-5-sonnet-20241022', stream, messages: hi }));
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect(err.status).toBe(400);
      expect(err.error.message).toEqual({ error: 'chat_completion: Invalid model name passed in model=claude-3-5-sonnet-20241022' });
      expect(err.message).toBe('400 {"error":"chat_completion: Invalid model name passed in model=claude-3-5-sonnet-20241022"}');
      expect(err.code).toBe(400);
      expect(err.type).toBe('None');
    }
  });

  it('raises AuthenticationError for a wrong key', async () => {
    const s = await start();
    const err = await caught(openai(s, { apiKey: 'sk-wrong' }).chat.completions.create({ model: 'claude-3-5-sonnet', messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(err.message).toBe('401 Authentication Error, No connected db.');
  });

  it('escapes non-ASCII like python json.dumps and the SDK decodes it', async () => {
    const s = await start({ chunkSize: 4 });
    s.setReply('claude-3-5-sonnet', 'héllo 👋 wörld');
    const r = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-sonnet', stream: true, messages: hi });
    const raw = await r.text();
    expect(raw).toContain('"content": "h\\u00e9ll"');
    expect(raw).toContain('\\ud83d\\udc4b');
    expect(/[^\x00-\x7f]/.test(raw)).toBe(false);
    let text = '';
    for await (const c of await openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi })) {
      text += c.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('héllo 👋 wörld');
    expect(pyJson({ a: [1, 'é'], b: null })).toBe('{"a": [1, "\\u00e9"], "b": null}');
  });
});

describe('anthropic flavor', () => {
  it('answers /v1/messages non-stream and streamed through the Anthropic SDK', async () => {
    const s = await start({ flavor: 'anthropic' });
    const client = anthropic(s);
    const msg = await client.messages.create({ model: 'claude-3-5-sonnet', max_tokens: 64, messages: hi });
    expect(msg.content).toEqual([{ type: 'text', text: 'Hello from the proxy' }]);
    expect(msg.stop_reason).toBe('end_turn');

    const final = await client.messages.stream({ model: 'claude-3-5-sonnet', max_tokens: 64, messages: hi }).finalText();
    expect(final).toBe('Hello from the proxy');

    const deltas: string[] = [];
    const events: string[] = [];
    for await (const ev of await client.messages.create({ model: 'claude-3-5-haiku-20241022', max_tokens: 64, stream: true, messages: hi })) {
      events.push(ev.type);
      if (ev.type === 'content_block_delta' && ev.delta.type === 'text_delta') deltas.push(ev.delta.text);
    }
    expect(deltas.join('')).toBe('hi');
    expect(events).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(s.requests[0]?.headers.authorization ?? s.requests[0]?.headers['x-api-key']).toMatch(KEY);
  });

  it('frames the SSE stream like Anthropic and accepts x-api-key', async () => {
    const s = await start({ flavor: 'anthropic' });
    const r = await post(`${s.url}/v1/messages`, { model: 'claude-3-5-haiku-20241022', max_tokens: 64, stream: true, messages: hi }, { 'x-api-key': KEY, 'anthropic-version': '2023-06-01' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(r.headers.get('request-id')).toMatch(/^req_/);
    expect([...r.headers.keys()].some((k) => k.startsWith('x-litellm'))).toBe(false);
    const raw = await r.text();
    const events = raw.split('\n\n').filter(Boolean).map((block) => block.split('\n'));
    expect(events.map((e) => e[0])).toEqual(['message_start', 'content_block_start', 'ping', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'].map((e) => `event: ${e}`));
    expect(events.every((e) => e.length === 2 && e[1]!.startsWith('data: {'))).toBe(true);
    expect(raw).toContain('event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}\n\n');
    expect(raw).toContain('"delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":1}');
    expect(raw.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n')).toBe(true);
  });

  it('lists models in Anthropic shape and answers errors in Anthropic shape', async () => {
    const s = await start({ flavor: 'anthropic' });
    const r = await fetch(`${s.url}/v1/models`, { headers: { 'x-api-key': KEY } });
    expect(await r.json()).toEqual({
      data: [
        { type: 'model', id: 'claude-3-5-sonnet', display_name: 'claude-3-5-sonnet', created_at: '2024-10-22T00:00:00Z' },
        { type: 'model', id: 'claude-3-5-haiku-20241022', display_name: 'claude-3-5-haiku-20241022', created_at: '2024-10-22T00:00:00Z' },
      ],
      has_more: false,
      first_id: 'claude-3-5-sonnet',
      last_id: 'claude-3-5-haiku-20241022',
    });
    const ids = [];
    for await (const m of anthropic(s).models.list()) ids.push(m.id);
    expect(ids).toEqual(['claude-3-5-sonnet', 'claude-3-5-haiku-20241022']);

    const bad = await caught(anthropic(s, { apiKey: 'sk-wrong' }).messages.create({ model: 'claude-3-5-sonnet', max_tokens: 8, messages: hi }));
    expect(bad).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(bad.error).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
    expect(bad.requestID).toMatch(/^req_/);
    const missing = await caught(anthropic(s).messages.create({ model: 'claude-nope', max_tokens: 8, messages: hi }));
    expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
    expect(missing.type).toBe('not_found_error');
    const live = await fetch(`${s.url}/health/liveliness`);
    expect(live.status).toBe(404);
    expect(live.headers.get('server')).toBeNull();
  });
});

describe('plain flavor', () => {
  it('answers every path with a 404 HTML page', async () => {
    const s = await start({ flavor: 'plain' });
    for (const path of ['/', '/v1/models', '/health/liveliness', '/v1/messages']) {
      const r = await fetch(s.url + path);
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toBe('text/html');
      expect(await r.text()).toContain('<title>404 Not Found</title>');
    }
  });
});

describe('faults', () => {
  it('turns chat and model listing into the fault status, leaving health healthy', async () => {
    const s = await start();
    const client = openai(s);
    const cases = [
      ['401', OpenAI.AuthenticationError, 401],
      ['403-json', OpenAI.PermissionDeniedError, 403],
      ['403-html', OpenAI.PermissionDeniedError, 403],
      ['429', OpenAI.RateLimitError, 429],
      ['500', OpenAI.InternalServerError, 500],
    ] as const;
    for (const [fault, cls, status] of cases) {
      s.fault = fault;
      const err = await caught(client.chat.completions.create({ model: 'claude-3-5-sonnet', messages: hi }));
      expect(err).toBeInstanceOf(cls);
      expect(err.status).toBe(status);
      expect((await caught(client.models.list())).status).toBe(status);
      expect((await fetch(`${s.url}/health/liveliness`)).status).toBe(200);
    }
  });

  it('shapes 403 and 429 bodies and headers', async () => {
    const s = await start();
    s.fault = '403-json';
    const j = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-sonnet', messages: hi });
    expect(await j.json()).toMatchObject({ error: { type: 'auth_error', param: 'None', code: 403, message: expect.stringMatching(/^Authentication Error, .*not allowed to access model/) } });
    s.fault = '403-html';
    const h = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-sonnet', messages: hi });
    expect([h.headers.get('server'), h.headers.get('content-type')]).toEqual(['nginx', 'text/html']);
    expect(await h.text()).toBe('<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>');
    const html = await caught(openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', messages: hi }));
    expect(html.error).toBeUndefined(); // the SDK puts the whole HTML page into .message
    expect(html.message).toMatch(/^403 <html><head><title>403 Forbidden/);
    s.fault = '429';
    const err = await caught(openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', messages: hi }));
    expect(err.headers.get('retry-after')).toBe('7');
    expect(err.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(err.headers.get('x-ratelimit-reset-requests')).toBe('7s');
    expect(err.code).toBe('429'); // a string, as newer LiteLLM sends
  });

  it('maps faults to Anthropic error shapes in the anthropic flavor', async () => {
    const s = await start({ flavor: 'anthropic' });
    const client = anthropic(s);
    const cases = [
      ['401', Anthropic.AuthenticationError, 'authentication_error'],
      ['403-json', Anthropic.PermissionDeniedError, 'permission_error'],
      ['429', Anthropic.RateLimitError, 'rate_limit_error'],
      ['500', Anthropic.InternalServerError, 'api_error'],
    ] as const;
    for (const [fault, cls, type] of cases) {
      s.fault = fault;
      const err = await caught(client.messages.create({ model: 'claude-3-5-sonnet', max_tokens: 8, messages: hi }));
      expect(err).toBeInstanceOf(cls);
      expect(err.type).toBe(type);
    }
  });

  it("'cut' makes the openai SDK stream throw after partial text", async () => {
    const s = await start();
    s.fault = 'cut';
    const stream = await openai(s).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi });
    let text = '';
    const err = await caught(async () => {
      for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
    });
    expect(text).toBe('Hello from t');
    // The SDK does not wrap it: undici's TypeError('terminated'), cause SocketError UND_ERR_SOCKET.
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toBe('terminated');
    expect(err.cause?.code).toBe('UND_ERR_SOCKET');
    expect(err).not.toBeInstanceOf(OpenAI.APIError);
    expect(s.requests).toHaveLength(1);
  });

  it("'cut' makes the Anthropic SDK stream throw", async () => {
    const s = await start({ flavor: 'anthropic' });
    s.fault = 'cut';
    const stream = anthropic(s).messages.stream({ model: 'claude-3-5-sonnet', max_tokens: 64, messages: hi });
    let text = '';
    stream.on('text', (t) => (text += t));
    const err = await caught(stream.finalText());
    expect(text).toBe('Hello fro');
    // MessageStream wraps it in a plain AnthropicError (not an APIError) whose cause is undici's TypeError.
    expect(err).toBeInstanceOf(Anthropic.AnthropicError);
    expect(err).not.toBeInstanceOf(Anthropic.APIError);
    expect(err.message).toBe('terminated');
    expect(err.cause).toBeInstanceOf(TypeError);
    expect(err.cause.cause?.code).toBe('UND_ERR_SOCKET');
    // Iterating create({stream: true}) directly gives the raw TypeError instead.
    const raw = await caught(async () => {
      for await (const _ of await anthropic(s).messages.create({ model: 'claude-3-5-sonnet', max_tokens: 64, stream: true, messages: hi }));
    });
    expect(raw).toBeInstanceOf(TypeError);
    expect(raw.message).toBe('terminated');
  });

  it("'hang' makes an SDK call with a short timeout throw a timeout error", async () => {
    const s = await start();
    s.fault = 'hang';
    const err = await caught(openai(s, { timeout: 300 }).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi }));
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(err.message).toBe('Request timed out.');
    const a = await caught(anthropic(s, { timeout: 300 }).messages.create({ model: 'claude-3-5-sonnet', max_tokens: 8, messages: hi }));
    expect(a).toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
    // everything hangs, health too
    const health = await caught(fetch(`${s.url}/health/liveliness`, { signal: AbortSignal.timeout(200) }));
    expect(health.name).toBe('TimeoutError');
  });

  it("'hang-after-headers' delivers headers and the first chunk, then stalls (the SDK timeout no longer applies)", async () => {
    const s = await start();
    s.fault = 'hang-after-headers';
    const hang = await start();
    hang.fault = 'hang';
    // The event a 300 ms SDK timeout would have fired by: the same timeout, set later, on a request
    // whose headers never come (Node runs equal timers in the order they were set).
    const timedOutLater = (timeout: number) =>
      caught(openai(hang, { timeout }).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi }));
    const ac = new AbortController();
    const stream = await openai(s, { timeout: 300 }).chat.completions.create({ model: 'claude-3-5-sonnet', stream: true, messages: hi }, { signal: ac.signal });
    let text = '';
    let threw: unknown;
    const reading = (async () => {
      try {
        for await (const c of stream) text += c.choices[0]?.delta.content ?? '';
      } catch (e) {
        threw = e;
      }
    })();
    expect(await timedOutLater(300)).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(threw).toBeUndefined(); // the stream's own 300 ms timeout did not fire
    ac.abort();
    await reading;
    expect(text).toBe('Hel');
    expect(threw).toBeUndefined(); // aborting mid-stream just ends the for-await loop, no error

    const a = await start({ flavor: 'anthropic' });
    a.fault = 'hang-after-headers';
    const ac2 = new AbortController();
    const st = anthropic(a, { timeout: 200 }).messages.stream({ model: 'claude-3-5-sonnet', max_tokens: 8, messages: hi }, { signal: ac2.signal });
    const final = caught(st.finalText());
    await new Promise<void>((ok) => st.on('connect', () => ok())); // the headers are in
    expect(await timedOutLater(200)).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    ac2.abort();
    expect(await final).toBeInstanceOf(Anthropic.APIUserAbortError);
  });

  it('close() returns with a hanging request open (it would never return if it waited for it)', async () => {
    const s = await start();
    s.fault = 'hang';
    const pending = fetch(`${s.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: '{}' }).catch((e: unknown) => e);
    await waitUntil(() => s.requests.length === 1, 5000, 'the request at the server');
    await s.close();
    expect(await pending).toBeInstanceOf(TypeError); // fetch failed: the socket was destroyed
    await s.close(); // idempotent
  });
});

describe('options and helpers', () => {
  it('applies setReply, chunkSize, extraHeaders, name and mutable models', async () => {
    const s = await start({ chunkSize: 5, extraHeaders: { 'x-litellm-response-cost': '0.00042' }, name: 'A' });
    s.setReply('claude-3-5-sonnet', 'abcdefghijkl');
    const r = await post(`${s.url}/v1/chat/completions`, { model: 'claude-3-5-sonnet', stream: true, messages: hi });
    expect(r.headers.get('x-litellm-response-cost')).toBe('0.00042');
    expect(r.headers.get('x-test-server-name')).toBe('A');
    expect([...(await r.text()).matchAll(/"delta": \{"content": "([^"]*)"/g)].map((m) => m[1])).toEqual(['abcde', 'fghij', 'kl']);
    s.setReply('gpt-4o', 'new model');
    s.options.models!.push({ name: 'custom', underlying: 'openai/gpt-4o-mini', reply: 'x', modelInfo: { max_tokens: 10 } });
    const info = await (await fetch(`${s.url}/model/info`, auth)).json();
    expect(info.data.map((m: { model_name: string }) => m.model_name)).toEqual(['claude-3-5-sonnet', 'claude-3-5-haiku-20241022', 'gpt-4o', 'custom']);
    expect(info.data[3]).toEqual({ model_name: 'custom', litellm_params: { model: 'openai/gpt-4o-mini', mock_response: 'x' }, model_info: { max_tokens: 10 } });
    const c = await openai(s).chat.completions.create({ model: 'custom', messages: hi });
    expect([c.model, c.choices[0]?.message.content]).toEqual(['gpt-4o-mini', 'x']);
  });

  it('refusedPort() gives a port where connections are refused', async () => {
    const port = await refusedPort();
    const err = await caught(fetch(`http://127.0.0.1:${port}/health/liveliness`));
    expect(err.cause?.code).toBe('ECONNREFUSED');
    const sdk = await caught(new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: KEY, maxRetries: 0 }).models.list());
    expect(sdk).toBeInstanceOf(OpenAI.APIConnectionError);
    expect(sdk.cause?.cause?.code ?? sdk.cause?.code).toBe('ECONNREFUSED');
  });

  it('listens on 127.0.0.1 only', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}`);
    expect(s.port).toBeGreaterThan(0);
  });
});
