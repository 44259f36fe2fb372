// The chat's model choice as React state: the model, the recent list (most recent first), and the
// ways to change it: pick (picker, /model NAME), cycle (quick-switch key), switchTo (checked first).
// Persisting is the caller's: onModelChange (cli.tsx passes prefs.selectModel for the connection).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ModelListing, Runtime } from '../runtime/types.js';
import { modelKey } from '../runtime/describe.js';
import { checkModel, nextRecent, withRecent, type CheckResult } from './modelSwitch.js';
import { useModelListing } from './useModelListing.js';

export interface ModelChoiceOptions {
  /** The model to start with (--model, the saved choice, or the default). */
  initial: string;
  /** Recent models from the preferences, most recent first. */
  recent: readonly string[];
  /** Called on every switch, to persist it. */
  onModelChange?(model: string): void;
  /** When given, the current model is checked against the proxy's list (again after .env changes). */
  runtime?: Runtime;
  /**
   * The saved choice for a connection (prefs are per connection and profile: modelKey(config)). Called when
   * .env switches the runtime to another connection, so a proxy's aliases do not follow the user
   * into direct mode; the model stays as it is when that connection has no saved choice.
   */
  savedFor?(connectionKey: string): { selected?: string; recent: string[] };
  maxRecent?: number;
}

export interface ModelChoice {
  model: string;
  recent: string[];
  /** Switch to `model` (no check: the picker has already asked). */
  pick(model: string): void;
  /**
   * Switch to the next recent model (skipping ones the proxy does not serve), keeping the recent
   * order so repeated presses go round. Returns the new model, or undefined when there is none.
   */
  cycle(): string | undefined;
  /** `/model NAME`: check against the proxy's list, switch when it may be used. */
  switchTo(name: string): Promise<CheckResult>;
  /** The current model checked against the latest listing; undefined until known. */
  check: CheckResult | undefined;
  /** The latest listing fetched for the check (undefined without a runtime or while loading). */
  listing: ModelListing | undefined;
}

/** Lists the models and checks `name` (a failed listing lets the name through: it cannot be checked). */
export async function checkWithRuntime(runtime: Runtime, name: string, signal?: AbortSignal): Promise<{ check: CheckResult; listing: ModelListing }> {
  const listing = await runtime.listModels(signal);
  return { check: checkModel(name, listing), listing };
}

export function useModelChoice(opts: ModelChoiceOptions): ModelChoice {
  const { runtime, maxRecent = 8 } = opts;
  const [state, setState] = useState(() => ({ model: opts.initial, recent: [...opts.recent] }));
  const latest = useRef(state);
  latest.current = state;
  const onChange = useRef(opts.onModelChange);
  onChange.current = opts.onModelChange;

  const apply = useCallback((model: string, recent: string[]): void => {
    const next = { model, recent };
    latest.current = next;
    setState(next);
    onChange.current?.(model);
  }, []);

  const pick = useCallback(
    (model: string): void => {
      const name = model.trim();
      if (name) apply(name, withRecent(name, latest.current.recent, maxRecent));
    },
    [apply, maxRecent],
  );

  // The listing behind `check`: fetched on start, and again when the runtime swaps its client.
  const { listing, generation } = useModelListing(runtime);
  const listingRef = useRef(listing);
  listingRef.current = listing;

  // Another connection (.env changed): its own saved model and recent list.
  const savedFor = useRef(opts.savedFor);
  savedFor.current = opts.savedFor;
  const connection = useRef(runtime ? modelKey(runtime.getState().config) : undefined);
  useEffect(() => {
    if (!runtime) return;
    const key = modelKey(runtime.getState().config);
    if (key === connection.current) return;
    connection.current = key;
    const saved = savedFor.current?.(key);
    if (!saved) return;
    const next = { model: saved.selected ?? latest.current.model, recent: [...saved.recent] };
    latest.current = next;
    setState(next);
  }, [runtime, generation]);

  const cycle = useCallback((): string | undefined => {
    const { model, recent } = latest.current;
    const known = listingRef.current;
    // Names the proxy no longer serves are skipped (all go through while the list is unknown).
    const next = nextRecent(model, recent, (name) => checkModel(name, known).ok);
    if (next === undefined) return undefined;
    // A model reached by --model is not in the list yet: keep it reachable by cycling.
    apply(next, recent.includes(model) ? recent : withRecent(model, recent, maxRecent));
    return next;
  }, [apply, maxRecent]);

  const switchTo = useCallback(
    async (name: string): Promise<CheckResult> => {
      const id = name.trim();
      const result = runtime ? (await checkWithRuntime(runtime, id)).check : checkModel(id, undefined);
      if (result.ok) pick(id);
      return result;
    },
    [runtime, pick],
  );

  const check = listing ? checkModel(state.model, listing) : undefined;
  return { model: state.model, recent: state.recent, pick, cycle, switchTo, check, listing };
}
