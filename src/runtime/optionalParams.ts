// Optional request parameters the app adds on its own (stream_options today), and what to do when a
// proxy refuses one: send the request again at once without it, and remember that for the connection
// and model, so that no refused request is ever sent twice. LiteLLM retries a refused request twice
// against the provider before it answers, so each one costs the team three provider attempts.
import type { ChatEvent, ChatRequest } from './types.js';
import type { ProviderClient } from './providers/common.js';

/** Where refusals are kept across runs (preferences.json). */
export interface ParamMemory {
  /** The optional parameters `connection` refused for `model`. */
  refused(connection: string, model: string): readonly string[];
  remember(connection: string, model: string, param: string): void;
}

const REFUSAL = /not support|unsupported|unrecognized|unrecognised|unknown (parameter|argument|field)|extra (fields|inputs)|not permitted|not allowed|drop_params/i;

/**
 * Whether a server's error text says a request parameter is not supported, and which one when it
 * names it: '' when it does not say (`undefined`: not about a parameter at all).
 */
export function paramNamed(text: string): string | undefined {
  if (!REFUSAL.test(text) || !/param|argument|field/i.test(text)) return undefined;
  const named = /parameters?:?\s*\{?\s*['"]([A-Za-z_][\w.]*)['"]|argument supplied:\s*([A-Za-z_]\w*)|fields? not permitted:?\s*['"]?([A-Za-z_]\w*)/i.exec(text);
  return named ? (named[1] ?? named[2] ?? named[3] ?? '') : '';
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null;

/** Every text the server sent with an HTTP error (the SDKs keep the body's `error` object apart). */
function errorTexts(err: Rec): string {
  const parts: string[] = [];
  if (typeof err.message === 'string') parts.push(err.message);
  if (err.error !== undefined) parts.push(typeof err.error === 'string' ? err.error : JSON.stringify(err.error));
  return parts.join('\n');
}

/**
 * The optional parameter (one of `candidates`) that an HTTP error says the server does not accept:
 * a 400, 422 or 500 whose text names the parameter and says it is unsupported (LiteLLM 1.39.5: a 500
 * "anthropic does not support parameters: {'stream_options': …}"; OpenAI: 400 "Unrecognized request
 * argument supplied: …"). Anything else is not a refusal of a parameter.
 */
export function refusedParam(err: unknown, candidates: readonly string[]): string | undefined {
  if (!isRec(err) || !candidates.length) return undefined;
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status !== 400 && status !== 422 && status !== 500) return undefined;
  const text = errorTexts(err);
  if (!REFUSAL.test(text)) return undefined;
  return candidates.find((p) => new RegExp(`(^|[^A-Za-z0-9_])${p}([^A-Za-z0-9_]|$)`).test(text));
}

/**
 * Streams `req` through `client`, leaving out the optional parameters in `omit`. When the server refuses
 * one of the others before the reply starts, `onRefused` is told and the request is sent again without
 * it (bounded: each retry leaves out one more of the client's few optional parameters). `timeoutMs`:
 * each request's limit (what is left of the send's deadline).
 */
export async function* streamWithoutRefused(
  client: ProviderClient,
  req: ChatRequest,
  signal: AbortSignal,
  omit: readonly string[],
  onRefused: (param: string, err: unknown) => void,
  timeoutMs?: number,
): AsyncGenerator<ChatEvent, void> {
  const left = new Set(omit);
  for (;;) {
    let began = false;
    try {
      for await (const ev of client.stream(req, signal, { omit: [...left], ...(timeoutMs ? { timeoutMs } : {}) })) {
        began = true;
        yield ev;
      }
      return;
    } catch (err) {
      const param = began || signal.aborted ? undefined : refusedParam(err, client.optionalParams.filter((p) => !left.has(p)));
      if (!param) throw err;
      left.add(param);
      onRefused(param, err);
    }
  }
}

/**
 * The refusals seen in this run (so a run never repeats one, even when nothing is stored) on top of
 * those kept in `store`.
 */
export class RefusedParams implements ParamMemory {
  private readonly seen = new Map<string, Set<string>>();
  constructor(private readonly store?: ParamMemory) {}

  refused(connection: string, model: string): string[] {
    const stored = safe(() => this.store?.refused(connection, model)) ?? [];
    return [...new Set([...stored, ...(this.seen.get(`${connection}\n${model}`) ?? [])])];
  }

  remember(connection: string, model: string, param: string): void {
    const key = `${connection}\n${model}`;
    const set = this.seen.get(key) ?? new Set<string>();
    set.add(param);
    this.seen.set(key, set);
    safe(() => this.store?.remember(connection, model, param));
  }
}

/** A preferences file that cannot be read or written must not break a reply. */
function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
