// The runtime service: resolves the config, detects the provider, builds the client lazily, streams
// ChatEvents, and swaps clients live when .env changes. No UI imports.
import type { AppError, Budget, ChatEvent, ChatRequest, ConfigSnapshot, Connection, ModelEntry, ModelListing, Runtime, RuntimeNotice, RuntimeState } from './types.js';
import type { RuntimeOptions } from './serviceOptions.js';
import type { ProviderClient } from './providers/common.js';
import { isStreamError } from './providers/common.js';
import { configFromText, EnvReadError, readEnvFile } from './loadConfig.js';
import { networkOf, sameConnection, secretsOf } from './config.js';
import { networkFetch } from './net/fetch.js';
import { addReply, EMPTY_USAGE, priceCost, type Prices } from './usage/ledger.js';
import { fetchKeyInfo, shownTime } from './usage/keyInfo.js';
import { probeBaseUrl } from './connections/litellm/probe.js';
import { connectionAfterProbe, initialConnection, kindOf, OPENAI_ROUTE } from './connections/index.js';
import { addressKey, afterStart, provesWrong, type Detected } from './detectionMemory.js';
import { litellmModelInfo } from './connections/litellm/modelInfo.js';
import { errorContext, problemText, unreadKey } from './serviceContext.js';
import { findErrorCode } from './errorFacts.js';
import { classifyError, isAbort, noKeyError, stalledError, streamCutError, unusableAddressError } from './errors.js';
import { loggingFetch } from './httpLog.js';
import { boundedFetch } from './boundedFetch.js';
import { builtinModels, isOpenAIModel, mergeModels, takesImages, type RemoteModel } from './models.js';
import { noImagesError } from './imageCheck.js';
import { watchEnvFile, type EnvWatcher } from './watcher.js';
import { connectionKey, describeConnection } from './describe.js';
import { RefusedParams, streamWithoutRefused, type ParamMemory } from './optionalParams.js';
import { connectionLabel } from '../i18n/connection.js';
import { en, type Messages, type Say } from '../i18n/en.js';

interface Binding {
  generation: number;
  config: ConfigSnapshot;
  text: string | undefined;
  connection: Connection;
  /** Started on first need (or at once unless the runtime was told to wait: the TUI starts it after its first frame). */
  detected: Promise<void> | undefined;
  clients: Map<string, Promise<ProviderClient>>;
  served?: string[];
  /** Every request of this binding: proxy, CA and extra headers (net/fetch.ts), logged with --debug. */
  fetch: typeof fetch;
  /** OPENWORK_API_KEY_HELPER failed: nothing is sent to the proxy until it gives a key. */
  keyError?: AppError;
  /** The last listing that succeeded (what a model takes, its window), kept for this connection. */
  listing?: ModelListing;
  /** Prices and provider models the proxy's /model/info gave (for costs it does not send). */
  prices?: Map<string, Prices>;
  underlying?: Map<string, string>;
  /** The connection came from what an earlier run's probe learned (detectionMemory), not from a probe now. */
  recalled?: Detected;
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

export class RuntimeService implements Runtime {
  private binding: Binding;
  private state: RuntimeState;
  private listeners = new Set<() => void>();
  private watcher: EnvWatcher | undefined;
  private closed = false;
  private noticeId = 0;
  private messages: Messages;
  /** Optional parameters refused per connection and model: never sent again (see optionalParams.ts). */
  readonly paramMemory: RefusedParams;

  constructor(private readonly opts: RuntimeOptions) {
    this.messages = opts.messages ?? en;
    this.paramMemory = new RefusedParams(opts.paramMemory);
    const text = readEnvFile(opts.envPath);
    const config = configFromText(opts.envPath, text, opts.env);
    this.binding = this.bind(config, text, 1);
    this.state = { config, connection: this.binding.connection, detecting: true, notice: undefined, generation: 1 };
    if (config.problems.length) this.setNotice('warn', (m) => problemText(config, m), config);
    if (opts.watch && !opts.deferStart) this.watch();
  }

  private watch(): void {
    this.watcher = watchEnvFile(this.opts.envPath, () => void this.reload(), this.opts.debounceMs);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): RuntimeState => this.state;

  setMessages(messages: Messages): void {
    this.messages = messages;
  }

  logError(message: string): void {
    this.opts.logger.error(message);
  }

  /** Resolves once the current connection has been detected (starting the detection if needed). */
  ready(): Promise<void> {
    return this.detection(this.binding);
  }

