// Every key binding, as /help shows it. The handlers live in the prompt and global-key hooks;
// this table is what the user reads, so keep it in step with them (a test checks the main ones).

import { MODEL_KEY_BINDINGS } from './modelKeys.js';

export interface KeyBinding {
  keys: string;
  action: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: 'Enter', action: 'send the message' },
  { keys: 'Ctrl+J / Alt+Enter', action: 'new line (pasted text keeps its lines)' },
  { keys: 'Up / Down', action: 'previous / next prompt (in a multi-line prompt: line up / down)' },
  { keys: 'Left / Right', action: 'move by character' },
  { keys: 'Alt+B / Alt+F', action: 'move by word (also Ctrl+Left / Ctrl+Right)' },
  { keys: 'Home / End', action: 'start / end of the line (also Ctrl+A / Ctrl+E)' },
  { keys: 'Backspace / Delete', action: 'delete before / at the caret' },
  { keys: 'Ctrl+U / Ctrl+K', action: 'delete to the start / end of the line' },
  { keys: 'Ctrl+W / Alt+Backspace', action: 'delete the word before the caret' },
  { keys: 'Tab', action: 'complete a /command' },
  { keys: 'Ctrl+S', action: 'connection settings (same as /settings)' },
  ...MODEL_KEY_BINDINGS,
  { keys: 'Esc', action: 'stop the reply (the partial text stays, marked interrupted)' },
  { keys: 'Ctrl+C', action: 'stop the reply; press twice within 2 s to exit' },
  { keys: 'Ctrl+D', action: 'exit when the prompt is empty (otherwise delete at the caret)' },
];
