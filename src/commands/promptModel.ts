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
): Promise<string> {
  if (o.arg) return o.arg;
  let listing;
  if (!o.saved) {
    const limit = AbortSignal.timeout(Math.min(LISTING_CAP_MS, runtime.getState().config.timeoutMs));
    listing = await runtime.listModels(AbortSignal.any([signal, limit])).catch(() => undefined);
  }
  const { model, reason } = startModel({ ...o, listing });
  // The model may be a name the proxy serves: server text, cleaned.
  if (reason !== 'arg') io.stderr.write(stripControl(io.messages.cli.modelUsed({ model, reason, fallback: o.fallback })));
  return model;
}
