// An optional parameter the app adds on its own (stream_options) never costs a failed message: the
// strict test server refuses it for anthropic/* models exactly as LiteLLM 1.39.5 does (a 500), the app
// sends again at once without it, and remembers that per connection and model, across runs.
import { afterEach, describe, expect, it } from 'vitest';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import { refusedParam, type ParamMemory } from '../../src/runtime/optionalParams.js';
import { prefsParamMemory } from '../../src/settings/paramMemory.js';
import { openPrefs } from '../../src/settings/prefs.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type ServerOptions, type TestServer } from '../helpers/llmServer.js';
import { eachHomeAndServer } from '../helpers/home.js';

const KEY = 'sk-test-master';
const f = eachHomeAndServer(); // the strict default: no drop_params
const others: TestServer[] = [];
const runtimes: RuntimeService[] = [];
afterEach(async () => {
  for (const r of runtimes.splice(0)) r.close();
  await Promise.all(others.splice(0).map((s) => s.close()));
});

/** The seed guide's .env, pointing at `s` (the file's strict server unless another is given). */
async function proxy(opts?: ServerOptions): Promise<TestServer> {
  const s = opts ? await startServer(opts) : f.server;
  if (opts) others.push(s);
  f.home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
  return s;
}
function runtime(paramMemory?: ParamMemory) {
  const logger = createFileLogger(f.home.logFile);
  const r = new RuntimeService({ envPath: f.home.envPath, env: {}, logger, ...(paramMemory ? { paramMemory } : {}) });
  runtimes.push(r);
  return r;
}
async function collect(it: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const ev of it) out.push(ev);
  return out;
}
const textOf = (evs: ChatEvent[]) => evs.map((e) => (e.type === 'text' ? e.text : '')).join('');
const hello = (model = 'claude-3-5-sonnet') => ({ model, messages: [{ role: 'user' as const, content: 'hello' }] });
const chats = (s: TestServer) => s.requests.filter((q) => q.url.endsWith('/chat/completions'));
const refusalLines = () => f.home.readLog().split('\n').filter((l) => l.includes('refused the optional parameter'));

describe('refusedParam: which optional parameter an error refuses', () => {
  const litellm500 = {
    status: 500,
    error: { message: "AnthropicException - anthropic does not support parameters: {'stream_options': {'include_usage': True}}, for model=x. To drop these, set `litellm.drop_params=True`", type: null, param: null, code: 500 },
  };
  it('reads LiteLLM 1.39.5’s 500 and OpenAI’s 400 wording', () => {
    expect(refusedParam(litellm500, ['stream_options'])).toBe('stream_options');
    expect(refusedParam({ status: 400, error: { message: 'Unrecognized request argument supplied: stream_options' } }, ['stream_options'])).toBe('stream_options');
    expect(refusedParam({ status: 422, message: "422 extra fields not permitted: 'stream_options'" }, ['stream_options'])).toBe('stream_options');
  });
  it('is nothing for other failures, other parameters, or a parameter already left out', () => {
    expect(refusedParam({ status: 500, error: { message: 'Internal Server Error: upstream connection failed' } }, ['stream_options'])).toBeUndefined();
    expect(refusedParam({ ...litellm500, status: 401 }, ['stream_options'])).toBeUndefined();
    expect(refusedParam(litellm500, [])).toBeUndefined();
    expect(refusedParam({ status: 400, error: { message: 'max_tokens: unsupported value' } }, ['stream_options'])).toBeUndefined();
    expect(refusedParam(new Error('fetch failed'), ['stream_options'])).toBeUndefined();
  });
});

describe('a proxy that refuses stream_options (LiteLLM without drop_params)', () => {
  it('the first message gets its reply: refused once, sent again at once without it, one log line with the fix', async () => {
    const s = await proxy();
    const r = runtime();
    const evs = await collect(r.chat(hello()));
    expect(evs.filter((e) => e.type === 'error')).toEqual([]);
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(evs.at(-1)).toEqual({ type: 'done', stopReason: 'end' });
    // No usage chunk without stream_options: the UI estimates the count (and marks it as such).
    expect(evs.some((e) => e.type === 'usage')).toBe(false);
    const sent = chats(s);
    expect(sent.map((q) => q.body.stream_options)).toEqual([{ include_usage: true }, undefined]);
    expect(sent[1]!.body).toMatchObject({ model: 'claude-3-5-sonnet', stream: true, messages: [{ role: 'user', content: 'hello' }] });
    const lines = refusalLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('stream_options');
    expect(lines[0]).toContain('claude-3-5-sonnet');
    expect(lines[0]).toContain('litellm_settings: drop_params: true');
    expect(lines[0]).not.toContain(KEY);

    // The rest of the run sends no refused request.
    expect(textOf(await collect(r.chat(hello())))).toBe('Hello from the proxy');
    expect(chats(s).slice(2).map((q) => q.body.stream_options)).toEqual([undefined]);
    expect(refusalLines()).toHaveLength(1);
  });

  it('remembers it in preferences: the next run sends no refused request at all', async () => {
    const s = await proxy();
    const memory = () => prefsParamMemory(f.home.dir, async () => openPrefs(f.home.dir));
    const first = memory();
    await collect(runtime(first).chat(hello()));
    await first.settled();
    expect(chats(s)).toHaveLength(2);

    const next = runtime(memory()); // a new run: a new runtime reading the same preferences file
    const evs = await collect(next.chat(hello()));
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(chats(s).slice(2).map((q) => q.body.stream_options)).toEqual([undefined]);
    expect(refusalLines()).toHaveLength(1);
  });

  it('is remembered per model: another model on the same proxy is asked once for itself', async () => {
    const s = await proxy({
      models: [
        { name: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022' },
        { name: 'gpt-4o', underlying: 'openai/gpt-4o', reply: 'usage too' },
      ],
    });
    const r = runtime();
    await collect(r.chat(hello()));
    // An openai/* model supports the parameter: it is sent, and the proxy's own count arrives.
    const evs = await collect(r.chat(hello('gpt-4o')));
    expect(textOf(evs)).toBe('usage too');
    expect(evs.find((e) => e.type === 'usage')).toMatchObject({ inputTokens: 10, outputTokens: 20 });
    expect(chats(s).map((q) => [q.body.model, q.body.stream_options])).toEqual([
      ['claude-3-5-sonnet', { include_usage: true }],
      ['claude-3-5-sonnet', undefined],
      ['gpt-4o', { include_usage: true }],
    ]);
  });

  it('a proxy with drop_params: one request, accepted, no usage chunk, nothing logged', async () => {
    const s = await proxy({ dropParams: true });
    const evs = await collect(runtime().chat(hello()));
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(evs.some((e) => e.type === 'usage')).toBe(false);
    expect(chats(s)).toHaveLength(1);
    expect(refusalLines()).toEqual([]);
  });

  it('a 500 that is not about a parameter is not sent again (and is not remembered)', async () => {
    const s = await proxy();
    s.fault = '500';
    const r = runtime();
    const evs = await collect(r.chat(hello()));
    expect(evs.find((e) => e.type === 'error')).toMatchObject({ error: { kind: 'server', status: 500 } });
    expect(chats(s)).toHaveLength(1);
    expect(r.paramMemory.refused(`proxy ${s.url}`, 'claude-3-5-sonnet')).toEqual([]);
  });
});
