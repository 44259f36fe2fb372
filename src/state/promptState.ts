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
import { EMPTY_HISTORY, MAX_HISTORY, historyDown, historyUp, pushHistory, type PromptHistory } from './history.js';
import { completeSlash } from '../slash/match.js';
import { findBack, type ReverseSearch } from './reverseSearch.js';

export interface PromptState {
  readonly buffer: PromptBuffer;
  readonly history: PromptHistory;
  /** Ctrl+R is searching the history. */
  readonly search?: ReverseSearch;
}

export const INITIAL_PROMPT: PromptState = { buffer: EMPTY_BUFFER, history: EMPTY_HISTORY };

export type PromptAction =
  | { type: 'insert'; text: string }
  | { type: 'set'; text: string }
  /** Text and caret at once (a completed @path). */
  | { type: 'place'; text: string; cursor: number }
  /** Prompts sent in earlier runs (from the sessions database), older than this run's. */
  | { type: 'seedHistory'; entries: readonly string[] }
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
        | 'submit'
        | 'reverseSearch'
        | 'cancelSearch'
        | 'acceptSearch'
        | 'escape';
    };

function withBuffer(s: PromptState, buffer: PromptBuffer): PromptState {
  return buffer === s.buffer ? s : { ...s, buffer };
}

/** Keys while Ctrl+R searches: typing narrows, Ctrl+R goes further back, Ctrl+G / Esc give up,
 * Enter takes the match into the prompt; any other key takes it and then does what it does. */
function searching(s: PromptState, search: ReverseSearch, a: PromptAction): PromptState {
  const entries = s.history.entries;
  const show = (query: string, match: number | undefined): PromptState => ({
    ...s,
    buffer: match === undefined ? s.buffer : bufferFrom(entries[match]!),
    search: { ...search, query, match },
  });
  switch (a.type) {
    case 'reverseSearch': {
      if (search.query === '') return s;
      const older = findBack(entries, search.query, (search.match ?? entries.length) - 1);
      return older === undefined ? s : show(search.query, older);
    }
    case 'insert': {
      const query = search.query + a.text.replace(/\n/g, ' ');
      return show(query, findBack(entries, query, search.match ?? entries.length - 1));
    }
    case 'backspace': {
      const query = [...search.query].slice(0, -1).join('');
      return show(query, findBack(entries, query, entries.length - 1));
    }
    case 'cancelSearch':
    case 'escape':
      return { buffer: bufferFrom(search.original), history: s.history };
    case 'acceptSearch':
      return { buffer: s.buffer, history: s.history };
    default:
      return promptReducer({ buffer: s.buffer, history: s.history }, a);
  }
}

export function promptReducer(s: PromptState, a: PromptAction): PromptState {
  const b = s.buffer;
  if (s.search) return searching(s, s.search, a);
  switch (a.type) {
    case 'seedHistory': {
      const entries = [...a.entries, ...s.history.entries].slice(-MAX_HISTORY);
      const browsing = s.history.index < s.history.entries.length;
      return { ...s, history: { ...s.history, entries, index: browsing ? s.history.index + entries.length - s.history.entries.length : entries.length } };
    }
    case 'reverseSearch':
      return { ...s, search: { query: '', match: undefined, original: b.text } };
    case 'cancelSearch':
    case 'acceptSearch':
    case 'escape':
      return s;
    case 'insert':
      return withBuffer(s, insertText(b, a.text));
    case 'set':
      return withBuffer(s, bufferFrom(a.text));
    case 'place':
      return withBuffer(s, { text: a.text, cursor: Math.max(0, Math.min(a.cursor, a.text.length)) });
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
