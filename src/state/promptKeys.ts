// Maps one key event (as Ink's useInput reports it, plus the raw sequence) to prompt intents.
// Pure, so every binding is tested without a terminal.
import type { PromptAction } from './promptState.js';
import { keyAction, type KeyLike } from './keymap.js';

export type PromptIntent = PromptAction | { type: 'send' } | { type: 'exitIfEmpty' } | { type: 'editor' };

/** Normalise pasted text: CRLF/CR to LF, tabs to spaces, other control characters dropped. */
export function cleanPaste(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

/**
 * `input`/`key` as Ink's useInput passes them; `raw` is the sequence the terminal sent (used to
 * tell Backspace `\x7f` from Delete `ESC[3~`, which Ink reports alike).
 */
export function promptIntents(input: string, key: KeyLike, raw: string): PromptIntent[] {
  const action = keyAction('prompt', input, key, raw);
  if (action) return [{ type: action }];
  // Esc is the chat's (it stops a reply); the prompt only lets it end a Ctrl+R search.
  if (key.escape) return raw === '\x1b' ? [{ type: 'escape' }] : [];
  // Other keys with a modifier are not text.
  if (key.ctrl) return [];
  if (key.meta && input.length === 1) return [];
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
