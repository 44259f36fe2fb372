// Checks 4-6: the key, the model, a real request, through the runtime's own provider clients.
import type { ProviderClient } from '../runtime/providers/common.js';
import { isStreamError } from '../runtime/providers/common.js';
import { classifyError, modelNotServed, noKeyError, streamCutError } from '../runtime/errors.js';
import { maskSecret } from '../config/secrets.js';
import { isOpenAIModel, parseModelInfo } from '../runtime/models.js';
import { nearestModels, replacementFor } from '../runtime/nearest.js';
import type { DoctorInput, Outcome, Run } from './types.js';
import { globMatch, hostOf, isTimeout, quote } from '../runtime/net/probes.js';
import { connectionKey } from '../runtime/describe.js';
import { streamWithoutRefused } from '../runtime/optionalParams.js';
import { DIRECT, kindOf } from '../runtime/connections/index.js';
import { budgetShare, fetchKeyInfo, shownTime } from '../runtime/usage/keyInfo.js';
import { formatUsd } from '../runtime/usage/ledger.js';
import { errorWords } from '../words/errors.js';

/** 4. The key: the model listing accepted, or the refusal explained. */
export async function checkKey(run: Run): Promise<Outcome> {
  const { config, found, wait, ctx, fail, skip, outOfTime, m } = run;
  const d = m.doctor;
  if (found.helperError) {
    found.why = d.keyRefused;
    return fail(found.helperError);
  }
  if (!found.answers) {
    if (found.noKey) {
      // Anthropic's API with no key: the same words the runtime uses when a request is attempted.
      found.why = d.noKey;
      return fail(noKeyError(), [d.noKeyDetail({ path: config.envPath })]);
    }
    return skip(found.why ?? d.serverNotChecked);
  }
  const busy = outOfTime();
  if (busy) return busy;
  const detail: string[] = [];
  const keyVar = config.keyFromHelper ? 'OPENWORK_API_KEY_HELPER' : (config.credentialVar ?? '');
  const sent = config.credential ? d.keyFrom({ key: maskSecret(config.credential), keyVar }) : undefined;
  if (config.hasApiKey && config.hasAuthToken) detail.push(d.bothKeys({ key: maskSecret(config.values.ANTHROPIC_API_KEY) }));
  const kind = kindOf(found.mode);
  const listWait = wait();
  let ids: string[];
  // The time limit starts once the client is built: loading the SDK (slow on a busy machine) is not the server's time.
  let signal: AbortSignal | undefined;
  // How the key is sent is read off the request the SDK really makes, not assumed per kind.
  const seen = keyHeaderSeen(run.fetchImpl);
  const sentAs = () => {
    const header = seen.header();
    if (sent && header) detail.push(d.sentAs({ header }));
  };
  try {
    const client = await makeClient(run, listWait, seen.fetch);
    signal = AbortSignal.timeout(listWait);
    ids = (await client.listModels(signal)).map((m) => m.id);
    sentAs();
  } catch (err) {
    sentAs();
    const e = classifyError(signal?.aborted || isTimeout(err) ? { name: 'TimeoutError' } : err, ctx({ timeoutMs: listWait }));
    if (e?.status === 404 && (kind?.listingOptional ?? true)) {
      found.keyStatus = 'warn';
      return { status: 'warn', title: d.noListing({ host: hostOf(found.target!) }), detail, kind: 'bad_request' };
    }
    found.keyStatus = 'fail';
    found.why = e?.kind === 'auth' ? d.keyRefused : d.listingFailed;
    return fail(e, detail);
  }
  found.served = ids;
  found.keyStatus = 'pass';
  detail.push(d.lists({ host: hostOf(found.target!), ids }));
  const title = d.keyAccepted({ anthropic: kind?.server === 'anthropic', sent });
  const budget = kind?.keyInfo ? await budgetLines(run) : undefined;
  if (budget) detail.push(budget.line);
  // A key near or past its budget still works for the checks that follow: a warning, with what to do.
  if (budget?.warn) return { status: 'warn', title, detail, fix: budget.warn };
  return { status: 'pass', title, detail };
}

