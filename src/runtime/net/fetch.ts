// The one fetch every request goes through (both SDKs, the probe, the listing, /model/info, the
// doctor): extra headers for the proxy, and undici's own ProxyAgent / Agent when a forward proxy or a
// private CA is configured. undici loads only then, so an ordinary launch pays nothing for it.
import { needsAgent, proxyFor, type NetworkConfig } from './settings.js';
import { earlyConnector, type EarlyConnection } from './preconnect.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../../config/values.js';

type Dispatcher = import('undici').Dispatcher;
type Undici = typeof import('./undiciAgents.js');

let undiciModule: Promise<Undici> | undefined;
const loadUndici = (): Promise<Undici> => (undiciModule ??= import('./undiciAgents.js'));
type UndiciAgent = typeof import('./undiciAgent.js');
let agentModule: Promise<UndiciAgent> | undefined;
const loadAgent = (): Promise<UndiciAgent> => (agentModule ??= import('./undiciAgent.js'));

/** A request outside a forward proxy needs undici's whole package for a CA (any, NODE_EXTRA_CA_CERTS too) or a connect limit; else its agent alone takes an early connection. */
const agentAlone = (net: NetworkConfig): boolean => !net.caFiles.length && !net.connectTimeout;

/** Loads now, while the early connection's handshake runs, what will take it (the early connection is never made through a forward proxy). */
export function warmEarly(net: NetworkConfig): void {
  void (agentAlone(net) ? loadAgent() : loadUndici()).catch(() => {});
}

/** Where a connection opened early (net/preconnect.ts) waits for the first request; set before any request is made. */
export interface EarlySlot {
  early?: EarlyConnection;
}

/** Reads the CA files once per fetch; a file that cannot be read is an error on the request that needed it. */
export async function caList(net: NetworkConfig): Promise<string[] | undefined> {
  if (!net.caFiles.length) return undefined;
  const [{ readFile }, { rootCertificates }] = await Promise.all([import('node:fs/promises'), import('node:tls')]);
  const files = await Promise.all(
    net.caFiles.map((f) =>
      readFile(f.value, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw Object.assign(new Error(`${f.from} (${f.value}) cannot be read: ${err.code ?? err.message}`), { code: 'ERR_CA_FILE', caVar: f.from, reason: err.code ?? 'error' });
      }),
    ),
  );
  return [...rootCertificates, ...files];
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function urlOf(input: Parameters<typeof fetch>[0]): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * `net`: the settings; `proxyBase`: the LiteLLM proxy / gateway address (its requests get
 * OPENWORK_HEADERS); `base`: the fetch used when no agent is needed; `slot`: a connection opened
 * early, which undici's agent takes for the first request to its address.
 */
export function networkFetch(net: NetworkConfig, proxyBase: string | undefined, base: typeof fetch = fetch, slot?: EarlySlot): typeof fetch {
  const origin = originOf(proxyBase);
  const agentNeeded = needsAgent(net);
  if (!slot && !agentNeeded && !(origin && net.headers.length)) return base;
  // Once a connection was opened early, every request goes through the agent that took it (and keeps it alive).
  const viaAgent = (): boolean => agentNeeded || slot?.early !== undefined;
  const agents = new Map<string, Promise<Dispatcher>>();
  let light: Promise<Dispatcher> | undefined;
  const earlyAgent = (early: EarlyConnection): Promise<Dispatcher> =>
    (light ??= loadAgent().then((u) => new u.Agent({ connect: earlyConnector(u.ConnectTimeoutError, u.buildConnector({}), early, DEFAULT_CONNECT_TIMEOUT_MS) })));
  const agentFor = (proxy: string | undefined): Promise<Dispatcher> => {
    const key = proxy ?? '';
    let p = agents.get(key);
    if (!p) {
      p = Promise.all([loadUndici(), caList(net)]).then(([u, ca]) => {
        // The connect options: the CA, and OPENWORK_CONNECT_TIMEOUT_MS (to the proxy and through it).
        const tls = { ...(ca ? { ca } : {}), ...(net.connectTimeout ? { timeout: net.connectTimeout.ms } : {}) };
        if (proxy) return new u.ProxyAgent({ uri: proxy, requestTls: tls, proxyTls: tls });
        const early = slot?.early;
        return new u.Agent({ connect: early ? earlyConnector(u.errors.ConnectTimeoutError, u.buildConnector(tls), early, net.connectTimeout?.ms ?? DEFAULT_CONNECT_TIMEOUT_MS) : tls });
      });
      p.catch(() => agents.delete(key)); // a CA file fixed later is read again
      agents.set(key, p);
    }
    return p;
  };

  return async (input, init) => {
    const url = urlOf(input);
    let headers: Headers | undefined;
    if (origin && net.headers.length && originOf(url) === origin) {
      headers = new Headers(input instanceof Request ? input.headers : undefined);
      new Headers(init?.headers).forEach((v, k) => headers!.set(k, v));
      for (const [k, v] of net.headers) headers.set(k, v);
    }
    if (!viaAgent()) return base(input, headers ? { ...init, headers } : init);
    const route = proxyFor(net, url);
    if (route.kind !== 'proxy' && agentAlone(net)) {
      // An early connection alone: Node's own fetch, through undici's agent (not its whole package) that takes it.
      if (slot?.early) return base(input, { ...(headers ? { ...init, headers } : init), dispatcher: await earlyAgent(slot.early) } as RequestInit);
      return base(input, headers ? { ...init, headers } : init);
    }
    const [u, dispatcher] = await Promise.all([loadUndici(), agentFor(route.kind === 'proxy' ? route.proxy.value : undefined)]);
    const req = input instanceof Request ? input : undefined;
    const body = init?.body ?? req?.body ?? undefined;
    const res = await u.fetch(url, {
      ...(req ? { method: req.method } : {}),
      ...(init as object),
      headers: (headers ?? init?.headers ?? req?.headers) as never,
      ...(body ? { body: body as never, duplex: 'half' } : {}),
      dispatcher,
    } as never);
    return res as unknown as Response;
  };
}
