// One request to the model, as ChatEvents: the checks before anything is sent (an unusable
// address, the key helper's failure, no key, an image to a model that takes none), the stream with
// refused optional parameters left out, and what a failure becomes — the error card, once more
// after a key helper's new key (401), or a wait for a 429's retry-after. The service (service.ts)
// owns the state this reads and changes, through ChatHost.
import type { AppError, Budget, ChatEvent, ChatRequest, ModelListing, RuntimeState } from './types.js';
import { requestLimitMs, unlessAborted } from './waiting.js';
import type { Logger } from './logger.js';
import { isStreamError } from './providers/common.js';
import { networkOf } from './config.js';
import { shownTime } from './usage/keyInfo.js';
import { addReply, EMPTY_USAGE } from './usage/ledger.js';
import { estimateTokens, messageTokens } from './usage/estimate.js';
import { kindOf } from './connections/index.js';
import { clientFor, priced, routeFor, type Binding, type Route } from './binding.js';
import { connectionKey } from './describe.js';
import { findErrorCode } from './errorFacts.js';
import { provesWrong } from './detectionMemory.js';
import { unreadKey, type errorContext } from './serviceContext.js';
import { classifyError, isAbort, noKeyError, stalledError, streamCutError, unusableAddressError } from './errors.js';
import { streamWithoutRefused, type RefusedParams } from './optionalParams.js';

/** What a request reads and changes in the service that runs it. */
export interface ChatHost {
  ready(): Promise<void>;
  /** The current binding (.env may change while a reply streams: it finishes on the one it started with). */
  binding(): Binding;
  redetect(): Promise<void>;
  logger: Logger;
  paramMemory: RefusedParams;
  errorContext(b: Binding, route: Route, model: string | undefined): ReturnType<typeof errorContext>;
  imageRefusal(b: Binding, route: Route, model: string, signal: AbortSignal): Promise<AppError | undefined>;
  keyState(b: Binding, state: 'accepted' | 'refused'): void;
  listModels(signal?: AbortSignal): Promise<ModelListing>;
  refreshBudget(b: Binding): Promise<Budget | undefined>;
  helperKey(b: Binding): Promise<void>;
  state(): RuntimeState;
  update(patch: Partial<RuntimeState>): void;
  /** A reply started on the main route (detection memory: confirm or learn what answers). */
  replyStarted(b: Binding, serverVersion: string | undefined): void;
  /** Forgets a recalled answer and probes the address now; true when the kind changed. */
  probeAgain(b: Binding): Promise<boolean>;
}

/** The longest retry-after the chat waits out by itself (longer: the card says when to retry). */
const MAX_RATE_WAIT_S = 60;

/** Resolves true after `ms`, or false at once when `signal` aborts. */
function abortableDelay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A finished reply joins the session's usage; the proxy's spend is asked again after it. Without the
 * proxy's counts (a proxy that refused stream_options) the tokens are estimated from the text, and
 * priced from those, both marked as estimates.
 */
function recordReply(h: ChatHost, b: Binding, route: Route, request: ChatRequest, replyText: string, usage: Extract<ChatEvent, { type: 'usage' }> | undefined): void {
  const model = request.model;
  const counted = usage?.inputTokens !== undefined || usage?.outputTokens !== undefined;
  const est = counted
    ? undefined
    : {
        inputTokens: (request.system ? estimateTokens(request.system) : 0) + request.messages.reduce((n, m) => n + messageTokens(m), 0),
        outputTokens: estimateTokens(replyText),
      };
  const u = est ? priced(b, model, { type: 'usage', ...est, ...(usage?.cost !== undefined ? { cost: usage.cost } : {}) }) : usage;
  const { inputTokens, outputTokens, cost, costSource } = u ?? {};
  const reply = {
    model,
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    ...(cost !== undefined ? { cost } : {}),
    ...(costSource ? { costSource } : {}),
    ...(est ? { tokensEstimated: true } : {}),
  };
  h.update({ usage: addReply(h.state().usage ?? EMPTY_USAGE, reply) });
  // An alias is priced through the proxy's model list (its underlying model): a reply that ended
  // before this connection's first list is priced when it comes.
  if (cost === undefined && (inputTokens !== undefined || outputTokens !== undefined) && !b.listing) (b.priceWhenListed ??= []).push(reply);
  // Only a proxy that tracks spend (it sent its cost, or a budget is known) is asked for it.
  if (route === 'main' && (costSource === 'proxy' || h.state().budget)) void h.refreshBudget(b);
}

