// The runtime service: resolves the config, detects the provider, builds the client lazily, streams
// ChatEvents, and swaps clients live when .env changes. No UI imports.
import type { AppError, Budget, ChatEvent, ChatRequest, ConfigSnapshot, ModelEntry, ModelListing, NoticeFact, Runtime, RuntimeNotice, RuntimeState } from './types.js';
import type { RuntimeOptions } from './serviceOptions.js';
import { configFromText, EnvReadError, readEnvFile } from './loadConfig.js';
import { networkOf, sameConnection, secretsOf, settingsNotice } from './config.js';
import { fetchKeyInfo } from './usage/keyInfo.js';
import { kindOf } from './connections/index.js';
import { clientFor, newBinding, type Binding, type Route } from './binding.js';
import { detectRecalling, onReplyStart } from './recall.js';
import { runChat, type ChatHost } from './chatRun.js';
import { listModels } from './listing.js';
import { errorContext } from './serviceContext.js';
import { classifyError } from './errors.js';
import { builtinModels, takesImages } from './models.js';
import { noImagesError } from './errors.js';
import { watchEnvFile, type EnvWatcher } from './watcher.js';
import { describeConnection } from './describe.js';
import { RefusedParams } from './optionalParams.js';
import { connect as netConnect } from 'node:net';
import { openEarly, preconnectWanted } from './net/preconnect.js';
import { warmEarly } from './net/fetch.js';
import { proxyFor } from './net/settings.js';

export class RuntimeService implements Runtime {
  private binding: Binding;
  private state: RuntimeState;
  private listeners = new Set<() => void>();
  private watcher: EnvWatcher | undefined;
  private closed = false;
  private noticeId = 0;
  /** Optional parameters refused per connection and model: never sent again (see optionalParams.ts). */
  readonly paramMemory: RefusedParams;
  /** What a request (chatRun.ts) reads and changes here. */
  private readonly host: ChatHost;
  /** The .env file in use: opts.envPath, or a profile's switched to (useEnvFile). */
  private envPath: string;

  constructor(private readonly opts: RuntimeOptions) {
    this.envPath = opts.envPath;
    this.paramMemory = new RefusedParams(opts.paramMemory);
    this.host = {
      ready: () => this.ready(),
      binding: () => this.binding,
      redetect: () => this.reprobe(this.binding, false).then(() => undefined),
      logger: opts.logger,
      paramMemory: this.paramMemory,
      errorContext: (b, route, model) => this.errorContext(b, route, model),
      imageRefusal: (b, route, model, signal) => this.imageRefusal(b, route, model, signal),
      keyState: (b, state) => this.keyState(b, state),
      listModels: (signal) => this.listModels(signal),
      refreshBudget: (b) => this.refreshBudget(b),
      helperKey: (b) => this.helperKey(b),
      state: () => this.state,
      update: (patch) => this.update(patch),
      replyStarted: (b, serverVersion) => {
        if (onReplyStart(b, serverVersion, opts.detectionMemory)) void this.reprobe(b, true);
      },
      probeAgain: (b) => this.reprobe(b, true),
    };
    const text = readEnvFile(opts.envPath);
    const config = configFromText(opts.envPath, text, opts.env);
    this.binding = this.bind(config, text, 1);
    this.state = { config, connection: this.binding.connection, detecting: true, notice: undefined, generation: 1 };
    const notice = settingsNotice(config);
    if (notice) this.setNotice('warn', notice, config);
    if (opts.watch && !opts.deferStart) this.watch();
  }

  private watch(): void {
    this.watcher = watchEnvFile(this.envPath, () => void this.reload(), this.opts.debounceMs);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): RuntimeState => this.state;

  logError(message: string): void {
    this.opts.logger.error(message);
  }

  /** Resolves once the current connection has been detected (starting the detection if needed). */
  ready(): Promise<void> {
    return this.detection(this.binding);
  }