  /** Loads the SDK client for the current connection now (in the background), so that the first request need not wait for it. */
  warmUp(): void {
    void this.ready()
      .then(() => this.client(this.binding, 'main'))
      .catch(() => {});
  }

  /** Starts detecting the connection, and watching .env, now (for a runtime made with deferStart). */
  start(): void {
    if (this.opts.watch && !this.watcher && !this.closed) {
      this.watch();
      void this.reload(); // an edit made before the watch began
    }
    void this.detection(this.binding);
  }

  close(): void {
    this.closed = true;
    this.watcher?.close();
    this.listeners.clear();
  }

  /** Re-reads .env; swaps the client when the connection settings changed and the file is sound. */
  async reload(): Promise<void> {
    let text: string | undefined;
    try {
      text = readEnvFile(this.opts.envPath);
    } catch (err) {
      const say = err instanceof EnvReadError ? err.say : undefined;
      const error = (err as Error).message;
      this.setNotice('error', (m) => (say ? say(m) : m.notices.cannotRead({ path: this.opts.envPath, error })));
      return;
    }
    if (text === this.binding.text) return; // no-op change (touch, same bytes)
    const config = configFromText(this.opts.envPath, text, this.opts.env);
    if (config.problems.some((p) => !p.warning)) {
      this.binding.text = text;
      this.opts.logger.warn(`[Runtime] .env has problems; keeping the previous connection`, config.problems);
      this.setNotice('error', (m) => m.notices.keptPrevious({ problem: problemText(config, m) }), config);
      return;
    }
    const wasBroken = this.state.notice?.level === 'error';
    if (sameConnection(config, this.binding.config)) {
      this.binding.text = text;
      if (wasBroken) this.setNotice('info', (m) => m.notices.envFine);
      return;
    }
    const old = this.binding;
    this.binding = this.bind(config, text, old.generation + 1);
    this.update({ config, connection: this.binding.connection, detecting: true, generation: this.binding.generation, keyRefused: false, keyAccepted: false });
    await this.ready();
    if (this.binding.generation === old.generation + 1) {
      const connection = this.binding.connection;
      this.setNotice('info', (m) => m.notices.switched({ label: connectionLabel(connection, m) }));
    }
  }

