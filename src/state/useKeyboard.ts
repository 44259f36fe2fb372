// Ink's useInput plus the raw sequence the terminal sent. Ink reports Backspace (\x7f) and
// Delete (ESC[3~) both as `key.delete`; the raw sequence tells them apart. A chunk holding several
// keys (e.g. "\x15\x03" from a fast typist or tmux) is split back into single keys. Keys go only to
// the scope that owns the keyboard (see keyFocus.tsx).
import { useCallback, useEffect, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { splitBatched } from './keySplit.js';
import { useKeyGate, type PendingKey } from './keyFocus.js';

export type KeyHandler = (input: string, key: Key, raw: string) => void;

export function useKeyboard(handler: KeyHandler, isActive: boolean): void {
  const { internal_eventEmitter: emitter } = useStdin();
  const raw = useRef('');
  useEffect(() => {
    const record = (data: string): void => {
      raw.current = data;
    };
    // Prepended, so it runs before every useInput listener for the same event.
    emitter.prependListener('input', record);
    return () => {
      emitter.off('input', record);
    };
  }, [emitter]);
  const latest = useRef(handler);
  latest.current = handler;
  const handle = useCallback((input: string, key: Key, data: string) => {
    const parts = splitBatched(data) ?? [{ input, key, raw: data }];
    for (const p of parts) latest.current(p.input, p.key, p.raw);
  }, []);
  // Keys that came for this scope before it listened (see keyFocus.tsx).
  const deliver = useCallback((p: PendingKey) => handle(p.input, p.key, p.raw), [handle]);
  const gate = useKeyGate(isActive, deliver);
  const onInput = useCallback(
    (input: string, key: Key) => {
      if (gate.allow()) handle(input, key, raw.current);
    },
    [gate, handle],
  );
  useInput(onInput, { isActive });
}
