// One settings field being edited inline: its text and caret (edited by grapheme with the prompt's
// buffer functions), whether the old value is still "selected", and the live validation. Pure.
import type { ConfigKey } from '../config/keys.js';
import { notOneLine, validateField, type FieldCheck } from '../config/fields.js';
import {
  backspace,
  bufferFrom,
  deleteForward,
  deleteWordBack,
  EMPTY_BUFFER,
  insertText,
  killToLineEnd,
  killToLineStart,
  moveLeft,
  moveLineEnd,
  moveLineStart,
  moveRight,
  moveWordLeft,
  moveWordRight,
  type PromptBuffer,
} from './promptBuffer.js';

export type EditOp = 'left' | 'right' | 'home' | 'end' | 'wordLeft' | 'wordRight' | 'backspace' | 'delete' | 'killStart' | 'killEnd' | 'killWord';

export interface EditState {
  key: ConfigKey;
  buffer: PromptBuffer;
  /** The old value is shown selected: typing or pasting replaces it, erasing clears it. */
  replace: boolean;
  /** validateField on the text as it is now. */
  check: FieldCheck;
}

const OPS: Record<EditOp, (b: PromptBuffer) => PromptBuffer> = {
  left: moveLeft,
  right: moveRight,
  home: moveLineStart,
  end: moveLineEnd,
  wordLeft: moveWordLeft,
  wordRight: moveWordRight,
  backspace,
  delete: deleteForward,
  killStart: killToLineStart,
  killEnd: killToLineEnd,
  killWord: deleteWordBack,
};
const ERASING: ReadonlySet<EditOp> = new Set(['backspace', 'delete', 'killStart', 'killEnd', 'killWord']);

/** A pasted chunk without the one line break a copied line ends with. */
export const pastedLine = (text: string): string => text.replace(/(?:\r\n|\r|\n)$/, '');

function withBuffer(edit: EditState, buffer: PromptBuffer, replace = false): EditState {
  return { ...edit, buffer, replace, check: validateField(edit.key, buffer.text) };
}

/** Starts editing `text` with the caret at its end; `replace` selects it (only when there is text). */
export function beginEdit(key: ConfigKey, text: string, replace: boolean): EditState {
  return { key, buffer: bufferFrom(text), replace: replace && text !== '', check: validateField(key, text) };
}

/**
 * Typed or pasted text at the caret. A chunk with a line break or tab inside is refused whole (the
 * field keeps its text, the message says why): joining its lines silently would save another value.
 */
export function editInsert(edit: EditState, text: string): EditState {
  const line = pastedLine(text);
  if (!line) return edit;
  const broken = notOneLine(edit.key, line);
  if (broken) return { ...edit, check: broken };
  return withBuffer(edit, edit.replace ? bufferFrom(line) : insertText(edit.buffer, line));
}

export function editApply(edit: EditState, op: EditOp): EditState {
  // Erasing a selected value clears it; moving the caret unselects it and moves as usual.
  if (edit.replace && ERASING.has(op)) return withBuffer(edit, EMPTY_BUFFER);
  return withBuffer(edit, OPS[op](edit.buffer));
}
