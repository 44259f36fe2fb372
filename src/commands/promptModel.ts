// Which model `-p` uses, by the chat's own rule (state/modelSwitch.ts: startModel), and a line on
// stderr saying which and why when --model did not name it.
import type { Runtime } from '../runtime/types.js';
import { startModel } from '../state/modelSwitch.js';
import type { IO } from './io.js';
import { stripControl } from '../render/sanitize.js';

/** A new setup lists the proxy's models first (bounded): the default may not be a served model_name. */
const LISTING_CAP_MS = 5_000;

export async function choosePromptModel(
  runtime: Runtime,
  io: IO,
  o: { arg?: string | undefined; saved?: string | undefined; fallback: string },
  signal: AbortSignal,
): Promise<{ model: string; timedOut?: true }> {
  if (o.arg) return { model: o.arg };
  let listing;
  // Anthropic directly the list is the built-ins: no request for it (it would only check the key).
  if (!o.saved && runtime.getState().config.baseUrl) {
    const { timeoutMs } = runtime.getState().config;
    const limit = AbortSignal.timeout(Math.min(LISTING_CAP_MS, timeoutMs));
    listing = await runtime.listModels(AbortSignal.any([signal, limit])).catch(() => undefined);
    // No answer within OPENWORK_TIMEOUT_MS: sending the message would only wait that long again.
    if (!signal.aborted && timeoutMs <= LISTING_CAP_MS && (limit.aborted || listing?.error?.kind === 'timeout')) return { model: o.fallback, timedOut: true };
  }
  const { model, reason } = startModel({ ...o, listing });
  // The model may be a name the proxy serves: server text, cleaned.
  if (reason !== 'arg') io.stderr.write(stripControl(io.messages.cli.modelUsed({ model, reason, fallback: o.fallback })));
  return { model };
}
