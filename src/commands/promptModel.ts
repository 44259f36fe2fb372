// Which model `-p` uses, by the chat's own rule (state/modelSwitch.ts: startModel), and a line on
// stderr saying which and why when --model did not name it.
import type { AppError, Runtime } from '../runtime/types.js';
import { networkOf } from '../runtime/config.js';
import { watchConnects } from '../runtime/net/connectWatch.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../config/values.js';
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
): Promise<{ model: string; timedOut?: true; error?: AppError }> {
  if (o.arg) return { model: o.arg };
  let listing;
  // Anthropic directly the list is the built-ins: no request for it (it would only check the key).
  if (!o.saved && runtime.getState().config.baseUrl) {
    const { config } = runtime.getState();
    const { timeoutMs } = config;
    const cap = Math.min(LISTING_CAP_MS, timeoutMs);
    const connectMs = networkOf(config).connectTimeout?.ms ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const limit = new AbortController();
    let outOfTime = false; // the listing waited as long as the message would: sending would only wait again
    const watch = watchConnects();
    const started = performance.now();
    const cut = (all: boolean) => {
      outOfTime ||= all;
      limit.abort();
    };
    let timer = setTimeout(() => {
      // Nothing accepted the connection yet (a firewall that drops packets): the connect limit will
      // name that, within the message's own limit; a connect that completes now ends the wait.
      if (!watch.connecting || timeoutMs <= cap) return cut(timeoutMs <= cap);
      watch.onConnected(() => cut(false));
      const now = performance.now();
      timer = setTimeout(() => cut(true), Math.max(0, Math.min(started + timeoutMs, watch.since + connectMs + 1000) - now));
    }, cap);
    try {
      listing = await runtime.listModels(AbortSignal.any([signal, limit.signal])).catch(() => undefined);
    } finally {
      clearTimeout(timer);
      watch.stop();
    }
    if (!signal.aborted) {
      // Nothing there, or nothing accepted the connection: the message would fail the same way.
      if (listing?.error?.kind === 'unreachable') return { model: o.fallback, error: listing.error };
      // No answer within OPENWORK_TIMEOUT_MS: sending the message would only wait that long again.
      if (outOfTime || (timeoutMs <= LISTING_CAP_MS && listing?.error?.kind === 'timeout')) return { model: o.fallback, timedOut: true };
    }
  }
  const { model, reason } = startModel({ ...o, listing });
  // The model may be a name the proxy serves: server text, cleaned.
  if (reason !== 'arg') io.stderr.write(stripControl(io.messages.cli.modelUsed({ model, reason, fallback: o.fallback })));
  return { model };
}
