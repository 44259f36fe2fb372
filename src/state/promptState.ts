// The prompt's state (buffer + history) and its reducer. Pure: tested without Ink.
import {
  EMPTY_BUFFER,
  backspace,
  bufferFrom,
  deleteForward,
  deleteWordBack,
  insertText,
  killToLineEnd,
  killToLineStart,
  moveDown,
  moveLeft,
  moveLineEnd,
  moveLineStart,
  moveRight,
  moveUp,
  moveWordLeft,
  moveWordRight,
  type PromptBuffer,
} from './promptBuffer.js';
import { EMPTY_HISTORY, historyDown, historyUp, pushHistory, type PromptHistory } from './history.js';
import { completeSlash } from '../slash/match.js';

export interface PromptState {
  readonly buffer: PromptBuffer;
  readonly history: PromptHistory;
}

export const INITIAL_PROMPT: PromptState = { buffer: EMPTY_BUFFER, history: EMPTY_HISTORY };

export type PromptAction =
  | { type: 'insert'; text: string }
  | { type: 'set'; text: string }
  | {
      type:
        | 'newline'
        | 'left'
        | 'right'
        | 'wordLeft'
        | 'wordRight'
        | 'home'
        | 'end'
        | 'up'
        | 'down'
        | 'backspace'
        | 'delete'
        | 'killStart'
        | 'killEnd'
        | 'killWord'
        | 'complete'
        | 'submit';
    };

function withBuffer(s: PromptState, buffer: PromptBuffer): PromptState {
  return buffer === s.buffer ? s : { ...s, buffer };
}

export function promptReducer(s: PromptState, a: PromptAction): PromptState {
  const b = s.buffer;
  switch (a.type) {
    case 'insert':
      return withBuffer(s, insertText(b, a.text));
    case 'set':
      return withBuffer(s, bufferFrom(a.text));
    case 'newline':
      return withBuffer(s, insertText(b, '\n'));
    case 'left':
      return withBuffer(s, moveLeft(b));
    case 'right':
      return withBuffer(s, moveRight(b));
    case 'wordLeft':
      return withBuffer(s, moveWordLeft(b));
    case 'wordRight':
      return withBuffer(s, moveWordRight(b));
    case 'home':
      return withBuffer(s, moveLineStart(b));
    case 'end':
      return withBuffer(s, moveLineEnd(b));
    case 'backspace':
      return withBuffer(s, backspace(b));
    case 'delete':
      return withBuffer(s, deleteForward(b));
    case 'killStart':
      return withBuffer(s, killToLineStart(b));
    case 'killEnd':
      return withBuffer(s, killToLineEnd(b));
    case 'killWord':
      return withBuffer(s, deleteWordBack(b));
    case 'up': {
      const moved = moveUp(b);
      if (moved) return withBuffer(s, moved);
      const step = historyUp(s.history, b.text);
      return step ? { buffer: bufferFrom(step.text), history: step.history } : s;
    }
    case 'down': {
      const moved = moveDown(b);
      if (moved) return withBuffer(s, moved);
      const step = historyDown(s.history);
      return step ? { buffer: bufferFrom(step.text), history: step.history } : s;
    }
    case 'complete': {
      const done = completeSlash(b.text);
      return done === undefined ? s : withBuffer(s, bufferFrom(done));
    }
    case 'submit':
      return { buffer: EMPTY_BUFFER, history: pushHistory(s.history, b.text) };
  }
}
