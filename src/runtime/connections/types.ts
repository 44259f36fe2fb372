// What a connection kind is: everything specific to one way of reaching a model (a LiteLLM proxy, an
// Anthropic-compatible gateway, Anthropic directly, OpenAI directly), behind one interface. Each
// kind is a folder beside this file and one entry in ./index.ts; its words are in the catalogs under
// its id (`connection`, `status`). The runtime, the doctor and the error texts ask the kind, never
// compare its id.
import type { ProxyFormat } from '../../config/keys.js';
import type { ClientSettings, ProviderClient } from '../providers/common.js';
import type { ConfigSnapshot, Connection } from '../types.js';

/** What a probe of the base URL found (see ./litellm/probe.ts). */
export type { ProbeResult } from './litellm/probe.js';

export interface ConnectionKind<Id extends string = string> {
  readonly id: Id;
  /** Reached at ANTHROPIC_BASE_URL: it has a host, can be unreachable, and lists the models it serves. */
  readonly proxy: boolean;
  /** The OPENWORK_PROXY_FORMAT value that forces this kind for a proxy address. */
  readonly format?: Exclude<ProxyFormat, 'auto'>;
  /** A proxy that answers the probe as this kind is this kind (checked in the registry's order). */
  detects?(probe: import('./litellm/probe.js').ProbeResult): boolean;
  /** Whose refusal an error is, for its words: Anthropic's API, OpenAI's, or the proxy's. */
  readonly server: 'anthropic' | 'openai' | 'proxy';
  /** The SDK client for this kind (loaded lazily: no SDK before the first request). */
  client(s: Omit<ClientSettings, 'mode'>): Promise<ProviderClient>;
  /** The runtime's log line when it connects (presence of keys only, never a secret). */
  describe(config: ConfigSnapshot, c: Connection): [string, Record<string, unknown>];
  /** Its replies name its version (x-litellm-version): a reply without it comes from another server. */
  readonly repliesNameVersion?: boolean;
  /** GET /model/info names the provider model behind each alias (LiteLLM). */
  readonly modelInfo: boolean;
  /** GET /key/info gives the key's spend and budget (LiteLLM). */
  readonly keyInfo: boolean;
  /** A name missing from its model listing is refused (a proxy); otherwise it may be an alias the request decides. */
  readonly servesOnlyListed: boolean;
  /** A 404 from the model listing means "no listing here" (a warning), not a failure. */
  readonly listingOptional: boolean;
  /** The server-side setting that makes it drop optional parameters it refuses, if it has one. */
  readonly dropParamsFix?: string;
  /** The doctor: what the server check says it found, beyond the probe. */
  readonly doctor?: {
    /** A detail line names the wire format it is spoken to in (the catalog's doctor.formatNote.<id>). */
    formatNote?: true;
    /** When the probe identified this kind: its version (worded by the catalog's doctor.identified.<id>). */
    identified?(probe: import('./litellm/probe.js').ProbeResult, target: string, waitMs: number, fetchImpl: typeof fetch): Promise<{ version?: string; fromHeader: boolean }>;
  };
}
