// What a terminal sends for each key (xterm, no kitty protocol). Write them to ink-testing-library's
// stdin (or a pty) one key per write, like a person typing.
import { NO_KEY } from '../../src/state/keySplit.js';

export const keys = {
  enter: '\r',
  ctrlJ: '\n',
  altEnter: '\x1b\r',
  esc: '\x1b',
  tab: '\t',
  shiftTab: '\x1b[Z',
  backspace: '\x7f',
  ctrlH: '\b',
  delete: '\x1b[3~',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  ctrlLeft: '\x1b[1;5D',
  ctrlRight: '\x1b[1;5C',
  altB: '\x1bb',
  altF: '\x1bf',
  altBackspace: '\x1b\x7f',
  ctrlA: '\x01',
  ctrlC: '\x03',
  ctrlD: '\x04',
  ctrlE: '\x05',
  ctrlK: '\x0b',
  ctrlQ: '\x11',
  ctrlS: '\x13',
  ctrlU: '\x15',
  ctrlW: '\x17',
  pasteStart: '\x1b[200~',
  pasteEnd: '\x1b[201~',
} as const;

export type KeyName = keyof typeof keys;

/** A key event with nothing pressed, as Ink's useInput reports one (for the pure key-mapping tests). */
export { NO_KEY };

/** Ink's key event with some flags set. */
export const keyWith = (patch: Partial<import('ink').Key>): import('ink').Key => ({ ...NO_KEY, ...patch });
