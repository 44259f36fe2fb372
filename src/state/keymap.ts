// Every key binding of the chat screen, in one table: the prompt's and the chat's key handlers look
// keys up here (keyAction), and /help lists the same rows. To add or move a key, edit KEY_ROWS.
//
// A chord is written as /help shows it: "Ctrl+J", "Alt+Enter", "Up". Matching follows what Ink 6.8
// reports (xterm, no kitty protocol):
//   - a named key matches with any modifier it does not name; the chord naming more modifiers wins
//     (Alt+Enter before Enter, Ctrl+Left before Left);
//   - Ctrl+letter is `key.ctrl` with that letter; Alt+letter is `key.meta` without `key.ctrl`;
//   - Ctrl+J is the line feed the terminal sends (Ink reports "\n", no ctrl);
//   - Backspace (\x7f) and Delete (ESC[3~) are told apart by the raw sequence (Ink reports both as
//     `delete`).
import type { Messages, Say } from '../i18n/en.js';

/** The part of Ink's `Key` the key handlers read (Ink's Key is assignable to it). */
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

/** What a prompt key does (the prompt editor's intents). */
export type PromptKeyAction =
  | 'send'
  | 'newline'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'wordLeft'
  | 'wordRight'
  | 'home'
  | 'end'
  | 'backspace'
  | 'delete'
  | 'killStart'
  | 'killEnd'
  | 'killWord'
  | 'complete'
  | 'reverseSearch'
  | 'cancelSearch'
  | 'expandPaste'
  | 'restore'
  | 'editor'
  | 'exitIfEmpty';

/** What a chat-screen key does, whatever the prompt holds. */
export type ChatKeyAction = 'stop' | 'settings' | 'openPicker' | 'cycle' | 'profile' | 'interrupt';

interface ScopeActions {
  prompt: PromptKeyAction;
  chat: ChatKeyAction;
}
export type KeyScope = keyof ScopeActions;

interface Bind<A> {
  chord: string;
  does: A;
  /** Works, but /help does not list it (its words mention it, or it is a readline extra). */
  hidden?: true;
}

type Row = {
  [S in KeyScope]: {
    scope: S;
    /** What /help says the row does: its entry in the catalog's `keys`. */
    help: keyof Messages['keys'];
    /** The keys column when it is not the chords' own names. */
    label?: Say;
    binds: readonly Bind<ScopeActions[S]>[];
  };
}[KeyScope];

export const KEY_ROWS: readonly Row[] = [
  { scope: 'prompt', help: 'send', binds: [{ chord: 'Enter', does: 'send' }] },
  { scope: 'prompt', help: 'newline', binds: [{ chord: 'Ctrl+J', does: 'newline' }, { chord: 'Alt+Enter', does: 'newline' }] },
  {
    scope: 'prompt',
    help: 'history',
    binds: [{ chord: 'Up', does: 'up' }, { chord: 'Down', does: 'down' }, { chord: 'Ctrl+N', does: 'down', hidden: true }],
  },
  {
    scope: 'prompt',
    help: 'char',
    binds: [
      { chord: 'Left', does: 'left' },
      { chord: 'Right', does: 'right' },
      { chord: 'Ctrl+B', does: 'left', hidden: true },
      { chord: 'Ctrl+F', does: 'right', hidden: true },
    ],
  },
  {
    scope: 'prompt',
    help: 'word',
    binds: [
      { chord: 'Alt+B', does: 'wordLeft' },
      { chord: 'Alt+F', does: 'wordRight' },
      { chord: 'Ctrl+Left', does: 'wordLeft', hidden: true },
      { chord: 'Ctrl+Right', does: 'wordRight', hidden: true },
      { chord: 'Alt+Left', does: 'wordLeft', hidden: true },
      { chord: 'Alt+Right', does: 'wordRight', hidden: true },
    ],
  },
  {
    scope: 'prompt',
    help: 'line',
    binds: [
      { chord: 'Home', does: 'home' },
      { chord: 'End', does: 'end' },
      { chord: 'Ctrl+A', does: 'home', hidden: true },
      { chord: 'Ctrl+E', does: 'end', hidden: true },
    ],
  },
  {
    scope: 'prompt',
    help: 'delete',
    binds: [{ chord: 'Backspace', does: 'backspace' }, { chord: 'Delete', does: 'delete' }, { chord: 'Ctrl+H', does: 'backspace', hidden: true }],
  },
  { scope: 'prompt', help: 'kill', binds: [{ chord: 'Ctrl+U', does: 'killStart' }, { chord: 'Ctrl+K', does: 'killEnd' }] },
  { scope: 'prompt', help: 'killWord', binds: [{ chord: 'Ctrl+W', does: 'killWord' }, { chord: 'Alt+Backspace', does: 'killWord' }] },
  { scope: 'prompt', help: 'complete', binds: [{ chord: 'Tab', does: 'complete' }] },
  // Ctrl+G also leaves a Ctrl+R search (the prompt turns `editor` into cancelSearch while one runs).
  { scope: 'prompt', help: 'reverseSearch', binds: [{ chord: 'Ctrl+R', does: 'reverseSearch' }] },
  { scope: 'prompt', help: 'editor', binds: [{ chord: 'Ctrl+G', does: 'editor' }] },
  { scope: 'prompt', help: 'expandPaste', binds: [{ chord: 'Ctrl+X', does: 'expandPaste' }] },
  { scope: 'prompt', help: 'restore', binds: [{ chord: 'Ctrl+Z', does: 'restore' }] },
  { scope: 'chat', help: 'settings', binds: [{ chord: 'Ctrl+S', does: 'settings' }] },
  { scope: 'chat', help: 'picker', label: (m) => m.keys.pickerKeys, binds: [{ chord: 'Ctrl+P', does: 'openPicker' }] },
  // Ctrl+O: raw mode turns off the tty's VDISCARD, so macOS terminals pass it through. Alt+M needs
  // "Option as Meta" on macOS.
  { scope: 'chat', help: 'cycle', binds: [{ chord: 'Ctrl+O', does: 'cycle' }, { chord: 'Alt+M', does: 'cycle' }] },
  { scope: 'chat', help: 'profile', binds: [{ chord: 'Alt+P', does: 'profile' }] },
  { scope: 'chat', help: 'stop', binds: [{ chord: 'Esc', does: 'stop' }] },
  { scope: 'chat', help: 'interrupt', binds: [{ chord: 'Ctrl+C', does: 'interrupt' }] },
  { scope: 'prompt', help: 'exit', binds: [{ chord: 'Ctrl+D', does: 'exitIfEmpty' }] },
];

