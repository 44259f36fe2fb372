// Checks 4-6: the key, the model, a real request, through the runtime's own provider clients.
import type { ProviderClient } from '../providers/common.js';
import { StreamError } from '../providers/common.js';
import { classifyError, modelNotServed, streamCutError } from '../errors.js';
import { maskSecret } from '../secrets.js';
import { isOpenAIModel, parseModelInfo } from '../models.js';
import { nearestModels } from '../nearest.js';
import type { Outcome, Run } from './types.js';
import { ANTHROPIC_API } from './addressChecks.js';
import { globMatch, hostOf, isTimeout, noKeyError, quote } from './net.js';

/** 4. The key: the model listing accepted, or the refusal explained. */
export async function checkKey(run: Run): Promise<Outcome> {
  const { config, found, wait, ctx, fail, classify, skip, outOfTime } = run;
  if (!found.answers) {
    if (found.noKey) {
      // Anthropic's API with no key: the same words the runtime uses when a request is attempted.
      found.why = 'no key is set';
      return classify(noKeyError(), [`no ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN in ${config.envPath} or the environment`], { url: ANTHROPIC_API, mode: 'anthropic' });
    }
    return skip(found.why ?? 'the server was not checked');
  }
  const busy = outOfTime();
  if (busy) return busy;
  const detail: string[] = [];
  const sent = config.credential ? `${maskSecret(config.credential)} (from ${config.credentialVar})` : undefined;
  if (config.hasApiKey && config.hasAuthToken) {
    detail.push(`both ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY are set: ANTHROPIC_AUTH_TOKEN wins, ANTHROPIC_API_KEY (${maskSecret(config.values.ANTHROPIC_API_KEY)}) is not sent`);
  }
  if (sent) detail.push(`sent as ${found.mode === 'litellm' || config.credentialVar === 'ANTHROPIC_AUTH_TOKEN' ? 'Authorization: Bearer' : 'x-api-key'}`);
  const listWait = wait();
  let ids: string[];
  const signal = AbortSignal.timeout(listWait);
  try {
    const client = await makeClient(run, listWait);
    ids = (await client.listModels(signal)).map((m) => m.id);
  } catch (err) {
    const e = classifyError(signal.aborted || isTimeout(err) ? { name: 'TimeoutError' } : err, ctx({ timeoutMs: listWait }));
    if (e?.status === 404 && found.mode !== 'litellm') {
      found.keyStatus = 'warn';
      return { status: 'warn', title: `${hostOf(found.target!)} does not list models (404): the key is checked by the request below`, detail, kind: 'bad_request' };
    }
    found.keyStatus = 'fail';
    found.why = e?.kind === 'auth' ? 'the key was refused (see above)' : 'the model listing failed (see above)';
    return fail(e, detail);
  }
  found.served = ids;
  found.keyStatus = 'pass';
  detail.push(`${hostOf(found.target!)} lists ${ids.length} model${ids.length === 1 ? '' : 's'}${ids.length ? `: ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}` : ''}`);
  const who = found.mode === 'anthropic' ? "Anthropic's API" : 'the proxy';
  return { status: 'pass', title: sent ? `${who} accepted the key ${sent}` : `${who} needs no key (none was sent)`, detail };
}

/** 5. The selected model: served or not (the served names nearest first). */
export async function checkModel(run: Run): Promise<Outcome> {
  const { config, found, model, ctx, fail, skip } = run;
  if (!found.served) {
    if (found.keyStatus === 'warn') return skip(`${hostOf(found.target!)} does not list its models; the request below tries ${model}`);
    return skip(found.why ?? 'the served models are unknown');
  }
  const served = found.served;
  const target = found.target!;
  if (served.includes(model)) {
    const detail: string[] = [];
    if (found.mode === 'litellm') {
      const underlying = await modelInfo(run, target, model);
      if (underlying && underlying !== model) detail.push(`${model} → ${underlying}`);
    }
    found.modelStatus = 'pass';
    return { status: 'pass', title: `${model} is served by ${found.mode === 'anthropic' ? "Anthropic's API" : hostOf(target)}`, detail };
  }
  const wildcard = served.find((s) => s.includes('*') && globMatch(s, model));
  if (wildcard) {
    found.modelStatus = 'pass';
    return { status: 'pass', title: `${model} matches the proxy's wildcard route "${wildcard}"`, detail: [] };
  }
  if (isOpenAIModel(model) && config.openaiApiKey) {
    found.modelStatus = 'skip';
    return { status: 'warn', title: `${model} is not served by the proxy: it goes to OpenAI directly (OPENAI_API_KEY), which doctor does not check`, detail: [] };
  }
  const e = modelNotServed(ctx({ servedModels: served }));
  const all = nearestModels(model, served);
  const detail = all.length > 6 ? [`served, nearest first: ${all.join(', ')}`] : [];
  if (!all.length) detail.push(`${hostOf(target)} lists no models at all: its config has an empty model_list, or this key may use none`);
  if (found.mode === 'litellm') {
    found.modelStatus = 'fail';
    found.why = `the proxy does not serve ${model} (see above)`;
    return fail(e, detail);
  }
  // Anthropic's API and gateways accept aliases they do not list: the request below decides.
  found.modelStatus = 'warn';
  return { status: 'warn', kind: 'model', title: `${model} is not in the list ${hostOf(target)} serves; the request below tries it anyway`, detail: [...detail, e.message], fix: e.hint };
}

