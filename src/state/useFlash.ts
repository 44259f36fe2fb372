// A short message for the status bar that clears itself after a while.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LazyText } from '../i18n/index.js';

export interface Flash {
  id: number;
  /** Said in the language on screen when it shows (a switch re-says it). */
  text: LazyText;
  level: 'info' | 'warn' | 'error';
}

export const FLASH_MS = 5000;

export function useFlash(): [Flash | undefined, (text: LazyText, level?: Flash['level'], ms?: number) => void] {
  const [flash, setFlash] = useState<Flash | undefined>(undefined);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  const seq = useRef(0);
  const show = useCallback((text: LazyText, level: Flash['level'] = 'info', ms = FLASH_MS) => {
    clearTimeout(timer.current);
    const id = ++seq.current;
    setFlash({ id, text, level });
    timer.current = setTimeout(() => setFlash((f) => (f?.id === id ? undefined : f)), ms);
    timer.current.unref?.();
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [flash, show];
}
