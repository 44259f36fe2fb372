// The keys that work everywhere on the chat screen (the "chat" rows of keymap.ts): Esc and Ctrl+C
// stop a reply; Ctrl+C twice exits; Ctrl+S opens the settings; Ctrl+P the model picker; Ctrl+O /
// Alt+M switch to the next recent model.
import { useCallback, useRef } from 'react';
import type { Key } from 'ink';
import { useKeyboard } from './useKeyboard.js';
import { keyAction } from './keymap.js';
import type { LazyText } from '../i18n/index.js';

export const EXIT_WINDOW_MS = 2000;

export interface GlobalKeyHandlers {
  /** Stop the reply that is streaming; false when there is none. */
  onStop(): boolean;
  onExit(): void;
  onNotice(text: LazyText): void;
  /** Ctrl+S (error hints point users to it). */
  onSettings(): void;
  onModelKey(intent: 'openPicker' | 'cycle'): void;
  /** Alt+P: the next connection profile. */
  onProfileKey?(): void;
  isActive?: boolean;
}

export function useGlobalKeys(handlers: GlobalKeyHandlers): void {
  const armedAt = useRef(0);
  const latest = useRef(handlers);
  latest.current = handlers;
  // A stable handler, so Ink does not resubscribe on every render of the app.
  const onInput = useCallback((input: string, key: Key, raw: string) => {
    const h = latest.current;
    const action = keyAction('chat', input, key, raw);
    switch (action) {
      case 'stop':
        h.onStop();
        return;
      case 'settings':
        h.onSettings();
        return;
      case 'openPicker':
      case 'cycle':
        h.onModelKey(action);
        return;
      case 'profile':
        h.onProfileKey?.();
        return;
      case 'interrupt':
        break;
      case undefined:
        return;
    }
    const now = Date.now();
    // The second press exits whatever is pending (a stream, a send still waiting on the proxy).
    if (now - armedAt.current <= EXIT_WINDOW_MS) {
      h.onExit();
      return;
    }
    armedAt.current = now;
    // Asked of the chat itself, not of the last render (React renders a moment after the state changes).
    h.onStop();
    h.onNotice((m) => m.chat.pressCtrlCAgain);
  }, []);
  useKeyboard(onInput, handlers.isActive ?? true);
}
