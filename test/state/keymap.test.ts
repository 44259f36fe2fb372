import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { KEY_ROWS, keyAction, keyBindingRows, parseChord, type KeyScope } from '../../src/state/keymap.js';
import { promptIntents } from '../../src/state/promptKeys.js';
import { en } from '../../src/i18n/index.js';
import { keyWith } from '../helpers/keys.js';

const NAMED: Record<string, [Partial<Key>, string]> = {
  enter: [{ return: true }, '\r'],
  tab: [{ tab: true }, '\t'],
  esc: [{ escape: true, meta: true }, '\x1b'],
  up: [{ upArrow: true }, '\x1b[A'],
  down: [{ downArrow: true }, '\x1b[B'],
  left: [{ leftArrow: true }, '\x1b[D'],
  right: [{ rightArrow: true }, '\x1b[C'],
  home: [{ home: true }, '\x1b[H'],
  end: [{ end: true }, '\x1b[F'],
  backspace: [{ delete: true }, '\x7f'], // as Ink 6.8 reports \x7f
  delete: [{ delete: true }, '\x1b[3~'],
};

/** The key event Ink reports for a chord, with the raw sequence. */
function event(chord: string): { input: string; key: Key; raw: string } {
  const parts = chord.toLowerCase().split('+');
  const name = parts.pop() ?? '';
  const ctrl = parts.includes('ctrl');
  const meta = parts.includes('alt');
  const named = NAMED[name];
  if (named) return { input: '', key: keyWith({ ...named[0], ...(ctrl && { ctrl }), ...(meta && { meta }) }), raw: named[1] };
  if (ctrl && name === 'j') return { input: '\n', key: keyWith({}), raw: '\n' };
  return { input: name, key: keyWith({ ctrl, meta }), raw: ctrl ? String.fromCharCode(name.charCodeAt(0) - 96) : `\x1b${name}` };
}

describe('the keymap', () => {
  it('every chord can be read, and its key event does what its row says (no chord shadows another)', () => {
    for (const row of KEY_ROWS) {
      for (const b of row.binds) {
        const e = event(b.chord);
        expect(keyAction(row.scope, e.input, e.key, e.raw), b.chord).toBe(b.does);
      }
    }
  });

  it('no chord is bound on both the prompt and the chat screen (both hear every key)', () => {
    const seen = new Map<string, KeyScope>();
    for (const row of KEY_ROWS) {
      for (const b of row.binds) {
        const chord = b.chord.toLowerCase();
        const other = seen.get(chord);
        expect(other === undefined || other === row.scope, `${b.chord} in ${row.scope} and ${other}`).toBe(true);
        seen.set(chord, row.scope);
      }
    }
  });

  it('the prompt handler reads it: its chords become prompt intents', () => {
    for (const row of KEY_ROWS.filter((r) => r.scope === 'prompt')) {
      for (const b of row.binds) {
        const e = event(b.chord);
        expect(promptIntents(e.input, e.key, e.raw), b.chord).toEqual([{ type: b.does }]);
      }
    }
    const e = event('Ctrl+S'); // a chat key: not the prompt's, and not text
    expect(promptIntents(e.input, e.key, e.raw)).toEqual([]);
  });

  it('the chord naming more modifiers wins, whatever the order', () => {
    expect(keyAction('prompt', '\r', keyWith({ return: true, meta: true }), '\x1b\r')).toBe('newline');
    expect(keyAction('prompt', '\r', keyWith({ return: true, ctrl: true }), '\r')).toBe('send');
    expect(keyAction('prompt', '', keyWith({ leftArrow: true, ctrl: true }), '\x1b[1;5D')).toBe('wordLeft');
    expect(keyAction('chat', 'm', keyWith({ meta: true, ctrl: true }), '')).toBeUndefined(); // Alt+letter is not Ctrl+Alt
  });

  it('refuses a chord it cannot read', () => {
    expect(() => parseChord('Shift+Q')).toThrow(/modifier/);
    expect(() => parseChord('F13')).toThrow(/unknown key chord/);
    expect(() => parseChord('q')).toThrow(/unknown key chord/);
  });

  it('/help lists the rows in order, hidden chords left out', () => {
    expect(keyBindingRows(en).map(([keys]) => keys)).toEqual([
      'Enter',
      'Ctrl+J / Alt+Enter',
      'Up / Down',
      'Left / Right',
      'Alt+B / Alt+F',
      'Home / End',
      'Backspace / Delete',
      'Ctrl+U / Ctrl+K',
      'Ctrl+W / Alt+Backspace',
      'Tab',
      'Ctrl+R',
      'Ctrl+G',
      'Ctrl+X',
      'Ctrl+Z',
      'Ctrl+S',
      'Ctrl+P (or /model)',
      'Ctrl+O / Alt+M',
      'Alt+P',
      'Esc',
      'Ctrl+C',
      'Ctrl+D',
    ]);
    expect(keyBindingRows(en)[0]).toEqual(['Enter', en.keys.send]);
  });
});
