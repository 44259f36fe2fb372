// Terminals (and tmux, or a fast typist) can deliver several keys in one read, e.g. Ctrl+U then
// Ctrl+C as "\x15\x03". Ink hands such a chunk over as one "input"; this splits it back into keys.
// Tab, CR and LF stay inside text runs: a pasted block keeps its lines.
import type { Key } from 'ink';

export interface SplitKey {
  input: string;
  key: Key;
  raw: string;
}

/** A key event with nothing pressed, as Ink's useInput reports one. */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const TOKENS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+/g;

function controlKey(c: string): SplitKey {
  if (c === '\x7f') return { input: '', key: { ...NO_KEY, delete: true }, raw: c };
  if (c === '\b') return { input: '', key: { ...NO_KEY, backspace: true }, raw: c };
  const code = c.charCodeAt(0);
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true }, raw: c };
  return { input: '', key: NO_KEY, raw: c };
}

/** The keys inside a batched chunk, or undefined when the chunk is a single key or plain text. */
export function splitBatched(raw: string): SplitKey[] | undefined {
  if (raw.length < 2 || raw.includes('\x1b') || !CONTROL.test(raw)) return undefined;
  return Array.from(raw.matchAll(TOKENS), ([t]) => (CONTROL.test(t) ? controlKey(t) : { input: t, key: NO_KEY, raw: t }));
}
