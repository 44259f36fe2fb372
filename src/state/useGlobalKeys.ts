// The keys that work everywhere on the chat screen: Esc and Ctrl+C stop a reply; Ctrl+C twice exits.
import { useRef } from 'react';
import { useInput } from 'ink';

export const EXIT_WINDOW_MS = 2000;

export interface GlobalKeyHandlers {
  /** A reply is streaming (or waiting for its first token). */
  busy: boolean;
  onStop(): void;
  onExit(): void;
  onNotice(text: string): void;
  isActive?: boolean;
}

export function useGlobalKeys(h: GlobalKeyHandlers): void {
  const armedAt = useRef(0);
  useInput(
    (input, key) => {
      if (key.escape && h.busy) {
        h.onStop();
        return;
      }
      if (!(key.ctrl && input === 'c')) return;
      if (h.busy) {
        armedAt.current = 0;
        h.onStop();
        return;
      }
      const now = Date.now();
      if (now - armedAt.current <= EXIT_WINDOW_MS) {
        h.onExit();
        return;
      }
      armedAt.current = now;
      h.onNotice('Press Ctrl+C again to exit');
    },
    { isActive: h.isActive ?? true },
  );
}
