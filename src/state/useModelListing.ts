// The runtime's model listing as React state: fetched on mount, again whenever the runtime swaps
// its client (.env changed: `generation` increments), and on reload(). undefined while loading.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ModelListing, Runtime } from '../runtime/types.js';

const noSubscribe = (): (() => void) => () => {};

function unlisted(error: unknown): ModelListing {
  const text = error instanceof Error ? error.message : String(error);
  return { models: [], status: 'error', error: { kind: 'unknown', fact: { id: 'listingFailed', text } } };
}

export interface ModelListingState {
  listing: ModelListing | undefined;
  reload(): void;
  /** The runtime's generation the listing belongs to (0 without a runtime). */
  generation: number;
}

/**
 * `onListing` runs in the same tick as the state update (also with undefined when a new fetch
 * starts), so a caller can update its own state in the same render.
 */
export function useModelListing(runtime: Runtime | undefined, onListing?: (listing: ModelListing | undefined) => void): ModelListingState {
  const subscribe = useCallback((l: () => void) => (runtime ? runtime.subscribe(l) : noSubscribe()), [runtime]);
  const getGeneration = useCallback(() => runtime?.getState().generation ?? 0, [runtime]);
  const generation = useSyncExternalStore(subscribe, getGeneration, getGeneration);
  const [listing, setListing] = useState<ModelListing | undefined>(undefined);
  const [reloads, setReloads] = useState(0);
  const latest = useRef({ listing, onListing });
  latest.current.onListing = onListing;

  useEffect(() => {
    if (!runtime) return;
    const ac = new AbortController();
    const set = (l: ModelListing | undefined): void => {
      if (ac.signal.aborted || latest.current.listing === l) return;
      latest.current.listing = l;
      setListing(l);
      latest.current.onListing?.(l);
    };
    set(undefined);
    runtime.listModels(ac.signal).then(set, (err: unknown) => set(unlisted(err)));
    return () => ac.abort();
  }, [runtime, generation, reloads]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { listing, reload, generation };
}
