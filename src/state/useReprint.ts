// Clearing the screen and reprinting the transcript: after /clear, and when the width changes
// (lines already printed were wrapped for the old width; reprinting re-wraps them cleanly).
import { useCallback, useEffect, useRef } from 'react';
import { useStdout } from 'ink';

/** Erase the screen and the scrollback, cursor home. */
export const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

export const RESIZE_SETTLE_MS = 150;

/** Returns `clearScreen()`; written through Ink so its own bookkeeping stays right. */
export function useClearScreen(): () => void {
  const { write } = useStdout();
  return useCallback(() => write(CLEAR_SCREEN), [write]);
}

/** Call `reprint` once the width has stopped changing. */
export function useReprintOnResize(columns: number, reprint: () => void): void {
  const seen = useRef(columns);
  const latest = useRef(reprint);
  latest.current = reprint;
  useEffect(() => {
    if (columns === seen.current) return;
    seen.current = columns;
    const timer = setTimeout(() => latest.current(), RESIZE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [columns]);
}
