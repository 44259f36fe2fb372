// Keys on the settings screen → what to do. Pure, so every binding is tested without a terminal.
// While a field is edited, the prompt's own key mapping (promptIntents) does the text editing.
import type { KeyLike } from './keymap.js';
import { promptIntents } from './promptKeys.js';
import type { EditOp, SettingsAction, SettingsState } from './settingsReducer.js';
import { focusedRow } from './settingsReducer.js';

export interface SettingsKey extends KeyLike {
  shift: boolean;
}

/** Reducer actions, or the screen's side effects (save, test, answers, leaving). */
export type SettingsIntent =
  | SettingsAction
  | { type: 'save' }
  | { type: 'test' }
  | { type: 'answer'; yes: boolean }
  /** Esc / Ctrl+C with nothing to cancel: leave the screen (asking first when there are edits). */
  | { type: 'back' };

export const SETTINGS_KEYS = [
  { keys: '↑↓', action: 'move' },
  { keys: 'Enter', action: 'edit' },
  { keys: '←→', action: 'choose' },
  { keys: 'Ctrl+R', action: 'reveal' },
  { keys: 'Ctrl+T', action: 'test' },
  { keys: 'Ctrl+S', action: 'save' },
  { keys: 'Esc', action: 'close' },
] as const;

const PROMPT_OPS: Partial<Record<string, EditOp>> = {
  left: 'left',
  right: 'right',
  home: 'home',
  end: 'end',
  wordLeft: 'wordLeft',
  wordRight: 'wordRight',
  backspace: 'backspace',
  delete: 'delete',
  exitIfEmpty: 'delete', // Ctrl+D deletes at the caret
  killStart: 'killStart',
  killEnd: 'killEnd',
  killWord: 'killWord',
};

const isCtrl = (input: string, key: SettingsKey, letter: string): boolean => key.ctrl && input === letter;
const isEscapeSequence = (raw: string): boolean => raw.startsWith('\x1b[') || raw.startsWith('\x1bO');

/** Keys that mean the same thing in every mode. */
function commonIntent(input: string, key: SettingsKey): SettingsIntent | undefined {
  if (isCtrl(input, key, 's')) return { type: 'save' };
  if (isCtrl(input, key, 't')) return { type: 'test' };
  if (isCtrl(input, key, 'r')) return { type: 'reveal' };
  return undefined;
}

function editIntents(input: string, key: SettingsKey, raw: string): SettingsIntent[] {
  if (key.escape || isCtrl(input, key, 'c')) return [{ type: 'cancel' }];
  const common = commonIntent(input, key); // save and test commit the edit first (or refuse)
  if (common) return [common];
  if (key.tab) return [{ type: 'commit' }, { type: 'move', by: key.shift ? -1 : 1 }];
  // A pasted chunk with a tab or a line break inside goes to the field as it is, to be refused
  // there (the prompt's paste cleaning would turn it into another, silently different value).
  if (!key.ctrl && !key.meta && !isEscapeSequence(raw) && /[\t\r\n]/.test(input.replace(/\r$/, ''))) return [{ type: 'insert', text: input }];
  const out: SettingsIntent[] = [];
  for (const intent of promptIntents(input, key, raw)) {
    if (intent.type === 'insert') out.push({ type: 'insert', text: intent.text });
    else if (intent.type === 'send') out.push({ type: 'commit' });
    else if (intent.type === 'up' || intent.type === 'down') out.push({ type: 'commit' }, { type: 'move', by: intent.type === 'up' ? -1 : 1 });
    else {
      const op = PROMPT_OPS[intent.type];
      if (op) out.push({ type: 'editOp', op });
    }
  }
  return out;
}

function browseIntents(state: SettingsState, input: string, key: SettingsKey, raw: string): SettingsIntent[] {
  if (key.escape || isCtrl(input, key, 'c')) return [{ type: 'back' }];
  const common = commonIntent(input, key);
  if (common) return [common];
  const row = focusedRow(state);
  if (key.upArrow || (key.tab && key.shift) || isCtrl(input, key, 'p')) return [{ type: 'move', by: -1 }];
  if (key.downArrow || key.tab || isCtrl(input, key, 'n')) return [{ type: 'move', by: 1 }];
  if (key.home) return [{ type: 'focus', row: 0 }];
  if (key.end) return [{ type: 'focus', row: state.rows.length - 1 }];
  if (key.return) {
    if (row?.kind === 'action') return [{ type: row.id }];
    return [{ type: 'activate' }];
  }
  if (key.leftArrow) return [{ type: 'cycle', by: -1 }];
  if (key.rightArrow || input === ' ') return [{ type: 'cycle', by: 1 }];
  if (key.ctrl || key.meta || isEscapeSequence(raw) || input === '') return [];
  // Typing or pasting on a text field starts editing it with that text.
  return [{ type: 'typeOver', text: input }];
}

export function settingsIntents(state: SettingsState, input: string, key: SettingsKey, raw = input): SettingsIntent[] {
  if (state.saving) return [];
  if (state.question) {
    if (input === 'y' || input === 'Y') return [{ type: 'answer', yes: true }];
    if (input === 'n' || input === 'N' || key.escape || isCtrl(input, key, 'c')) return [{ type: 'answer', yes: false }];
    return [];
  }
  return state.edit ? editIntents(input, key, raw) : browseIntents(state, input, key, raw);
}
