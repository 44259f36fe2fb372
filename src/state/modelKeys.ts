// Keys in the open model picker, as Ink's useInput reports them. Pure, so every binding is tested
// without a terminal. The chat screen's keys that open the picker or cycle models are in keymap.ts.
import type { PickerAction } from './modelPicker.js';
import type { KeyLike } from './keymap.js';

/** The part of Ink's `Key` read here: the prompt's, plus the page keys (Ink's Key is assignable to it). */
export interface PickerKey extends KeyLike {
  pageUp: boolean;
  pageDown: boolean;
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

/**
 * One chunk from the terminal in the open picker → what to do, in order. Text that arrived with its
 * Enter in one read (tmux send-keys 'word' Enter, a fast typist, a one-line paste ending in a line
 * break) is typed, then picks, as if the keys had come one by one; a chunk with line breaks inside
 * is pasted text (the filter makes them spaces), never a pick.
 */
export function pickerIntents(input: string, key: PickerKey, raw = input): PickerIntent[] {
  const line = /^([^\r\n]+)(?:\r\n|\r|\n)$/.exec(input);
  if (line && !key.ctrl && !key.meta && !raw.startsWith('\x1b')) {
    const typed = pickerIntent(line[1]!, { ...key, return: false }, line[1]);
    return typed ? [typed, { type: 'pick' }] : [{ type: 'pick' }];
  }
  const intent = pickerIntent(input, key, raw);
  return intent ? [intent] : [];
}
