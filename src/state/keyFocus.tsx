// One owner of the keyboard. Opening a screen hands it the keyboard at once (a ref, not React
// state), so keys typed in the moment before the screen renders neither leak into the prompt nor
// get lost: they wait, and the screen's handler receives them when it mounts.
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useInput, useStdin, type Key } from 'ink';

export type KeyScope = 'chat' | 'models' | 'settings' | 'doctor' | 'resume' | 'roles';

export interface PendingKey {
  input: string;
  key: Key;
  raw: string;
}

export interface KeyFocus {
  owner: KeyScope;
  /** The handlers listening now, per scope: a key for the owner goes to each of them. */
  handlers: Map<KeyScope, Set<(p: PendingKey) => void>>;
  /** Keys for an owner that has no handler listening yet. */
  pending: PendingKey[];
  /** Counts stdin events. */
  seq: number;
  /** The stdin event during which the owner last changed: that key was the one that opened the screen. */
  changedAtSeq: number;
  /** The raw sequence of the current stdin event. */
  raw: string;
  flushQueued: boolean;
}

const FocusContext = createContext<KeyFocus | undefined>(undefined);
const ScopeContext = createContext<KeyScope>('chat');

/**
 * Hands the pending keys to every handler of the owner, once all the handlers mounting in this
 * commit have subscribed (a screen has several: its prompt and its global keys, say).
 */
function scheduleFlush(focus: KeyFocus): void {
  if (focus.flushQueued) return;
  focus.flushQueued = true;
  queueMicrotask(() => {
    focus.flushQueued = false;
    const handlers = [...(focus.handlers.get(focus.owner) ?? [])];
    if (!handlers.length) return;
    const keys = focus.pending;
    focus.pending = [];
    for (const k of keys) for (const h of handlers) h(k);
  });
}

export function KeyFocusProvider({ children }: { children: ReactNode }) {
  const focus = useRef<KeyFocus>({ owner: 'chat', handlers: new Map(), pending: [], seq: 0, changedAtSeq: -1, raw: '', flushQueued: false }).current;
  const { internal_eventEmitter: emitter } = useStdin();
  useEffect(() => {
    const count = (data: string): void => {
      focus.seq++;
      focus.raw = data;
    };
    emitter.prependListener('input', count);
    return () => {
      emitter.off('input', count);
    };
  }, [emitter, focus]);
  // Every key passes here (after the handlers that were listening first): a key for an owner with no
  // handler listening yet — a screen just opened, or the chat coming back, between React's commit
  // and its effects — waits for it instead of being lost. The key that changed the owner does not.
  // Listening also keeps Ink's raw-mode count above zero while screens hand the keyboard over: when
  // it drops to zero Ink resets its input parser, and a lone Esc pending in it is lost.
  useInput((input, key) => {
    if (focus.handlers.get(focus.owner)?.size || focus.changedAtSeq === focus.seq) return;
    focus.pending.push({ input, key, raw: focus.raw });
  });
  return <FocusContext.Provider value={focus}>{children}</FocusContext.Provider>;
}

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
 * For useKeyboard: whether this handler may take a key now (its scope owns the keyboard), and
 * `deliver`, which receives the keys that came for its scope before it listened.
 */
export function useKeyGate(isActive: boolean, deliver: (p: PendingKey) => void): { allow(): boolean } {
  const focus = useContext(FocusContext);
  const scope = useContext(ScopeContext);
  useEffect(() => {
    if (!focus || !isActive) return;
    let set = focus.handlers.get(scope);
    if (!set) focus.handlers.set(scope, (set = new Set()));
    set.add(deliver);
    if (focus.owner === scope && focus.pending.length) scheduleFlush(focus);
    return () => {
      set.delete(deliver);
    };
  }, [focus, scope, isActive, deliver]);
  return useMemo(() => ({ allow: (): boolean => !focus || focus.owner === scope }), [focus, scope]);
}
