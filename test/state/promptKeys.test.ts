import { describe, expect, it } from 'vitest';
import { cleanPaste, promptIntents } from '../../src/state/promptKeys.js';
import { INITIAL_PROMPT, promptReducer, type PromptAction, type PromptState } from '../../src/state/promptState.js';
import { NO_KEY, keyWith } from '../helpers/keys.js';

const none = NO_KEY;
const k = keyWith;

describe('prompt keys', () => {
  it('Enter sends; Ctrl+J and Alt+Enter insert a newline', () => {
    expect(promptIntents('\r', k({ return: true }), '\r')).toEqual([{ type: 'send' }]);
    expect(promptIntents('\n', none, '\n')).toEqual([{ type: 'newline' }]);
    expect(promptIntents('\r', k({ return: true, meta: true }), '\x1b\r')).toEqual([{ type: 'newline' }]);
  });

  it('tells Backspace from Delete by the raw sequence', () => {
    expect(promptIntents('', k({ delete: true }), '\x7f')).toEqual([{ type: 'backspace' }]);
    expect(promptIntents('', k({ delete: true }), '\x1b[3~')).toEqual([{ type: 'delete' }]);
    expect(promptIntents('', k({ backspace: true }), '\b')).toEqual([{ type: 'backspace' }]);
    expect(promptIntents('', k({ delete: true, meta: true }), '\x1b\x7f')).toEqual([{ type: 'killWord' }]);
  });

  it('maps the readline control keys', () => {
    const ctrl = (c: string): unknown => promptIntents(c, k({ ctrl: true }), '')[0];
    expect(ctrl('a')).toEqual({ type: 'home' });
    expect(ctrl('e')).toEqual({ type: 'end' });
    expect(ctrl('u')).toEqual({ type: 'killStart' });
    expect(ctrl('k')).toEqual({ type: 'killEnd' });
    expect(ctrl('w')).toEqual({ type: 'killWord' });
    expect(ctrl('d')).toEqual({ type: 'exitIfEmpty' });
    expect(ctrl('c')).toBeUndefined(); // the global keys own Ctrl+C
  });

  it('treats a pasted chunk as text, keeping its lines', () => {
    expect(promptIntents('a\r\nb\rc', none, 'a\r\nb\rc')).toEqual([{ type: 'insert', text: 'a\nb\nc' }]);
    expect(promptIntents('hello\r', none, 'hello\r')).toEqual([{ type: 'insert', text: 'hello' }, { type: 'send' }]);
    expect(promptIntents('你好', none, '你好')).toEqual([{ type: 'insert', text: '你好' }]);
  });

  it('ignores unknown escape sequences instead of typing them', () => {
    expect(promptIntents('[200~', k({ meta: true }), '\x1b[200~')).toEqual([]);
    expect(promptIntents('[24~', none, '\x1b[24~')).toEqual([]);
  });

  it('cleans pasted control characters', () => {
    expect(cleanPaste('a\tb\x07c\x1b')).toBe('a    bc');
  });
});

describe('prompt reducer', () => {
  const run = (...actions: PromptAction[]): PromptState => actions.reduce(promptReducer, INITIAL_PROMPT);

  it('submits into history and recalls with up/down', () => {
    let s = run({ type: 'insert', text: 'first' }, { type: 'submit' }, { type: 'insert', text: 'second' }, { type: 'submit' });
    expect(s.buffer.text).toBe('');
    s = promptReducer(s, { type: 'insert', text: 'dra' });
    s = promptReducer(s, { type: 'up' });
    expect(s.buffer.text).toBe('second');
    s = promptReducer(s, { type: 'up' });
    expect(s.buffer.text).toBe('first');
    s = promptReducer(s, { type: 'down' });
    s = promptReducer(s, { type: 'down' });
    expect(s.buffer.text).toBe('dra');
  });

  it('moves between lines of a multi-line prompt before using history', () => {
    let s = run({ type: 'insert', text: 'old' }, { type: 'submit' }, { type: 'insert', text: 'a' }, { type: 'newline' }, { type: 'insert', text: 'b' });
    s = promptReducer(s, { type: 'up' });
    expect(s.buffer).toEqual({ text: 'a\nb', cursor: 1 });
    s = promptReducer(s, { type: 'up' });
    expect(s.buffer.text).toBe('old');
  });

  it('completes slash commands', () => {
    expect(run({ type: 'insert', text: '/he' }, { type: 'complete' }).buffer).toEqual({ text: '/help', cursor: 5 });
  });
});

describe('batched keys', () => {
  it('splits control keys out of one chunk, keeping pasted lines together', async () => {
    const { splitBatched } = await import('../../src/state/keySplit.js');
    expect(splitBatched('hello')).toBeUndefined();
    expect(splitBatched('a\r\nb')).toBeUndefined();
    expect(splitBatched('\x1b[A')).toBeUndefined();
    const parts = splitBatched('\x15\x03') ?? [];
    expect(parts.map((p) => [p.input, p.key.ctrl])).toEqual([
      ['u', true],
      ['c', true],
    ]);
    const mixed = splitBatched('ab\x7fc\r') ?? [];
    expect(mixed.map((p) => [p.input, p.key.delete])).toEqual([
      ['ab', false],
      ['', true],
      ['c\r', false],
    ]);
  });
});
