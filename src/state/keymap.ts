// Every key binding, as /help shows it. The handlers live in the prompt and global-key hooks;
// this table is what the user reads, so keep it in step with them (a test checks the main ones).

import type { Messages } from '../i18n/en.js';
import { MODEL_KEY_BINDINGS } from './modelKeys.js';

export interface KeyBinding {
  /** The keys (in words where it has some, e.g. "Ctrl+P (or /model)"). */
  keys: string | ((m: Messages) => string);
  /** What the key does: its entry in the catalog's `keys`. */
  action: keyof Messages['keys'];
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: 'Enter', action: 'send' },
  { keys: 'Ctrl+J / Alt+Enter', action: 'newline' },
  { keys: 'Up / Down', action: 'history' },
  { keys: 'Left / Right', action: 'char' },
  { keys: 'Alt+B / Alt+F', action: 'word' },
  { keys: 'Home / End', action: 'line' },
  { keys: 'Backspace / Delete', action: 'delete' },
  { keys: 'Ctrl+U / Ctrl+K', action: 'kill' },
  { keys: 'Ctrl+W / Alt+Backspace', action: 'killWord' },
  { keys: 'Tab', action: 'complete' },
  { keys: 'Ctrl+S', action: 'settings' },
  ...MODEL_KEY_BINDINGS,
  { keys: 'Esc', action: 'stop' },
  { keys: 'Ctrl+C', action: 'interrupt' },
  { keys: 'Ctrl+D', action: 'exit' },
];

/** [keys, what they do] in the language of `m`. */
export function keyBindingRows(m: Messages): [string, string][] {
  return KEY_BINDINGS.map((k) => [typeof k.keys === 'string' ? k.keys : k.keys(m), m.keys[k.action] as string]);
}