  /**
   * `retried`: what this request already did once (internal): asked the key helper again after a 401,
   * or waited out a 429's retry-after.
   */
  async *chat(request: ChatRequest, signal: AbortSignal = new AbortController().signal, retried: { helper?: boolean; rate?: boolean; redetected?: boolean } = {}): AsyncIterable<ChatEvent> {
    const helperRetried = !!retried.helper;
    await this.ready();
    if (this.binding.connection.unreachable) await this.redetect();
    const b = this.binding; // a reply finishes on the client it started with
    const route = this.route(b, request.model);
    if (route === 'main' && b.config.unusableBaseUrl) {
      yield { type: 'error', error: unusableAddressError(b.config.unusableBaseUrl, this.messages), partial: false };
      return;
    }
    if (route === 'main' && b.keyError) {
      yield { type: 'error', error: b.keyError, partial: false };
      return;
    }
    if (route === 'main' && !kindOf(b.connection.mode).proxy && !b.config.credential) {
      yield { type: 'error', error: noKeyError(this.messages, unreadKey(b.config)), partial: false };
      return;
    }
    if (request.messages.some((m) => m.images?.length)) {
      const refusal = await this.imageRefusal(b, route, request.model, signal);
      if (refusal) return yield { type: 'error', error: refusal, partial: false };
    }
    const ctx = this.errorContext(b, route, request.model);
    let started = false;
    let partial = false;
    let askHelper = false;
    let waitSec: number | undefined;
    let redetect = false;
    let redetectStatus: unknown;
    let redetectError: AppError | undefined;
    let usage: Extract<ChatEvent, { type: 'usage' }> | undefined;
    try {
      const client = await this.client(b, route);
      const where = route === 'openai' ? 'openai' : connectionKey(b.config);
      const omit = this.paramMemory.refused(where, request.model);
      const fix = route === 'main' ? kindOf(b.connection.mode).dropParamsFix : undefined;
      const onRefused = (param: string, err: unknown) => {
        this.paramMemory.remember(where, request.model, param);
        const status = (err as { status?: unknown }).status;
        this.opts.logger.warn(
          `[Runtime] ${ctx.host} refused the optional parameter ${param} for model ${request.model} (HTTP ${String(status)}); ` +
            `sent again without it, and left out from now on for this ${route === 'openai' ? 'endpoint' : 'proxy'} and model (token counts are then estimated)` +
            (fix ? `. Proxy-side fix: ${fix}` : ''),
        );
      };
      for await (const raw of streamWithoutRefused(client, request, signal, omit, onRefused)) {
        let ev = raw;
        if (ev.type === 'usage') ev = usage = this.priced(b, request.model, ev);
        if (ev.type === 'done' && ev.stopReason !== 'aborted') this.recordReply(b, route, request.model, usage);
        if (ev.type === 'start' && ev.rateLimits && Object.keys(ev.rateLimits).length) this.update({ rateLimits: ev.rateLimits });
        if (ev.type === 'start') {
          started = true;
          if (route === 'main') this.keyState(b, 'accepted');
          if (route === 'main' && b.recalled) this.checkRecalled(b, ev.serverVersion);
          else if (route === 'main' && ev.serverVersion && b.connection.via === 'probe' && ev.serverVersion !== b.connection.proxyVersion) {
            // The probe did not say the version and the reply does: keep it with the kind.
            const version = ev.serverVersion;
            safely(() => this.opts.detectionMemory?.remember(addressKey(b.config.baseUrl!), { kind: b.connection.mode, version, at: Date.now() }));
            b.recalled = { kind: b.connection.mode, version, at: Date.now() };
          }
        }
        if (ev.type === 'text') partial = true;
        yield ev;
      }
    } catch (err) {
      if (signal.aborted || isAbort(err)) {
        yield { type: 'done', stopReason: 'aborted' };
        return;
      }
      let error: AppError | undefined;
      if (isStreamError(err) && err.kind === 'stream_cut') error = streamCutError(ctx.host, ctx.messages);
      else if (isStreamError(err) && partial) error = stalledError(ctx.host, b.config.timeoutMs, ctx.messages);
      else if (started && !isStreamError(err) && typeof (err as { status?: unknown }).status !== 'number') {
        error = streamCutError(ctx.host, ctx.messages);
      } else error = classifyError(isStreamError(err) ? { name: 'TimeoutError' } : err, ctx);
      if (error?.kind === 'model' && !error.servedModels && route === 'main' && kindOf(b.connection.mode).proxy) {
        const listing = await this.listModels(AbortSignal.timeout(Math.min(5000, b.config.timeoutMs))).catch(() => undefined);
        const served = listing?.models.filter((m) => m.served).map((m) => m.id);
        if (served?.length) error = classifyError(err, { ...ctx, servedModels: served });
      }
      if (!error) return yield { type: 'done', stopReason: 'aborted' };
      const code = findErrorCode(err); // the cause's own code (UND_ERR_HEADERS_OVERFLOW…), for whoever reads the log
      // A 401 with a key helper: the key may have expired; ask the helper once more and send again.
      if (error.kind === 'budget' && route === 'main') {
        const budget = await this.refreshBudget(b);
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
        this.opts.logger.warn(`[Runtime] request failed: ${error.kind}: ${error.say?.(en).message ?? error.message}`, { status: error.status, detail: error.detail, ...(code ? { code } : {}) });
        // The status bar's key is the proxy's (or Anthropic's): an OpenAI key refused is not it.
        if (error.kind === 'auth' && route === 'main') this.keyState(b, 'refused');
        // The proxy went away since it was detected: say so in the status bar; the next request probes again.
        if (error.kind === 'unreachable' && route === 'main' && b === this.binding && b.connection.baseUrl && !b.connection.unreachable) {
          b.connection = { ...b.connection, unreachable: true };
          this.update({ connection: b.connection });
        }
        yield { type: 'error', error, partial };
      }
    }
    if (redetect) {
      this.opts.logger.info(`[Runtime] ${ctx.host} answered HTTP ${redetectStatus} where the ${b.connection.mode} detected earlier serves chats: probing it again, then sending once more`);
      if (await this.probeAgain(b)) yield* this.chat(request, signal, { ...retried, redetected: true });
      else yield { type: 'error', error: redetectError!, partial };
    }
    if (askHelper) {
      this.opts.logger.info('[Runtime] the proxy refused the key (401): asking OPENWORK_API_KEY_HELPER again, then sending once more');
      await this.helperKey(b);
      yield* this.chat(request, signal, { ...retried, helper: true });
    }
    if (waitSec !== undefined) {
      // A 429 with retry-after: count down, then send once more by itself; Esc (the signal) cancels.
      this.opts.logger.info(`[Runtime] rate limited (429): sending again in ${waitSec} s`);
      yield { type: 'wait', untilMs: Date.now() + waitSec * 1000, seconds: waitSec };
      const waited = await abortableDelay(waitSec * 1000, signal);
      if (!waited) return yield { type: 'done', stopReason: 'aborted' };
      yield* this.chat(request, signal, { ...retried, rate: true });
    }
  }

