// Whether a model name can be used on the current connection, and the quick-switch order. Pure:
// the picker, `/model NAME` and `--model` all ask the same question here.
import type { ModelEntry, ModelListing } from '../runtime/types.js';
import { nearestModels, suggestFor } from '../runtime/nearest.js';
import { isOpenAIModel } from '../runtime/models.js';
import { en, type Messages, type Say } from '../i18n/en.js';
import { said } from '../i18n/said.js';

/** `message` in English; `say` in the user's language. */
export type CheckResult = { ok: true } | { ok: false; suggestion?: string; message: string; say: Say };

/**
 * How a model would be reached:
 * - 'served': the proxy lists it;
 * - 'openai': a built-in gpt-/o* name the proxy lacks, which the runtime sends to OpenAI directly;
 * - 'missing': the proxy listed its models and this is not one of them;
 * - 'unknown': nothing to check against (Anthropic direct, or the listing failed / is loading).
 */
export type Availability = 'served' | 'openai' | 'missing' | 'unknown';

export function availability(entry: ModelEntry): Availability {
  if (entry.served === true) return 'served';
  if (entry.served === undefined) return 'unknown';
  return entry.source === 'builtin' && isOpenAIModel(entry.id) ? 'openai' : 'missing';
}

/** Names the proxy serves (empty unless it answered). */
export function servedNames(listing: ModelListing | undefined): string[] {
  return listing?.status === 'ok' ? listing.models.filter((m) => m.served === true).map((m) => m.id) : [];
}

export { suggestFor };

/**
 * The listing's entry for `name`, or one made up for a name the listing lacks (a `--model`
 * argument, a recent model from an earlier session): not served when the proxy answered.
 */
export function entryFor(name: string, listing: ModelListing | undefined): ModelEntry {
  const found = listing?.models.find((m) => m.id === name);
  if (found) return found;
  if (listing?.status !== 'ok') return { id: name, source: 'builtin', served: undefined };
  const suggestion = suggestFor(name, servedNames(listing));
  // A gpt-*/o* name goes to OpenAI directly only when that route exists (OPENAI_API_KEY: the listing
  // then has the built-in OpenAI models); otherwise it goes to the proxy, which lacks it.
  const openaiRoute = isOpenAIModel(name) && listing.models.some((m) => m.source === 'builtin' && isOpenAIModel(m.id));
  return { id: name, source: openaiRoute || !isOpenAIModel(name) ? 'builtin' : 'proxy', served: false, ...(suggestion ? { suggestion } : {}) };
}

/** The message shown when the proxy lacks a model: with the nearest name, or the names it serves. */
export function notServedMessage(name: string, suggestion: string | undefined, served: readonly string[], m: Messages = en): string {
  if (suggestion) return m.modelCheck.nearest({ name, suggestion });
  if (!served.length) return m.modelCheck.noneListed({ name });
  return m.modelCheck.serves({ name, served: nearestModels(name, served) });
}

/** May `name` be used? The check behind the picker, `/model NAME` and `--model`. */
export function checkModel(name: string, listing: ModelListing | undefined): CheckResult {
  const id = name.trim();
  if (!id) return { ok: false, ...said((m) => m.modelCheck.noName) };
  const entry = entryFor(id, listing);
  const avail = availability(entry);
  if (avail !== 'missing') return { ok: true };
  const suggestion = entry.suggestion ?? suggestFor(id, servedNames(listing));
  const served = servedNames(listing);
  return {
    ok: false,
    ...(suggestion ? { suggestion } : {}),
    ...said((m) => notServedMessage(id, suggestion, served, m)),
  };
}

/** One line for the chat when a model cannot be used: the check's message and how to switch. */
export function checkLine(result: CheckResult, m: Messages = en): string | undefined {
  if (result.ok) return undefined;
  const message = result.say(m);
  return result.suggestion ? m.modelCheck.switchWith({ message, suggestion: result.suggestion }) : m.modelCheck.pickAnother({ message });
}

/**
 * The model after `current` in the recent list, cycling; undefined when there is nothing else to
 * switch to. `usable` can skip names (e.g. ones the proxy no longer serves).
 */
export function nextRecent(current: string, recent: readonly string[], usable: (name: string) => boolean = () => true): string | undefined {
  const list = recent.filter((m, i) => recent.indexOf(m) === i);
  const start = list.indexOf(current);
  for (let step = 1; step <= list.length; step++) {
    const candidate = list[(start + step + list.length) % list.length];
    if (candidate !== undefined && candidate !== current && usable(candidate)) return candidate;
  }
  return undefined;
}

/** Recent models with `model` first (most recently used first), at most `max`. */
export function withRecent(model: string, recent: readonly string[], max = 8): string[] {
  return [model, ...recent.filter((m) => m !== model)].slice(0, max);
}

/** Why the chat or `-p` starts with the model it does (said on `-p`'s stderr). */
export type StartReason = 'arg' | 'saved' | 'default' | 'nearest';

/**
 * The model to start with, by the chat's rule: --model, else the saved choice, else the built-in
 * default when the proxy serves it (or cannot say), else the nearest name it does serve.
 */
export function startModel(o: { arg?: string | undefined; saved?: string | undefined; fallback: string; listing?: ModelListing | undefined }): { model: string; reason: StartReason } {
  if (o.arg) return { model: o.arg, reason: 'arg' };
  if (o.saved) return { model: o.saved, reason: 'saved' };
  const replacement = defaultReplacement(checkModel(o.fallback, o.listing), o.listing);
  return replacement ? { model: replacement, reason: 'nearest' } : { model: o.fallback, reason: 'default' };
}

/** For a model nobody chose that the proxy does not serve: the nearest served name, else the first it lists. */
export function defaultReplacement(check: CheckResult, listing: ModelListing | undefined): string | undefined {
  if (check.ok) return undefined;
  return check.suggestion ?? listing?.models.find((e) => e.served === true)?.id;
}