/** The key's spend and budget from LiteLLM's /key/info (nothing when the proxy has no such endpoint). */
async function budgetLines(run: Run): Promise<{ line: string; warn?: string } | undefined> {
  const { config, found, fetchImpl, wait, m } = run;
  const b = await fetchKeyInfo(fetchImpl, found.target!, config.credential, wait());
  const share = budgetShare(b);
  if (!b || share === undefined) return b?.spend !== undefined ? { line: m.spend.spentNoLimit({ spent: formatUsd(b.spend) }) } : undefined;
  const percent = Math.round(share * 100);
  const line = m.spend.budget({ spent: formatUsd(b.spend ?? 0), limit: formatUsd(b.maxBudget ?? 0), percent, resetAt: shownTime(b.resetAt) });
  if (share < 0.8) return { line };
  return { line, warn: `${m.spend.budgetWarn({ percent })}. ${m.errors.budget.hint({ resetAt: shownTime(b.resetAt) })}` };
}

/** 5. The selected model: served or not (the served names nearest first). */
export async function checkModel(run: Run, input: DoctorInput): Promise<Outcome> {
  const { config, found, model, ctx, fail, skip, m } = run;
  const d = m.doctor;
  if (!found.served) {
    if (found.keyStatus === 'warn') return skip(d.unlisted({ host: hostOf(found.target!), model }));
    return skip(found.why ?? d.servedUnknown);
  }
  const served = found.served;
  const target = found.target!;
  if (served.includes(model)) {
    const detail: string[] = [];
    const kind = kindOf(found.mode);
    if (kind?.modelInfo) {
      const underlying = await modelInfo(run, target, model);
      if (underlying && underlying !== model) detail.push(`${model} → ${underlying}`);
    }
    found.modelStatus = 'pass';
    return { status: 'pass', title: d.servedBy({ model, by: kind && !kind.proxy ? undefined : hostOf(target) }), detail };
  }
  const wildcard = served.find((s) => s.includes('*') && globMatch(s, model));
  if (wildcard) {
    found.modelStatus = 'pass';
    return { status: 'pass', title: d.wildcard({ model, route: wildcard }), detail: [] };
  }
  if (isOpenAIModel(model) && config.openaiApiKey) {
    found.modelStatus = 'skip';
    return { status: 'warn', title: d.toOpenai({ model }), detail: [] };
  }
  // A new setup: the chat would not send the default the proxy lacks, but its nearest served name.
  const instead = input.modelChosen === false && kindOf(found.mode)?.servesOnlyListed ? replacementFor(model, served) : undefined;
  if (instead) {
    found.model = instead;
    found.modelStatus = 'pass';
    return { status: 'pass', title: d.defaultReplaced({ model, suggestion: instead, by: hostOf(target) }), detail: [] };
  }
  const e = modelNotServed(ctx({ servedModels: served }));
  const all = nearestModels(model, served);
  const detail = all.length > 6 ? [d.nearestFirst({ names: all })] : [];
  if (!all.length) detail.push(d.listsNone({ host: hostOf(target) }));
  if (kindOf(found.mode)?.servesOnlyListed) {
    found.modelStatus = 'fail';
    found.why = d.notServed({ model });
    return fail(e, detail);
  }
  // Anthropic's API and gateways accept aliases they do not list: the request below decides.
  found.modelStatus = 'warn';
  return { status: 'warn', kind: 'model', title: d.notListedTries({ model, host: hostOf(target) }), detail: [...detail, errorWords(e, m).message], fix: errorWords(e, m).hint };
}

