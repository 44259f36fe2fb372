// One configuration bound to its connection: the .env it came from, the kind the probe found, the
// fetch every request goes through (proxy, CA, headers, bounded, logged), and the SDK clients built
// for it on first use. .env changes make a new binding; a reply finishes on the one it started with.
import type { AppError, ChatEvent, ConfigSnapshot, Connection, ModelListing } from './types.js';
import type { ProviderClient } from './providers/common.js';
import type { Logger } from './logger.js';
import type { Detected } from './detectionMemory.js';
import { priceCost, type Prices, type ReplyUsage } from './usage/ledger.js';
import { networkOf } from './config.js';
import { networkFetch, type EarlySlot } from './net/fetch.js';
import { loggingFetch } from './httpLog.js';
import { boundedFetch } from './boundedFetch.js';
import { connectLimitFetch } from './net/connectLimit.js';
import { probeBaseUrl } from './connections/litellm/probe.js';
import { isTimeoutError, probeLimitMs } from './waiting.js';
import { connectionAfterProbe, initialConnection, kindOf, OPENAI_ROUTE } from './connections/index.js';
import { builtinModels, isOpenAIModel } from './models.js';

export type Route = 'main' | 'openai';

export interface Binding {
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
  /** Replies that ended before this binding's first listing, unpriced: priced when it comes (listing.ts). */
  priceWhenListed?: ReplyUsage[];
  /** The connection came from what an earlier run's probe learned (detectionMemory), not from a probe now. */
  recalled?: Detected;
  /** The address probe got no answer in time (a health endpoint that hangs): not probed again before a request. */
  probeHung?: boolean;
  /** A connection to the address opened before the first request (`-p`: RuntimeService.warmUp). */
  early: EarlySlot;
}

export function newBinding(config: ConfigSnapshot, text: string | undefined, generation: number, logger: Logger, baseFetch: typeof fetch = fetch): Binding {
  const early: EarlySlot = {};
  const fetchImpl = loggingFetch(logger, boundedFetch(connectLimitFetch(networkFetch(networkOf(config), config.baseUrl, baseFetch, early), networkOf(config).connectTimeout?.ms)));
  return { generation, config, text, connection: initialConnection(config), clients: new Map(), detected: undefined, fetch: fetchImpl, early };
}

/** The kind at this address: direct, forced by OPENWORK_PROXY_FORMAT, or what the probe finds. */
export async function detectConnection(config: ConfigSnapshot, fetchImpl: typeof fetch, b?: Pick<Binding, 'probeHung'>, limitMs = probeLimitMs(config.timeoutMs)): Promise<Connection> {
  const initial = initialConnection(config);
  if (!config.baseUrl || initial.via === 'override') return initial;
  const probe = await probeBaseUrl(config.baseUrl, limitMs, fetchImpl);
  if (probe.kind === 'unreachable' && isTimeoutError(probe.error)) {
    // No answer in time (a busy machine, or a health endpoint that hangs): not known to be down, so
    // not marked unreachable; taken as LiteLLM (the common case, via 'fallback': a guess, not
    // remembered), and not probed again before a request.
    if (b) b.probeHung = true;
    return { ...connectionAfterProbe(initial, probe), unreachable: false };
  }
  return connectionAfterProbe(initial, probe);
}

/** gpt-* and o* models go to OpenAI directly when OPENAI_API_KEY is set, unless the proxy serves them. */
export function routeFor(b: Binding, model: string): Route {
  const viaProxy = kindOf(b.connection.mode).proxy && b.served?.includes(model);
  return b.config.openaiApiKey && isOpenAIModel(model) && !viaProxy ? 'openai' : 'main';
}

/** The route's SDK client, built once per binding (a failed build is tried again next time). */
export function clientFor(b: Binding, route: Route): Promise<ProviderClient> {
  const key = route === 'openai' ? OPENAI_ROUTE.id : b.connection.mode;
  let p = b.clients.get(key);
  if (!p) {
    const { config, connection } = b;
    const common = { timeoutMs: config.timeoutMs, fetch: b.fetch };
    p =
      route === 'openai'
        ? OPENAI_ROUTE.client({ ...common, baseURL: config.openaiBaseUrl, credential: config.openaiApiKey, credentialVar: undefined })
        : kindOf(connection.mode).client({ ...common, baseURL: config.baseUrl, credential: config.credential, credentialVar: config.credentialVar });
    b.clients.set(key, p);
    p.catch(() => b.clients.delete(key));
  }
  return p;
}

type Usage = Extract<ChatEvent, { type: 'usage' }>;

/** A usage event with its cost: the proxy's, else computed from prices (marked as such). */
export function priced(b: Binding, model: string, ev: Usage): Usage {
  if (ev.cost !== undefined) return { ...ev, costSource: 'proxy' };
  const fromProxy = priceCost(ev.inputTokens, ev.outputTokens, b.prices?.get(model));
  if (fromProxy !== undefined) return { ...ev, cost: fromProxy, costSource: 'prices' };
  const underlying = b.underlying?.get(model)?.replace(/^[a-z_-]+\//i, '');
  const builtin = builtinModels(true).find((m) => m.id === model || m.id === underlying);
  const fromTable = priceCost(ev.inputTokens, ev.outputTokens, builtin);
  return fromTable !== undefined ? { ...ev, cost: fromTable, costSource: 'builtin' } : ev;
}
