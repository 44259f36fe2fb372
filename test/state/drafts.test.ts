// The prompt's reducer on long pastes and cleared drafts.
import { describe, expect, it } from 'vitest';
import { INITIAL_PROMPT, draftText, promptReducer, type PromptAction, type PromptState } from '../../src/state/promptState.js';

const run = (...actions: PromptAction[]): PromptState => actions.reduce(promptReducer, INITIAL_PROMPT);
const lines = (n: number, tag = 'line') => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`).join('\n');

describe('long pastes', () => {
  it('over 10 lines collapse to a label; the draft sends them whole; 10 lines stay as they are', () => {
    const s = run({ type: 'insert', text: 'look: ' }, { type: 'insert', text: lines(121) }, { type: 'insert', text: ' ?' });
    expect(s.buffer.text).toBe('look: [pasted 121 lines] ?');
    expect(draftText(s)).toBe(`look: ${lines(121)} ?`);
    expect(run({ type: 'insert', text: lines(10) }).buffer.text).toBe(lines(10));
  });

  it('a paste the terminal split in two chunks is one paste; two pastes get two labels', () => {
    const first = lines(300, 'a'); // ~2.7 KB: a terminal hands it over in two reads
    const s = run({ type: 'insert', text: first.slice(0, 2048) }, { type: 'insert', text: first.slice(2048) });
    expect(s.buffer.text).toBe('[pasted 300 lines]');
    expect(draftText(s)).toBe(first);
    const t = promptReducer(promptReducer(s, { type: 'insert', text: ' ' }), { type: 'insert', text: lines(30, 'b') });
    expect(t.buffer.text).toBe('[pasted 300 lines] [pasted 30 lines]');
    expect(draftText(t)).toBe(`${first} ${lines(30, 'b')}`);
  });

  it('Ctrl+X shows it in full; erasing the label drops the paste; submit keeps the whole text in history', () => {
    const s = run({ type: 'insert', text: lines(12) });
    expect(promptReducer(s, { type: 'expandPaste' }).buffer.text).toBe(lines(12));
    const erased = promptReducer(s, { type: 'backspace' });
    expect(erased.buffer.text).toBe('[pasted 12 lines');
    expect(erased.pastes).toBeUndefined();
    const sent = promptReducer(s, { type: 'submit' });
    expect(sent.buffer.text).toBe('');
    expect(promptReducer(sent, { type: 'up' }).buffer.text).toBe(lines(12));
  });
});

describe('clearing a draft', () => {
  it('Esc clears it; Ctrl+Z brings it back (with its paste), and again swaps with what was typed since', () => {
    const s = run({ type: 'insert', text: 'draft ' }, { type: 'insert', text: lines(11) });
    const cleared = promptReducer(s, { type: 'escape' });
    expect(cleared.buffer.text).toBe('');
    const back = promptReducer(cleared, { type: 'restore' });
    expect(back.buffer.text).toBe('draft [pasted 11 lines]');
    expect(draftText(back)).toBe(`draft ${lines(11)}`);
    const other = promptReducer(promptReducer(cleared, { type: 'insert', text: 'other' }), { type: 'restore' });
    expect(other.buffer.text).toBe('draft [pasted 11 lines]');
    expect(promptReducer(other, { type: 'restore' }).buffer.text).toBe('other');
  });

  it('Up on the empty prompt brings the cleared draft back before any history', () => {
    const s = run({ type: 'insert', text: 'sent' }, { type: 'submit' }, { type: 'insert', text: 'unsent' }, { type: 'escape' });
    expect(promptReducer(s, { type: 'up' }).buffer.text).toBe('unsent');
    expect(promptReducer(promptReducer(s, { type: 'up' }), { type: 'up' }).buffer.text).toBe('sent');
  });

  it('Ctrl+U on several lines clears all of it (Ctrl+Z back); on one line it deletes to the line start', () => {
    const multi = run({ type: 'insert', text: 'one\ntwo\nthree' });
    const u = promptReducer(multi, { type: 'killStart' });
    expect(u.buffer.text).toBe('');
    expect(promptReducer(u, { type: 'restore' }).buffer.text).toBe('one\ntwo\nthree');
    const one = run({ type: 'insert', text: 'abc def' }, { type: 'left' }, { type: 'left' }, { type: 'killStart' });
    expect(one.buffer).toEqual({ text: 'ef', cursor: 0 });
  });
});