/**
 * `retried`: what this request already did once: asked the key helper again after a 401, or waited
 * out a 429's retry-after.
 */
export async function* runChat(h: ChatHost, request: ChatRequest, signal: AbortSignal, retried: { helper?: boolean; rate?: boolean; redetected?: boolean } = {}): AsyncIterable<ChatEvent> {
  const helperRetried = !!retried.helper;
  const sendAt = performance.now(); // one deadline per send: detecting and probing count against OPENWORK_TIMEOUT_MS
  // Esc or Ctrl+C while the proxy is still being detected or probed: nothing is sent afterwards.
  if (!(await unlessAborted(h.ready(), signal))) return yield { type: 'done', stopReason: 'aborted' };
  if (h.binding().connection.unreachable && !h.binding().probeHung && !(await unlessAborted(h.redetect(), signal))) {
    return yield { type: 'done', stopReason: 'aborted' };
  }
  const b = h.binding(); // a reply finishes on the client it started with
  const route = routeFor(b, request.model);
  if (route === 'main' && b.config.unusableBaseUrl) {
    yield { type: 'error', error: unusableAddressError(b.config.unusableBaseUrl), partial: false };
    return;
  }
  if (route === 'main' && b.keyError) {
    yield { type: 'error', error: b.keyError, partial: false };
    return;
  }
  if (route === 'main' && !kindOf(b.connection.mode).proxy && !b.config.credential) {
    yield { type: 'error', error: noKeyError(unreadKey(b.config)), partial: false };
    return;
  }
  if (request.messages.some((m) => m.images?.length)) {
    const refusal = await h.imageRefusal(b, route, request.model, signal);
    if (refusal) return yield { type: 'error', error: refusal, partial: false };
  }
  const ctx = h.errorContext(b, route, request.model);
  let started = false;
  let partial = false;
  let askHelper = false;
  let waitSec: number | undefined;
  let redetect = false;
  let redetectStatus: unknown;
  let redetectError: AppError | undefined;
  let usage: Extract<ChatEvent, { type: 'usage' }> | undefined;
  let replyText = '';
  try {
    const client = await clientFor(b, route);
    const where = route === 'openai' ? 'openai' : connectionKey(b.config);
    const omit = h.paramMemory.refused(where, request.model);
    const fix = route === 'main' ? kindOf(b.connection.mode).dropParamsFix : undefined;
    const onRefused = (param: string, err: unknown) => {
      h.paramMemory.remember(where, request.model, param);
      const status = (err as { status?: unknown }).status;
      h.logger.warn(
        `[Runtime] ${ctx.host} refused the optional parameter ${param} for model ${request.model} (HTTP ${String(status)}); ` +
          `sent again without it, and left out from now on for this ${route === 'openai' ? 'endpoint' : 'proxy'} and model (token counts are then estimated)` +
          (fix ? `. Proxy-side fix: ${fix}` : ''),
      );
    };
    const spent = performance.now() - sendAt;
    const limit = requestLimitMs(b.config.timeoutMs, spent);
    if (spent >= 50) h.logger.info(`[Runtime] the request waits at most ${limit} ms of OPENWORK_TIMEOUT_MS=${b.config.timeoutMs} (the send spent ${Math.round(spent)} ms before it: detecting the address, the key helper)`);
    for await (const raw of streamWithoutRefused(client, request, signal, omit, onRefused, limit)) {
      let ev = raw;
      if (ev.type === 'usage') ev = usage = priced(b, request.model, ev);
      if (ev.type === 'done' && ev.stopReason !== 'aborted') recordReply(h, b, route, request, replyText, usage);
      if (ev.type === 'start' && ev.rateLimits && Object.keys(ev.rateLimits).length) h.update({ rateLimits: ev.rateLimits });
      if (ev.type === 'start') {
        started = true;
        if (route === 'main') h.keyState(b, 'accepted');
        if (route === 'main') h.replyStarted(b, ev.serverVersion);
      }
      if (ev.type === 'text') {
        partial = true;
        replyText += ev.text;
      }
      yield ev;
    }
  } catch (err) {
    if (signal.aborted || isAbort(err)) {
      yield { type: 'done', stopReason: 'aborted' };
      return;
    }
    let error: AppError | undefined;
    if (isStreamError(err) && err.kind === 'stream_cut') error = streamCutError(ctx.host);
    else if (isStreamError(err) && partial) error = stalledError(ctx.host, b.config.timeoutMs);
    else if (started && !isStreamError(err) && typeof (err as { status?: unknown }).status !== 'number') {
      error = streamCutError(ctx.host);
    } else error = classifyError(isStreamError(err) ? { name: 'TimeoutError' } : err, ctx);
    if (error?.kind === 'model' && !error.servedModels && route === 'main' && kindOf(b.connection.mode).proxy) {
      const listing = await h.listModels(AbortSignal.timeout(Math.min(5000, b.config.timeoutMs))).catch(() => undefined);
      const served = listing?.models.filter((m) => m.served).map((m) => m.id);
      if (served?.length) error = classifyError(err, { ...ctx, servedModels: served });
    }
    if (!error) return yield { type: 'done', stopReason: 'aborted' };
    const code = findErrorCode(err); // the cause's own code (UND_ERR_HEADERS_OVERFLOW…), for whoever reads the log
    // A 401 with a key helper: the key may have expired; ask the helper once more and send again.
    if (error.kind === 'budget' && route === 'main') {
      const budget = await h.refreshBudget(b);
      if (budget?.resetAt) error = classifyError(err, { ...ctx, budgetResetAt: shownTime(budget.resetAt) ?? budget.resetAt }) ?? error;
    }
    if (route === 'main' && !started && b.recalled && !retried.redetected && provesWrong((err as { status?: unknown }).status)) {
      redetect = true; // the address is another kind of server now: probe, then send again
      redetectStatus = (err as { status?: unknown }).status;
      redetectError = error;
    } else if (error.kind === 'auth' && error.status === 401 && route === 'main' && !started && !helperRetried && networkOf(b.config).keyHelper) {
      askHelper = true;
    } else if (error.kind === 'rate_limit' && !started && !retried.rate && error.retryAfterSec !== undefined && error.retryAfterSec <= MAX_RATE_WAIT_S) {
      waitSec = Math.max(1, error.retryAfterSec);
    } else {
      h.logger.warn(`[Runtime] request failed: ${error.kind}`, { fact: error.fact, status: error.status, detail: error.detail, ...(code ? { code } : {}) });
      // The status bar's key is the proxy's (or Anthropic's): an OpenAI key refused is not it.
      if (error.kind === 'auth' && route === 'main') h.keyState(b, 'refused');
      // The proxy went away since it was detected: say so in the status bar; the next request probes again.
      if (error.kind === 'unreachable' && route === 'main' && b === h.binding() && b.connection.baseUrl && !b.connection.unreachable) {
        b.connection = { ...b.connection, unreachable: true };
        h.update({ connection: b.connection });
      }
      yield { type: 'error', error, partial };
    }
  }
  if (redetect) {
    h.logger.info(`[Runtime] ${ctx.host} answered HTTP ${redetectStatus} where the ${b.connection.mode} detected earlier serves chats: probing it again, then sending once more`);
    if (await h.probeAgain(b)) yield* runChat(h, request, signal, { ...retried, redetected: true });
    else yield { type: 'error', error: redetectError!, partial };
  }
  if (askHelper) {
    h.logger.info('[Runtime] the proxy refused the key (401): asking OPENWORK_API_KEY_HELPER again, then sending once more');
    await h.helperKey(b);
    yield* runChat(h, request, signal, { ...retried, helper: true });
  }
  if (waitSec !== undefined) {
    // A 429 with retry-after: count down, then send once more by itself; Esc (the signal) cancels.
    h.logger.info(`[Runtime] rate limited (429): sending again in ${waitSec} s`);
    yield { type: 'wait', untilMs: Date.now() + waitSec * 1000, seconds: waitSec };
    const waited = await abortableDelay(waitSec * 1000, signal);
    if (!waited) return yield { type: 'done', stopReason: 'aborted' };
    yield* runChat(h, request, signal, { ...retried, rate: true });
  }
}
