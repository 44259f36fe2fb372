// Maps one key event (as Ink's useInput reports it, plus the raw sequence) to prompt intents.
// Pure, so every binding is tested without a terminal.
import type { PromptAction } from './promptState.js';

/** The part of Ink's `Key` the prompt reads (Ink's Key is assignable to it). */
export interface KeyLike {
  upArrow: boolean;
  downArrow: boolean;
  leftArrow: boolean;
  rightArrow: boolean;
  home: boolean;
  end: boolean;
  return: boolean;
  escape: boolean;
  ctrl: boolean;
  meta: boolean;
  tab: boolean;
  backspace: boolean;
  delete: boolean;
}

export type PromptIntent = PromptAction | { type: 'send' } | { type: 'exitIfEmpty' };

/** Normalise pasted text: CRLF/CR to LF, tabs to spaces, other control characters dropped. */
export function cleanPaste(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

const CTRL_ACTIONS: Record<string, PromptIntent> = {
  a: { type: 'home' },
  e: { type: 'end' },
  u: { type: 'killStart' },
  k: { type: 'killEnd' },
  w: { type: 'killWord' },
  b: { type: 'left' },
  f: { type: 'right' },
  h: { type: 'backspace' },
  n: { type: 'down' },
  d: { type: 'exitIfEmpty' },
};

/**
 * `input`/`key` as Ink's useInput passes them; `raw` is the sequence the terminal sent (used to
 * tell Backspace `\x7f` from Delete `ESC[3~`, which Ink reports alike).
 */
export function promptIntents(input: string, key: KeyLike, raw: string): PromptIntent[] {
  if (key.return) return [key.meta ? { type: 'newline' } : { type: 'send' }];
  if (input === '\n' && !key.ctrl) return [{ type: 'newline' }];
  if (key.tab) return [{ type: 'complete' }];
  if (key.escape) return [];
  if (key.upArrow) return [{ type: 'up' }];
  if (key.downArrow) return [{ type: 'down' }];
  if (key.leftArrow) return [key.ctrl || key.meta ? { type: 'wordLeft' } : { type: 'left' }];
  if (key.rightArrow) return [key.ctrl || key.meta ? { type: 'wordRight' } : { type: 'right' }];
  if (key.home) return [{ type: 'home' }];
  if (key.end) return [{ type: 'end' }];
  if (key.backspace) return [key.meta ? { type: 'killWord' } : { type: 'backspace' }];
  if (key.delete) {
    if (raw.startsWith('\x1b[3')) return [{ type: 'delete' }];
    return [key.meta ? { type: 'killWord' } : { type: 'backspace' }];
  }
  if (key.ctrl) {
    const action = CTRL_ACTIONS[input];
    return action ? [action] : [];
  }
  if (key.meta && input.length === 1) {
    if (input === 'b') return [{ type: 'wordLeft' }];
    if (input === 'f') return [{ type: 'wordRight' }];
    return [];
  }
  // Unknown escape sequences (function keys, bracketed-paste markers) must not become text.
  if (raw.startsWith('\x1b[') || raw.startsWith('\x1bO')) return [];
  if (input === '') return [];
  // A chunk of text: typed, or pasted. A single trailing CR is "typed fast, then Enter".
  const endsWithEnter = input.endsWith('\r') && !/[\r\n]/.test(input.slice(0, -1));
  const text = cleanPaste(endsWithEnter ? input.slice(0, -1) : input);
  const intents: PromptIntent[] = text ? [{ type: 'insert', text }] : [];
  if (endsWithEnter) intents.push({ type: 'send' });
  return intents;
}
