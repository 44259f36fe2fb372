// One owner of the keyboard. Opening a screen hands it the keyboard at once (a ref, not React
// state), so keys typed in the moment before the screen renders neither leak into the prompt nor
// get lost: they wait, and the screen's handler receives them when it mounts.
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useInput, useStdin, type Key } from 'ink';

export type KeyScope = 'chat' | 'models' | 'settings' | 'doctor';

export interface PendingKey {
  input: string;
  key: Key;
  raw: string;
}

export interface KeyFocus {
  owner: KeyScope;
  /** Handlers subscribed per scope. */
  mounted: Map<KeyScope, number>;
  /** Keys for an owner that has no handler yet. */
  pending: PendingKey[];
  /** Counts stdin events, so a key seen by several handlers is queued once. */
  seq: number;
  queuedSeq: number;
  /** The stdin event during which the owner last changed: that key was the one that opened the screen. */
  changedAtSeq: number;
}

const FocusContext = createContext<KeyFocus | undefined>(undefined);
const ScopeContext = createContext<KeyScope>('chat');

export function KeyFocusProvider({ children }: { children: ReactNode }) {
  const focus = useRef<KeyFocus>({ owner: 'chat', mounted: new Map(), pending: [], seq: 0, queuedSeq: -1, changedAtSeq: -1 }).current;
  const { internal_eventEmitter: emitter } = useStdin();
  useEffect(() => {
    const count = (): void => {
      focus.seq++;
    };
    emitter.prependListener('input', count);
    return () => {
      emitter.off('input', count);
    };
  }, [emitter, focus]);
  // Keeps Ink's raw-mode count above zero while screens hand the keyboard over: when it drops to
  // zero Ink resets its input parser, and a lone Esc pending in it is lost.
  useInput(ignore);
  return <FocusContext.Provider value={focus}>{children}</FocusContext.Provider>;
}

const ignore = (): void => {};

export function KeyScopeProvider({ scope, children }: { scope: KeyScope; children: ReactNode }) {
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/** Hands the keyboard to a scope now, before React renders the screen that owns it. */
export function useSetKeyOwner(): (scope: KeyScope) => void {
  const focus = useContext(FocusContext);
  return useMemo(
    () => (scope: KeyScope) => {
      if (!focus || focus.owner === scope) return;
      focus.owner = scope;
      focus.pending = [];
      focus.changedAtSeq = focus.seq;
    },
    [focus],
  );
}

/**
 * For useKeyboard: whether this handler may take the key now. A key for an owner that has no
 * handler mounted yet is queued (once) for it.
 */
export function useKeyGate(isActive: boolean): {
  allow(p: PendingKey): boolean;
  drain(handle: (p: PendingKey) => void): void;
} {
  const focus = useContext(FocusContext);
  const scope = useContext(ScopeContext);
  useEffect(() => {
    if (!focus || !isActive) return;
    focus.mounted.set(scope, (focus.mounted.get(scope) ?? 0) + 1);
    return () => {
      focus.mounted.set(scope, (focus.mounted.get(scope) ?? 1) - 1);
    };
  }, [focus, scope, isActive]);
  return useMemo(
    () => ({
      allow(p: PendingKey): boolean {
        if (!focus || focus.owner === scope) return true;
        if (!focus.mounted.get(focus.owner) && focus.queuedSeq !== focus.seq && focus.changedAtSeq !== focus.seq) {
          focus.queuedSeq = focus.seq;
          focus.pending.push(p);
        }
        return false;
      },
      drain(handle: (p: PendingKey) => void): void {
        if (!focus || focus.owner !== scope || focus.pending.length === 0) return;
        const keys = focus.pending;
        focus.pending = [];
        for (const k of keys) handle(k);
      },
    }),
    [focus, scope],
  );
}
