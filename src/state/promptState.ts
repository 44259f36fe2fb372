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
import { PASTE_LINES, SPLIT_CHUNK, expandPastes, lineCount, livePastes, pasteLabel, type Paste, type PasteName } from './drafts.js';
import { en } from '../i18n/en.js';

export interface PromptState {
  readonly buffer: PromptBuffer;
  readonly history: PromptHistory;
  /** Ctrl+R is searching the history. */
  readonly search?: ReverseSearch;
  /** Long pastes shown as a label in the buffer (sent whole). */
  readonly pastes?: readonly Paste[];
  /** The draft Esc or Ctrl+U cleared: Ctrl+Z (or Up on an empty prompt) brings it back. */
  readonly cleared?: { readonly text: string; readonly pastes?: readonly Paste[] };
}

/** The draft as it is sent: every collapsed paste whole. */
export function draftText(s: PromptState): string {
  return expandPastes(s.buffer.text, s.pastes);
}

export const INITIAL_PROMPT: PromptState = { buffer: EMPTY_BUFFER, history: EMPTY_HISTORY };

export type PromptAction =
  /** `pasteName` words a collapsed paste's label in the user's language (English when not given). */
  | { type: 'insert'; text: string; pasteName?: PasteName }
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
        | 'escape'
        | 'expandPaste'
        | 'restore';
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
      return { buffer: bufferFrom(search.original), history: s.history, ...(s.pastes ? { pastes: s.pastes } : {}) };
    case 'acceptSearch':
      return { buffer: s.buffer, history: s.history };
    default:
      return promptReducer({ buffer: s.buffer, history: s.history, ...(s.cleared ? { cleared: s.cleared } : {}) }, a);
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
      return s;
    case 'escape':
      return clearDraft(s);
    case 'restore':
      return restoreDraft(s);
    case 'expandPaste': {
      if (!s.pastes) return s;
      const { pastes: _gone, ...rest } = s;
      return { ...rest, buffer: bufferFrom(expandPastes(b.text, s.pastes)) };
    }
    case 'insert':
      return insertOrCollapse(s, a.text, a.pasteName ?? en.chat.pasted);
    case 'set': {
      // New text from elsewhere (the external editor): no collapsed paste is in it.
      const { pastes: _none, ...rest } = s;
      return { ...rest, buffer: bufferFrom(a.text) };
    }
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
      return withPastes(s, backspace(b));
    case 'delete':
      return withPastes(s, deleteForward(b));
    case 'killStart':
      // On a draft of several lines, Ctrl+U clears it all (Ctrl+Z brings it back).
      return b.text.includes('\n') ? clearDraft(s) : withPastes(s, killToLineStart(b));
    case 'killEnd':
      return withPastes(s, killToLineEnd(b));
    case 'killWord':
      return withPastes(s, deleteWordBack(b));
    case 'up': {
      if (b.text === '' && s.cleared) return restoreDraft(s);
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
      return { buffer: EMPTY_BUFFER, history: pushHistory(s.history, expandPastes(b.text, s.pastes)) };
  }
}

/** An edit that may have removed a paste's label: the paste goes with it. */
function withPastes(s: PromptState, buffer: PromptBuffer): PromptState {
  const next = withBuffer(s, buffer);
  if (next === s || !s.pastes) return next;
  const pastes = livePastes(buffer.text, s.pastes);
  const { pastes: _old, ...rest } = next;
  return pastes ? { ...rest, pastes } : rest;
}

/** Empties the prompt, keeping what was there for Ctrl+Z. */
function clearDraft(s: PromptState): PromptState {
  if (s.buffer.text === '') return s;
  return { buffer: EMPTY_BUFFER, history: s.history, cleared: { text: s.buffer.text, ...(s.pastes ? { pastes: s.pastes } : {}) } };
}

/** Brings the cleared draft back (what is in the prompt now takes its place, so Ctrl+Z again swaps back). */
function restoreDraft(s: PromptState): PromptState {
  const c = s.cleared;
  if (!c) return s;
  const now = s.buffer.text === '' ? undefined : { text: s.buffer.text, ...(s.pastes ? { pastes: s.pastes } : {}) };
  return { buffer: bufferFrom(c.text), history: s.history, ...(c.pastes ? { pastes: c.pastes } : {}), ...(now ? { cleared: now } : {}) };
}

/**
 * Typed or pasted text. A paste of more than PASTE_LINES lines goes in as a label; a long chunk
 * arriving right after a label (the terminal split the paste) joins that paste.
 */
function insertOrCollapse(s: PromptState, text: string, name: PasteName): PromptState {
  const b = s.buffer;
  const last = s.pastes?.at(-1);
  if (last && last.chunk >= SPLIT_CHUNK && text.length > 1 && b.text.slice(0, b.cursor).endsWith(last.label)) {
    const whole = last.text + text;
    const others = s.pastes!.slice(0, -1);
    const label = pasteLabel(b.text.replace(last.label, ''), lineCount(whole), others, name);
    const at = b.cursor - last.label.length;
    const buffer = { text: b.text.slice(0, at) + label + b.text.slice(b.cursor), cursor: at + label.length };
    return { ...s, buffer, pastes: [...others, { label, text: whole, chunk: text.length }] };
  }
  if (lineCount(text) <= PASTE_LINES) return withBuffer(s, insertText(b, text));
  const pastes = s.pastes ?? [];
  const label = pasteLabel(b.text, lineCount(text), pastes, name);
  return { ...s, buffer: insertText(b, label), pastes: [...pastes, { label, text, chunk: text.length }] };
}
