// The terminal's history belongs to the user: the app never erases the screen or the scrollback
// (no ESC[2J / ESC[3J). After /clear (or /new) the next conversation starts below the old one, which
// stays in the scrollback; after a resize only the live region is drawn again (Ink's resize handling,
// patched in scripts/inkScrollback.mjs), and the transcript stays as the terminal reflowed it.
import { useCallback } from 'react';

/**
 * Returns `clearScreen()`: what ends the conversation on screen. The transcript is re-keyed by the
 * chat reducer (its `clear` action), so what follows prints below; nothing is written to erase.
 */
export function useClearScreen(): () => void {
  return useCallback(() => {}, []);
}