/** 6. A real one-token request, streamed: time to first byte and total. */
export async function checkRequest(run: Run): Promise<Outcome> {
  const { found, now, left, fail, classify, skip, outOfTime, m } = run;
  const model = found.model ?? run.model;
  const d = m.doctor;
  if (!found.answers) return skip(found.why ?? d.serverNotChecked);
  if (found.keyStatus === 'fail' || found.modelStatus === 'fail') return skip(found.why ?? d.earlierFailed);
  if (found.modelStatus === 'skip') return skip(d.notThroughProxy({ model }));
  const busy = outOfTime();
  if (busy) return busy;
  const budget = Math.max(1, Math.floor(left()));
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let t0 = now();
  let headersAt: number | undefined;
  let firstTextAt: number | undefined;
  let reply = '';
  let requestId: string | undefined;
  let usage: { inputTokens?: number; outputTokens?: number; cost?: number } | undefined;
  let stop: string | undefined;
  let started = false;
  // The chat's own request shape, leaving out what this proxy refused before, as the chat does.
  const where = connectionKey(run.config);
  const omitted = run.paramMemory?.refused(where, model) ?? [];
  const notes = omitted.map((param) => d.paramLeftOut({ param }));
  const onRefused = (param: string, err: unknown) => {
    run.paramMemory?.remember(where, model, param);
    notes.push(d.paramRefused({ param, status: String((err as { status?: unknown }).status ?? '?') }));
  };
  try {
    const client = await makeClient(run, budget);
    // As for the key: the limit and the clock start once the SDK is loaded.
    timer = setTimeout(() => ac.abort(), budget);
    t0 = now();
    const req = { model, messages: [{ role: 'user' as const, content: 'Reply with one word: ok' }], maxTokens: 1 };
    for await (const ev of streamWithoutRefused(client, req, ac.signal, omitted, onRefused)) {
      if (ev.type === 'start') {
        started = true;
        headersAt = now();
        requestId = ev.requestId;
      } else if (ev.type === 'text') {
        firstTextAt ??= now();
        if (reply.length < 200) reply += ev.text;
        break; // the first text proves the model answers; a server that ignores max_tokens is not waited for
      } else if (ev.type === 'usage') usage = ev;
      else if (ev.type === 'done') stop = ev.stopReason;
    }
    if (stop === 'aborted') throw { name: 'TimeoutError' };
  } catch (err) {
    // As RuntimeService.chat: a stream that broke after it started is a cut, a quiet one a timeout.
    if (isStreamError(err) && err.kind === 'stream_cut') return fail(streamCutError(hostOf(found.target!)), [...notes, ...(reply ? [d.partialReply({ reply: quote(reply) })] : [])]);
    if (started && !isStreamError(err) && typeof (err as { status?: unknown }).status !== 'number' && !ac.signal.aborted && !isTimeout(err)) {
      return fail(streamCutError(hostOf(found.target!)), notes);
    }
    const timeout = isStreamError(err) || ac.signal.aborted || isTimeout(err);
    return classify(timeout ? { name: 'TimeoutError' } : err, notes, { timeoutMs: budget, model, ...(found.served ? { servedModels: found.served } : {}) });
  } finally {
    clearTimeout(timer);
  }
  const total = Math.round(now() - t0);
  const ttfb = headersAt !== undefined ? Math.round(headersAt - t0) : total;
  const detail = [...notes, ...(firstTextAt !== undefined ? [d.firstText({ ms: Math.round(firstTextAt - t0) })] : [d.noText])];
  if (reply) detail.push(d.reply({ reply: quote(reply) }));
  if (usage?.inputTokens !== undefined || usage?.outputTokens !== undefined) {
    detail.push(d.tokens({ input: usage.inputTokens ?? '?', output: usage.outputTokens ?? '?', cost: usage.cost }));
  }
  if (requestId) detail.push(d.requestId({ id: requestId }));
  return { status: 'pass', title: d.answered({ model, total, ttfb }), detail, ...(notes.length && kindOf(found.mode)?.dropParamsFix ? { fix: d.dropParamsTip } : {}) };
}

/** The same clients RuntimeService builds (no second wire format), with doctor's time limits. */
async function makeClient(run: Run, timeoutMs: number, fetchImpl: typeof fetch = run.fetchImpl): Promise<ProviderClient> {
  const { config, found } = run;
  return (kindOf(found.mode) ?? DIRECT).client({ timeoutMs, fetch: fetchImpl, credential: config.credential, credentialVar: config.credentialVar, baseURL: config.baseUrl });
}

/**
 * A fetch that notes which header carried the key on the last request through it:
 * `Authorization: Bearer`, `x-api-key`, or both.
 */
export function keyHeaderSeen(fetchImpl: typeof fetch): { fetch: typeof fetch; header: () => string | undefined } {
  let header: string | undefined;
  const seen: typeof fetch = (input, init) => {
    const h = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const auth = h.get('authorization')?.trim();
    const scheme = auth?.match(/^(Bearer|Basic|Token)\s/i)?.[1]; // never more of the header than its scheme
    const names = [...(auth ? [scheme ? `Authorization: ${scheme}` : 'Authorization'] : []), ...(h.get('x-api-key') ? ['x-api-key'] : [])];
    header = names.length ? names.join(' + ') : undefined;
    return fetchImpl(input, init);
  };
  return { fetch: seen, header: () => header };
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
