// Every connection kind, and the rules that pick one for a config. Adding a kind: its folder beside
// this file (a ConnectionKind), one entry in KINDS, and its words in both catalogs under its id.
import type { ConfigSnapshot, Connection } from '../types.js';
import type { ConnectionKind, ProbeResult } from './types.js';
import { litellm } from './litellm/index.js';
import { gateway } from './gateway/index.js';
import { anthropic } from './anthropic/index.js';
import { openai } from './openai/index.js';

/** In the order detection asks them; the first proxy kind is the guess for an address that does not answer. */
export const KINDS = [litellm, gateway, anthropic, openai] as const;

export type KindId = (typeof KINDS)[number]['id'];

const byId = new Map<string, ConnectionKind>(KINDS.map((k) => [k.id, k]));

export function kindOf(id: KindId): ConnectionKind<KindId>;
export function kindOf(id: string | undefined): ConnectionKind<KindId> | undefined;
export function kindOf(id: string | undefined): ConnectionKind<KindId> | undefined {
  return id === undefined ? undefined : (byId.get(id) as ConnectionKind<KindId> | undefined);
}

/** Anthropic's API when there is no proxy address. */
export const DIRECT: ConnectionKind<KindId> = anthropic;
/** The models that go to OpenAI directly (OPENAI_API_KEY). */
export const OPENAI_ROUTE: ConnectionKind<KindId> = openai;
const PROXY_KINDS = KINDS.filter((k) => k.proxy);
/** A proxy that answers, but not as any kind that identifies itself. */
export const UNIDENTIFIED_PROXY: ConnectionKind<KindId> = gateway;

/** The kind a proxy's probe says it is; undefined when nothing answered. */
export function detectedKind(probe: ProbeResult): ConnectionKind<KindId> | undefined {
  return PROXY_KINDS.find((k) => k.detects?.(probe));
}

/** The kind before (or without) a probe: direct, forced by OPENWORK_PROXY_FORMAT, or the first proxy kind as a guess. */
export function initialConnection(config: ConfigSnapshot): Connection {
  if (!config.baseUrl) return { mode: DIRECT.id, baseUrl: undefined, host: undefined, unreachable: false, via: 'direct' };
  const host = hostOf(config.baseUrl);
  const forced = config.proxyFormat !== 'auto' ? PROXY_KINDS.find((k) => k.format === config.proxyFormat) : undefined;
  if (forced) return { mode: forced.id, baseUrl: config.baseUrl, host, unreachable: false, via: 'override' };
  return { mode: PROXY_KINDS[0]!.id, baseUrl: config.baseUrl, host, unreachable: false, via: 'fallback' };
}

/** The connection once the probe has answered (or not). */
export function connectionAfterProbe(initial: Connection, probe: ProbeResult): Connection {
  const kind = detectedKind(probe);
  if (!kind) return { ...initial, unreachable: true, via: 'fallback' };
  const version = probe.kind !== 'unreachable' && 'version' in probe && probe.version ? { proxyVersion: probe.version } : {};
  return { ...initial, mode: kind.id, via: 'probe', ...version };
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