  /**
   * Loads the SDK client for the current connection now (in the background), so that the first
   * request need not wait for it, and opens the connection to the proxy meanwhile (net/preconnect.ts):
   * the handshake's round trip passes while the SDK loads. Only to an address off this machine
   * unless OPENWORK_PRECONNECT says otherwise, and not through a forward proxy (its agent connects
   * to the proxy, and asks it for a tunnel, on the request).
   */
  warmUp(): void {
    const b = this.binding;
    const url = b.config.baseUrl;
    const net = networkOf(b.config);
    if (url && !b.early.early && preconnectWanted(url, net.preconnect) && proxyFor(net, url).kind !== 'proxy') {
      b.early.early = openEarly(url, netConnect);
      if (b.early.early) warmEarly(net); // what takes the connection loads meanwhile
    }
    void this.ready()
      .then(() => clientFor(this.binding, 'main'))
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

  /**
   * Another .env file from now on (a profile: $OPENWORK_HOME/profiles/NAME.env): read, watched and
   * connected to at once; the key's budget and rate limits are the new connection's to find out.
   */
  async useEnvFile(envPath: string): Promise<void> {
    if (this.closed) return;
    const text = readEnvFile(envPath); // throws when unreadable: the caller says why, nothing changes
    this.envPath = envPath;
    if (this.watcher) {
      this.watcher.close();
      this.watch();
    }
    const config = configFromText(envPath, text, this.opts.env);
    const old = this.binding;
    this.binding = this.bind(config, text, old.generation + 1);
    this.update({ config, connection: this.binding.connection, detecting: true, generation: this.binding.generation, keyRefused: false, keyAccepted: false, budget: undefined, rateLimits: undefined });
    const notice = settingsNotice(config);
    if (notice) this.setNotice('warn', notice, config);
    await this.ready();
  }

  /** Re-reads .env; swaps the client when the connection settings changed and the file is sound. */
  async reload(): Promise<void> {
    let text: string | undefined;
    try {
      text = readEnvFile(this.envPath);
    } catch (err) {
      const code = err instanceof EnvReadError ? err.code : undefined;
      this.setNotice('error', { id: 'unreadable', path: this.envPath, ...(code ? { code } : {}), error: (err as Error).message });
      return;
    }
    if (text === this.binding.text) return; // no-op change (touch, same bytes)
    const config = configFromText(this.envPath, text, this.opts.env);
    if (config.problems.some((p) => !p.warning)) {
      this.binding.text = text;
      this.opts.logger.warn(`[Runtime] .env has problems; keeping the previous connection`, config.problems);
      this.setNotice('error', { id: 'keptPrevious', problems: config.problems }, config);
      return;
    }
    const wasBroken = this.state.notice?.level === 'error';
    if (sameConnection(config, this.binding.config)) {
      this.binding.text = text;
      if (wasBroken) this.setNotice('info', { id: 'envFine' });
      return;
    }
    const old = this.binding;
    this.binding = this.bind(config, text, old.generation + 1);
    this.update({ config, connection: this.binding.connection, detecting: true, generation: this.binding.generation, keyRefused: false, keyAccepted: false });
    await this.ready();
    const notice = settingsNotice(config); // a network setting it cannot use says so, instead of "switched"
    if (this.binding.generation === old.generation + 1) this.setNotice(notice ? 'warn' : 'info', notice ?? { id: 'switched', connection: this.binding.connection }, config);
  }

  /**
   * `retried`: what this request already did once (internal): asked the key helper again after a 401,
   * or waited out a 429's retry-after.
   */
  chat(request: ChatRequest, signal: AbortSignal = new AbortController().signal): AsyncIterable<ChatEvent> {
    return runChat(this.host, request, signal);
  }

  /** The key's budget from the proxy's /key/info now (a kind that has one; undefined when it has none). */
  async refreshBudget(b: Binding = this.binding): Promise<Budget | undefined> {
    if (!kindOf(b.connection.mode).keyInfo || !b.config.baseUrl) return undefined;
    const budget = await fetchKeyInfo(b.fetch, b.config.baseUrl, b.config.credential, Math.min(5000, b.config.timeoutMs));
    if (this.binding === b && !this.closed) this.update({ budget });
    return budget;
  }

  listModels(signal?: AbortSignal): Promise<ModelListing> {
    return listModels(this.host, signal);
  }

  /** What is known of `model` here (context window, prices, whether it takes images): listed once per connection. */
  async modelInfo(model: string, signal?: AbortSignal): Promise<ModelEntry | undefined> {
    await this.ready();
    const b = this.binding;
    const listing = b.listing ?? (await this.listModels(signal));
    return listing.models.find((e) => e.id === model);
  }

  noteKeyCheck(config: ConfigSnapshot, verdict: 'accepted' | 'refused'): void {
    if (sameConnection(config, this.binding.config)) this.keyState(this.binding, verdict);
  }

  // --- internals -------------------------------------------------------------------------

  /** What the proxy (or Anthropic) last said about the key of the current connection. */
  private keyState(b: Binding, state: 'accepted' | 'refused'): void {
    if (b !== this.binding) return;
    const patch = { keyAccepted: state === 'accepted', keyRefused: state === 'refused' };
    if (!!this.state.keyAccepted !== patch.keyAccepted || !!this.state.keyRefused !== patch.keyRefused) this.update(patch);
  }

  /** An image to a model that does not take images is refused before anything is sent. */
  private async imageRefusal(b: Binding, route: Route, model: string, signal: AbortSignal): Promise<AppError | undefined> {
    // A proxy that describes its models (/model/info) says whether one takes images.
    const described = route === 'main' && kindOf(b.connection.mode).modelInfo;
    const entry = described ? await this.modelInfo(model, signal).catch(() => undefined) : builtinModels(true).find((e) => e.id === model);
    if (takesImages(model, entry, described)) return undefined;
    return noImagesError(model, described);
  }

  private bind(config: ConfigSnapshot, text: string | undefined, generation: number): Binding {
    const b = newBinding(config, text, generation, this.opts.logger, this.opts.fetch);
    this.opts.logger.setSecrets(secretsOf(config));
    if (!this.opts.deferStart || generation > 1) void this.detection(b);
    return b;
  }

  private detection(b: Binding): Promise<void> {
    b.detected ??= Promise.all([detectRecalling(b.config, b.fetch, this.opts.detectionMemory, b, this.opts.probeLimitMs), this.helperKey(b)]).then(([connection]) => {
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
      b.keyError = classifyError(err);
      this.opts.logger.warn('[Runtime] the key helper failed', { fact: b.keyError?.fact });
    }
    if (this.binding === b) this.update({ config: b.config });
  }

  /**
   * Probes the address again (and remembers the answer): before a request when the proxy was
   * unreachable (it may have started since: `forget` false), or when a recalled answer proved wrong
   * (`forget`: a different kind takes effect from the next request). True when the kind changed.
   */
  private async reprobe(b: Binding, forget: boolean): Promise<boolean> {
    if (forget) b.recalled = undefined;
    const probing = detectRecalling(b.config, b.fetch, this.opts.detectionMemory, undefined, this.opts.probeLimitMs);
    const connection = forget ? await probing.catch(() => undefined) : await probing;
    if (!connection || this.binding !== b || (forget && (connection.unreachable || this.closed))) return false;
    const changed = connection.mode !== b.connection.mode;
    if (changed) b.clients.clear();
    b.connection = connection;
    if (!connection.unreachable) this.opts.logger.info(...describeConnection(b.config, connection));
    this.update({ connection });
    return changed;
  }

  private errorContext(b: Binding, route: Route, model: string | undefined) {
    return errorContext({ config: b.config, connection: b.connection, served: b.served, route, model, headless: !!this.opts.headless });
  }

  private setNotice(level: RuntimeNotice['level'], fact: NoticeFact, config?: ConfigSnapshot): void {
    const notice: RuntimeNotice = { id: ++this.noticeId, level, fact, ...(config?.problems.length ? { problems: config.problems } : {}) };
    this.update({ notice });
  }

  private update(patch: Partial<RuntimeState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