type NamedKey = (key: KeyLike, input: string, raw: string) => boolean;

const isDeleteSequence = (raw: string): boolean => raw.startsWith('\x1b[3');

const NAMED: Record<string, NamedKey> = {
  enter: (k) => k.return,
  tab: (k) => k.tab,
  esc: (k) => k.escape,
  up: (k) => k.upArrow,
  down: (k) => k.downArrow,
  left: (k) => k.leftArrow,
  right: (k) => k.rightArrow,
  home: (k) => k.home,
  end: (k) => k.end,
  backspace: (k, _i, raw) => k.backspace || (k.delete && !isDeleteSequence(raw)),
  delete: (k, _i, raw) => k.delete && isDeleteSequence(raw),
};

interface Matcher {
  mods: number;
  test(key: KeyLike, input: string, raw: string): boolean;
}

/** "Alt+Backspace" → a test on Ink's key event. Throws on a chord it cannot read (a test loads them all). */
export function parseChord(chord: string): Matcher {
  const parts = chord.toLowerCase().split('+');
  const name = parts.pop() ?? '';
  const ctrl = parts.includes('ctrl');
  const alt = parts.includes('alt');
  if (parts.some((p) => p !== 'ctrl' && p !== 'alt')) throw new Error(`unknown modifier in key chord "${chord}"`);
  const mods = Number(ctrl) + Number(alt);
  const named = NAMED[name];
  if (named) return { mods, test: (k, i, r) => named(k, i, r) && (!ctrl || k.ctrl) && (!alt || k.meta) };
  if (!/^[a-z]$/.test(name) || ctrl === alt) throw new Error(`unknown key chord "${chord}"`);
  if (ctrl && name === 'j') return { mods, test: (k, i) => i === '\n' && !k.ctrl };
  if (ctrl) return { mods, test: (k, i) => k.ctrl && i === name };
  return { mods, test: (k, i) => k.meta && !k.ctrl && i === name };
}

type Compiled<S extends KeyScope> = readonly (Matcher & { does: ScopeActions[S] })[];
const compiled = new Map<KeyScope, Compiled<KeyScope>>();

function bindsOf<S extends KeyScope>(scope: S): Compiled<S> {
  let list = compiled.get(scope) as Compiled<S> | undefined;
  if (!list) {
    const binds = KEY_ROWS.filter((r) => r.scope === scope).flatMap((r) => r.binds as readonly Bind<ScopeActions[S]>[]);
    // Stable: among chords naming as many modifiers, the table's order decides.
    list = binds.map((b) => ({ ...parseChord(b.chord), does: b.does })).sort((a, b) => b.mods - a.mods);
    compiled.set(scope, list);
  }
  return list;
}

/** What this key does in `scope`, if it is bound there. `raw` is the sequence the terminal sent. */
export function keyAction<S extends KeyScope>(scope: S, input: string, key: KeyLike, raw = input): ScopeActions[S] | undefined {
  return bindsOf(scope).find((b) => b.test(key, input, raw))?.does;
}

/** The keys column of a row: its label, or its listed chords ("Ctrl+U / Ctrl+K"). */
function rowKeys(row: Row, m: Messages): string {
  if (row.label) return row.label(m);
  return row.binds
    .filter((b) => !b.hidden)
    .map((b) => b.chord)
    .join(' / ');
}

/** [keys, what they do] in the language of `m`, as /help lists them. */
export function keyBindingRows(m: Messages): [string, string][] {
  return KEY_ROWS.map((r) => [rowKeys(r, m), m.keys[r.help] as string]);
}
