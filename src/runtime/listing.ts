// The model listing for the runtime: the proxy's /v1/models (and /model/info, for a kind that has it)
// merged with the built-ins, kept on the binding (what a model takes, its window, its prices). The
// listing is the key's first check (Anthropic's too); a 401 with a key helper asks the helper once more.
import type { ModelListing } from './types.js';
import type { ChatHost } from './chatRun.js';
import { clientFor, priced, type Binding } from './binding.js';
import { priceLater } from './usage/ledger.js';
import { kindOf } from './connections/index.js';
import { litellmModelInfo } from './connections/litellm/modelInfo.js';
import { networkOf } from './config.js';
import { classifyError, unusableAddressError } from './errors.js';
import { builtinModels, mergeModels, type RemoteModel } from './models.js';

export type ListingHost = Pick<ChatHost, 'ready' | 'binding' | 'errorContext' | 'keyState' | 'helperKey' | 'state' | 'update'>;

/** The replies that ended unpriced before this first listing, priced now that its prices are known. */
function priceHeldReplies(host: ListingHost, b: Binding): void {
  const held = b.priceWhenListed ?? [];
  b.priceWhenListed = undefined;
  for (const r of held) {
    const u = priced(b, r.model, { type: 'usage', ...(r.inputTokens !== undefined ? { inputTokens: r.inputTokens } : {}), ...(r.outputTokens !== undefined ? { outputTokens: r.outputTokens } : {}) });
    const usage = host.state().usage;
    if (u.cost !== undefined && u.costSource && usage) host.update({ usage: priceLater(usage, r, u.cost, u.costSource) });
  }
}

export async function listModels(host: ListingHost, signal?: AbortSignal, helperRetried = false): Promise<ModelListing> {
  await host.ready();
  const b = host.binding();
  const builtins = builtinModels(!!b.config.openaiApiKey);
  if (b.keyError) return { models: builtins, status: 'error', error: b.keyError };
  if (b.config.unusableBaseUrl) return { models: builtins, status: 'error', error: unusableAddressError(b.config.unusableBaseUrl) };
  // Anthropic directly: the built-ins are the list, and its /v1/models checks the key (once per connection).
  const direct = !kindOf(b.connection.mode).proxy;
  if (direct && (b.listing || !b.config.credential)) return b.listing ?? { models: builtins, status: 'none' };
  const ctx = host.errorContext(b, 'main', undefined);
  try {
    const client = await clientFor(b, 'main');
    const remote: RemoteModel[] = await client.listModels(signal);
    if (direct) {
      host.keyState(b, 'accepted');
      b.listing = { models: builtins, status: 'none' };
      return b.listing;
    }
    if (kindOf(b.connection.mode).modelInfo) {
      const info = await litellmModelInfo(b.config.baseUrl!, b.config.credential, b.fetch, signal ?? AbortSignal.timeout(Math.min(5000, b.config.timeoutMs)));
      for (const r of remote) Object.assign(r, info?.get(r.id));
    }
    b.served = remote.map((r) => r.id);
    b.prices = new Map(remote.filter((r) => r.inputCostPerMTok !== undefined).map((r) => [r.id, r]));
    b.underlying = new Map(remote.filter((r) => r.underlying).map((r) => [r.id, r.underlying!]));
    // The listing is the key's first check (the TUI lists at start, after a reload and a save).
    host.keyState(b, 'accepted');
    b.listing = { models: mergeModels(builtins, remote), status: 'ok' };
    priceHeldReplies(host, b);
    return b.listing;
  } catch (err) {
    const error = classifyError(err, ctx);
    if (error?.kind === 'auth' && error.status === 401 && !helperRetried && networkOf(b.config).keyHelper) {
      await host.helperKey(b);
      return listModels(host, signal, true);
    }
    if (error?.kind === 'auth') host.keyState(b, 'refused');
    // Direct, only a refused key is news here; anything else is the first message's to say.
    if (direct && error?.kind !== 'auth') return { models: builtins, status: 'none' };
    return { models: builtins, status: 'error', ...(error ? { error } : {}) };
  }
}
