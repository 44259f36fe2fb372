// Keys for model switching, as Ink's useInput reports them. Pure, so every binding is tested
// without a terminal.
//
// What Ink 6.8 reports (xterm, no kitty protocol):
//   Ctrl+P  \x10     → input 'p', key.ctrl        open the picker
//   Ctrl+O  \x0f     → input 'o', key.ctrl        next recent model (raw mode turns off the tty's
//                                                  VDISCARD, so macOS terminals pass it through)
//   Alt+M   \x1bm    → input 'm', key.meta        next recent model (needs "Option as Meta" on macOS)
import type { PickerAction } from './modelPicker.js';
import type { KeyBinding } from './keymap.js';
import type { KeyLike } from './promptKeys.js';

/** The part of Ink's `Key` read here: the prompt's, plus the page keys (Ink's Key is assignable to it). */
export interface PickerKey extends KeyLike {
  pageUp: boolean;
  pageDown: boolean;
}

export const MODEL_KEYS = {
  picker: 'Ctrl+P',
  cycle: 'Ctrl+O / Alt+M',
} as const;

/** Key bindings for /help, in KEY_BINDINGS' shape. */
export const MODEL_KEY_BINDINGS: readonly KeyBinding[] = [
  { keys: (m) => m.keys.pickerKeys, action: 'picker' },
  { keys: MODEL_KEYS.cycle, action: 'cycle' },
];

/** A global key for model switching on the chat screen, if this is one. */
export function modelKeyIntent(input: string, key: Pick<PickerKey, 'ctrl' | 'meta'>): 'openPicker' | 'cycle' | undefined {
  if (key.ctrl && input === 'p') return 'openPicker';
  if (key.ctrl && input === 'o') return 'cycle';
  if (key.meta && !key.ctrl && input === 'm') return 'cycle';
  return undefined;
}

export type PickerIntent = PickerAction | { type: 'pick' } | { type: 'close' } | { type: 'refresh' };

/** One key in the open picker → what to do. `raw` is the sequence the terminal sent. */
export function pickerIntent(input: string, key: PickerKey, raw = input): PickerIntent | undefined {
  // Esc closes; so does Ctrl+C (the chat's global keys are inactive while the picker is open).
  if (key.escape || (key.ctrl && input === 'c')) return { type: 'close' };
  if (key.return) return { type: 'pick' };
  if (key.upArrow || (key.ctrl && input === 'p')) return { type: 'move', to: 'up' };
  if (key.downArrow || (key.ctrl && input === 'n') || key.tab) return { type: 'move', to: 'down' };
  if (key.pageUp) return { type: 'move', to: 'pageUp' };
  if (key.pageDown) return { type: 'move', to: 'pageDown' };
  if (key.home) return { type: 'move', to: 'home' };
  if (key.end) return { type: 'move', to: 'end' };
  // Ink reports Backspace (\x7f) as `delete`; in a one-line filter both erase the last character.
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (key.ctrl && input === 'u') return { type: 'setQuery', query: '' };
  if (key.ctrl && input === 'r') return { type: 'refresh' };
  if (key.ctrl || key.meta) return undefined;
  // Unknown escape sequences (function keys, paste markers) must not become filter text.
  if (raw.startsWith('\x1b[') || raw.startsWith('\x1bO')) return undefined;
  return input ? { type: 'type', text: input } : undefined;
}