  /** The key's budget from the proxy's /key/info now (a kind that has one; undefined when it has none). */
  async refreshBudget(b: Binding = this.binding): Promise<Budget | undefined> {
    if (!kindOf(b.connection.mode).keyInfo || !b.config.baseUrl) return undefined;
    const budget = await fetchKeyInfo(b.fetch, b.config.baseUrl, b.config.credential, Math.min(5000, b.config.timeoutMs));
    if (this.binding === b && !this.closed) this.update({ budget });
    return budget;
  }

  /** A usage event with its cost: the proxy's, else computed from prices (marked as such). */
  private priced(b: Binding, model: string, ev: Extract<ChatEvent, { type: 'usage' }>): Extract<ChatEvent, { type: 'usage' }> {
    if (ev.cost !== undefined) return { ...ev, costSource: 'proxy' };
    const fromProxy = priceCost(ev.inputTokens, ev.outputTokens, b.prices?.get(model));
    if (fromProxy !== undefined) return { ...ev, cost: fromProxy, costSource: 'prices' };
    const underlying = b.underlying?.get(model)?.replace(/^[a-z_-]+\//i, '');
    const builtin = builtinModels(true).find((m) => m.id === model || m.id === underlying);
    const fromTable = priceCost(ev.inputTokens, ev.outputTokens, builtin);
    return fromTable !== undefined ? { ...ev, cost: fromTable, costSource: 'builtin' } : ev;
  }

  /** A finished reply joins the session's usage; the proxy's spend is asked again after it. */
  private recordReply(b: Binding, route: 'main' | 'openai', model: string, usage: Extract<ChatEvent, { type: 'usage' }> | undefined): void {
    const { inputTokens, outputTokens, cost, costSource } = usage ?? {};
    const reply = { model, ...(inputTokens !== undefined ? { inputTokens } : {}), ...(outputTokens !== undefined ? { outputTokens } : {}), ...(cost !== undefined ? { cost } : {}), ...(costSource ? { costSource } : {}) };
    this.update({ usage: addReply(this.state.usage ?? EMPTY_USAGE, reply) });
    // Only a proxy that tracks spend (it sent its cost, or a budget is known) is asked for it.
    if (route === 'main' && (costSource === 'proxy' || this.state.budget)) void this.refreshBudget(b);
  }

  async listModels(signal?: AbortSignal, helperRetried = false): Promise<ModelListing> {
    await this.ready();
    const b = this.binding;
    if (b.keyError) return { models: builtinModels(!!b.config.openaiApiKey), status: 'error', error: b.keyError };
    const builtins = builtinModels(!!b.config.openaiApiKey);
    if (b.config.unusableBaseUrl) return { models: builtins, status: 'error', error: unusableAddressError(b.config.unusableBaseUrl, this.messages) };
    if (!kindOf(b.connection.mode).proxy) return { models: builtins, status: 'none' };
    const ctx = this.errorContext(b, 'main', undefined);
    try {
      const client = await this.client(b, 'main');
      const remote: RemoteModel[] = await client.listModels(signal);
      if (kindOf(b.connection.mode).modelInfo) {
        const info = await litellmModelInfo(b.config.baseUrl!, b.config.credential, b.fetch, signal ?? AbortSignal.timeout(Math.min(5000, b.config.timeoutMs)));
        for (const r of remote) Object.assign(r, info?.get(r.id));
      }
      b.served = remote.map((r) => r.id);
      b.prices = new Map(remote.filter((r) => r.inputCostPerMTok !== undefined).map((r) => [r.id, r]));
      b.underlying = new Map(remote.filter((r) => r.underlying).map((r) => [r.id, r.underlying!]));
      // The listing is the key's first check (the TUI lists at start, after a reload and a save).
      this.keyState(b, 'accepted');
      b.listing = { models: mergeModels(builtins, remote), status: 'ok' };
      return b.listing;
    } catch (err) {
      const error = classifyError(err, ctx);
      if (error?.kind === 'auth' && error.status === 401 && !helperRetried && networkOf(b.config).keyHelper) {
        await this.helperKey(b);
        return this.listModels(signal, true);
      }
      if (error?.kind === 'auth') this.keyState(b, 'refused');
      return { models: builtins, status: 'error', ...(error ? { error } : {}) };
    }
  }

  /** What is known of `model` here (context window, prices, whether it takes images): listed once per connection. */
  async modelInfo(model: string, signal?: AbortSignal): Promise<ModelEntry | undefined> {
    await this.ready();
    const b = this.binding;
    const listing = b.listing ?? (await this.listModels(signal));
    return listing.models.find((e) => e.id === model);
  }

  // --- internals -------------------------------------------------------------------------

  /** What the proxy (or Anthropic) last said about the key of the current connection. */
  private keyState(b: Binding, state: 'accepted' | 'refused'): void {
    if (b !== this.binding) return;
    const patch = { keyAccepted: state === 'accepted', keyRefused: state === 'refused' };
    if (!!this.state.keyAccepted !== patch.keyAccepted || !!this.state.keyRefused !== patch.keyRefused) this.update(patch);
  }

  /** An image to a model that does not take images is refused before anything is sent. */
  private async imageRefusal(b: Binding, route: 'main' | 'openai', model: string, signal: AbortSignal): Promise<AppError | undefined> {
    // A proxy that describes its models (/model/info) says whether one takes images.
    const described = route === 'main' && kindOf(b.connection.mode).modelInfo;
    const entry = described ? await this.modelInfo(model, signal).catch(() => undefined) : builtinModels(true).find((e) => e.id === model);
    if (takesImages(model, entry, described)) return undefined;
    return noImagesError(model, described, this.messages);
  }

  private bind(config: ConfigSnapshot, text: string | undefined, generation: number): Binding {
    const provisional = initialConnection(config);
    const fetchImpl = loggingFetch(this.opts.logger, boundedFetch(networkFetch(networkOf(config), config.baseUrl, this.opts.fetch ?? fetch)));
    const b: Binding = { generation, config, text, connection: provisional, clients: new Map(), detected: undefined, fetch: fetchImpl };
    this.opts.logger.setSecrets(secretsOf(config));
    if (!this.opts.deferStart || generation > 1) void this.detection(b);
    return b;
  }

  private detection(b: Binding): Promise<void> {
    b.detected ??= Promise.all([this.detect(b.config, b.fetch, b), this.helperKey(b)]).then(([connection]) => {
      b.connection = connection;
      const unusable = b.config.unusableBaseUrl;
      if (unusable) this.opts.logger.warn(`[Runtime] ANTHROPIC_BASE_URL cannot be used (.env line ${unusable.line}): nothing is sent until it is fixed`);
      else this.opts.logger.info(...describeConnection(b.config, connection));
      if (this.binding === b) this.update({ connection, detecting: false });
    });
    return b.detected;
  }

  /**
   * Runs OPENWORK_API_KEY_HELPER (at start, and again after a 401): its key replaces a stored one.
   * The key is never logged (the logger scrubs it from then on); a failure is kept as the card to show.
   */
  private async helperKey(b: Binding): Promise<void> {
    const helper = networkOf(b.config).keyHelper;
    if (!helper || this.closed) return;
    try {
      const { withHelperKey } = await import('./net/keyHelper.js');
      b.config = await withHelperKey(b.config, this.opts.env);
      b.keyError = undefined;
      b.clients.clear();
      this.opts.logger.setSecrets(secretsOf(b.config));
      this.opts.logger.info(`[Runtime] OPENWORK_API_KEY_HELPER (${helper.from}) gave a key`);
    } catch (err) {
      b.keyError = classifyError(err, { messages: this.messages });
      this.opts.logger.warn(`[Runtime] ${b.keyError?.say?.(en).message ?? 'the key helper failed'}`);
    }
    if (this.binding === b) this.update({ config: b.config });
  }

  /** `b`: recall what an earlier run learned for this binding's address instead of probing (and mark it recalled). */
  private async detect(config: ConfigSnapshot, fetchImpl: typeof fetch, b?: Binding): Promise<Connection> {
    const initial = initialConnection(config);
    if (!config.baseUrl || initial.via === 'override') return initial;
    const memory = this.opts.detectionMemory;
    const known = b && memory ? safely(() => memory.recall(addressKey(config.baseUrl!))) : undefined;
    if (b && known && kindOf(known.kind)?.proxy) {
      b.recalled = known;
      return { ...initial, mode: known.kind as Connection['mode'], via: 'probe', ...(known.version ? { proxyVersion: known.version } : {}) };
    }
    const connection = connectionAfterProbe(initial, await probeBaseUrl(config.baseUrl, Math.min(3000, config.timeoutMs), fetchImpl));
    if (!connection.unreachable && memory) {
      safely(() => memory.remember(addressKey(config.baseUrl!), { kind: connection.mode, ...(connection.proxyVersion ? { version: connection.proxyVersion } : {}), at: Date.now() }));
    }
    return connection;
  }

  /** A reply started on a recalled answer: confirm it from the reply's headers, or probe in the background. */
  private checkRecalled(b: Binding, serverVersion: string | undefined): void {
    const known = b.recalled!;
    const memory = this.opts.detectionMemory;
    const todo = afterStart(known, serverVersion, !!kindOf(b.connection.mode).repliesNameVersion, Date.now());
    if (todo === 'update') safely(() => memory?.remember(addressKey(b.config.baseUrl!), { kind: known.kind, ...(serverVersion ? { version: serverVersion } : {}), at: Date.now() }));
    if (todo === 'probe') void this.probeAgain(b);
    b.recalled = todo === 'probe' ? undefined : { ...known, ...(serverVersion ? { version: serverVersion } : {}) };
  }

  /**
   * Forgets the recalled answer and probes the address now (remembering what it says); a different
   * kind takes effect from the next request. True when the kind changed.
   */
  private async probeAgain(b: Binding): Promise<boolean> {
    b.recalled = undefined;
    const connection = await this.detect(b.config, b.fetch).catch(() => undefined);
    if (!connection || connection.unreachable || this.binding !== b || this.closed) return false;
    const changed = connection.mode !== b.connection.mode;
    if (changed) b.clients.clear();
    b.connection = connection;
    this.opts.logger.info(...describeConnection(b.config, connection));
    this.update({ connection });
    return changed;
  }

  /** The proxy was unreachable: probe again before a request (it may have started since). */
  private async redetect(): Promise<void> {
    const b = this.binding;
    const connection = await this.detect(b.config, b.fetch);
    if (this.binding !== b) return;
    if (connection.mode !== b.connection.mode) b.clients.clear();
    b.connection = connection;
    if (!connection.unreachable) this.opts.logger.info(...describeConnection(b.config, connection));
    this.update({ connection });
  }

  private route(b: Binding, model: string): 'main' | 'openai' {
    const viaProxy = kindOf(b.connection.mode).proxy && b.served?.includes(model);
    return b.config.openaiApiKey && isOpenAIModel(model) && !viaProxy ? 'openai' : 'main';
  }

  private client(b: Binding, route: 'main' | 'openai'): Promise<ProviderClient> {
    const key = route === 'openai' ? OPENAI_ROUTE.id : b.connection.mode;
    let p = b.clients.get(key);
    if (!p) {
      p = this.buildClient(b, route);
      b.clients.set(key, p);
      p.catch(() => b.clients.delete(key));
    }
    return p;
  }

  private buildClient(b: Binding, route: 'main' | 'openai'): Promise<ProviderClient> {
    const { config, connection } = b;
    const common = { timeoutMs: config.timeoutMs, fetch: b.fetch };
    if (route === 'openai') return OPENAI_ROUTE.client({ ...common, baseURL: config.openaiBaseUrl, credential: config.openaiApiKey, credentialVar: undefined });
    return kindOf(connection.mode).client({ ...common, baseURL: config.baseUrl, credential: config.credential, credentialVar: config.credentialVar });
  }

  private errorContext(b: Binding, route: 'main' | 'openai', model: string | undefined) {
    return errorContext({ config: b.config, connection: b.connection, served: b.served, route, model, messages: this.messages, headless: !!this.opts.headless });
  }

  private setNotice(level: RuntimeNotice['level'], say: Say, config?: ConfigSnapshot): void {
    const notice: RuntimeNotice = { id: ++this.noticeId, level, text: say(this.messages), say, ...(config?.problems.length ? { problems: config.problems } : {}) };
    this.update({ notice });
  }

  private update(patch: Partial<RuntimeState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

/** The detection memory is a file: one that cannot be read or written must not break a request. */
function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