/** 6. A real one-token request, streamed: time to first byte and total. */
export async function checkRequest(run: Run): Promise<Outcome> {
  const { found, model, now, left, fail, classify, skip, outOfTime } = run;
  if (!found.answers) return skip(found.why ?? 'the server was not checked');
  if (found.keyStatus === 'fail' || found.modelStatus === 'fail') return skip(found.why ?? 'an earlier check failed');
  if (found.modelStatus === 'skip') return skip(`${model} is not sent through the proxy`);
  const busy = outOfTime();
  if (busy) return busy;
  const budget = Math.max(1, Math.floor(left()));
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), budget);
  const t0 = now();
  let headersAt: number | undefined;
  let firstTextAt: number | undefined;
  let reply = '';
  let requestId: string | undefined;
  let usage: { inputTokens?: number; outputTokens?: number; cost?: number } | undefined;
  let stop: string | undefined;
  let started = false;
  try {
    const client = await makeClient(run, budget);
    const req = { model, messages: [{ role: 'user' as const, content: 'Reply with one word: ok' }], maxTokens: 1 };
    for await (const ev of client.stream(req, ac.signal)) {
      if (ev.type === 'start') {
        started = true;
        headersAt = now();
        requestId = ev.requestId;
      } else if (ev.type === 'text') {
        firstTextAt ??= now();
        if (reply.length < 200) reply += ev.text;
      } else if (ev.type === 'usage') usage = ev;
      else if (ev.type === 'done') stop = ev.stopReason;
    }
    if (stop === 'aborted') throw { name: 'TimeoutError' };
  } catch (err) {
    // As RuntimeService.chat: a stream that broke after it started is a cut, a quiet one a timeout.
    if (err instanceof StreamError && err.kind === 'stream_cut') return fail(streamCutError(hostOf(found.target!)), reply ? [`partial reply: ${quote(reply)}`] : []);
    if (started && !(err instanceof StreamError) && typeof (err as { status?: unknown }).status !== 'number' && !ac.signal.aborted && !isTimeout(err)) {
      return fail(streamCutError(hostOf(found.target!)));
    }
    const timeout = err instanceof StreamError || ac.signal.aborted || isTimeout(err);
    return classify(timeout ? { name: 'TimeoutError' } : err, [], { timeoutMs: budget, ...(found.served ? { servedModels: found.served } : {}) });
  } finally {
    clearTimeout(timer);
  }
  const total = Math.round(now() - t0);
  const ttfb = headersAt !== undefined ? Math.round(headersAt - t0) : total;
  const detail = firstTextAt !== undefined ? [`first text after ${Math.round(firstTextAt - t0)} ms`] : ['no text came back (a one-token reply may be empty)'];
  if (reply) detail.push(`reply: ${quote(reply)}`);
  if (usage?.inputTokens !== undefined || usage?.outputTokens !== undefined) detail.push(`tokens: ${usage.inputTokens ?? '?'} in, ${usage.outputTokens ?? '?'} out${usage.cost !== undefined ? `, cost $${usage.cost}` : ''}`);
  if (requestId) detail.push(`request id: ${requestId}`);
  return { status: 'pass', title: `${model} answered a one-token request in ${total} ms (first byte after ${ttfb} ms)`, detail };
}

/** The same clients RuntimeService builds (no second wire format), with doctor's time limits. */
async function makeClient(run: Run, timeoutMs: number): Promise<ProviderClient> {
  const { config, found, fetchImpl } = run;
  const common = { timeoutMs, fetch: fetchImpl, credential: config.credential, credentialVar: config.credentialVar };
  if (found.mode === 'litellm') {
    const { createOpenAIChatClient } = await import('../providers/openaiChat.js');
    return createOpenAIChatClient({ ...common, mode: 'litellm', baseURL: `${config.baseUrl}/v1` });
  }
  const { createAnthropicClient } = await import('../providers/anthropicMessages.js');
  return createAnthropicClient({ ...common, mode: found.mode ?? 'anthropic', baseURL: config.baseUrl });
}

/** The provider model behind a LiteLLM alias (GET /model/info), when the key may read it. */
async function modelInfo(run: Run, target: string, name: string): Promise<string | undefined> {
  const { config, fetchImpl, wait } = run;
  try {
    const res = await fetchImpl(`${target}/model/info`, {
      headers: config.credential ? { authorization: `Bearer ${config.credential}` } : {},
      signal: AbortSignal.timeout(wait()),
    });
    if (!res.ok) return undefined;
    return parseModelInfo(await res.json()).get(name)?.underlying;
  } catch {
    return undefined;
  }
}
