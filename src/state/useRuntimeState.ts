// The runtime (an external store) as React state, through useSyncExternalStore.
import { useCallback, useSyncExternalStore } from 'react';
import type { Runtime, RuntimeState } from '../runtime/types.js';

export function useRuntimeState(runtime: Runtime): RuntimeState {
  const subscribe = useCallback((listener: () => void) => runtime.subscribe(listener), [runtime]);
  const getState = useCallback(() => runtime.getState(), [runtime]);
  return useSyncExternalStore(subscribe, getState, getState);
}
