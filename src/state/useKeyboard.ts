// Ink's useInput plus the raw sequence the terminal sent. Ink reports Backspace (\x7f) and
// Delete (ESC[3~) both as `key.delete`; the raw sequence tells them apart.
import { useCallback, useEffect, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';

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
  const onInput = useCallback((input: string, key: Key) => latest.current(input, key, raw.current), []);
  useInput(onInput, { isActive });
}
