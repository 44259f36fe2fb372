import { describe, expect, it } from 'vitest';
import { chatReducer, initialChatState, type ChatAction, type ChatState } from '../../src/state/chat.js';
import { splitCommittable } from '../../src/render/markdown.js';

// A delta carries the Markdown splitter (the app loads it after its first frame; useChat waits for
// it before a reply streams). The reducer itself loads nothing.

const start = (): ChatState => initialChatState({ version: '1.0.0' });
const run = (s: ChatState, ...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, s);
const submit = (gen: number, text = 'hi'): ChatAction => ({ type: 'submit', gen, text, model: 'm1', now: 0 });
const delta = (gen: number, text: string, now = 100): ChatAction => ({ type: 'delta', gen, text, chunks: 1, now, split: splitCommittable });
const kinds = (s: ChatState): string[] => s.items.map((i) => i.kind);
const err = { kind: 'auth' as const, message: 'refused', hint: 'check the key' };

describe('chat reducer', () => {
  it('starts with the banner, and the welcome on a first run', () => {
    expect(kinds(start())).toEqual(['banner']);
    expect(kinds(initialChatState({ version: '1', firstRun: true, envPath: '/x/.env' }))).toEqual(['banner', 'welcome']);
  });

  it('streams a reply and commits it with the model label when done', () => {
    let s = run(start(), submit(1), { type: 'start', gen: 1, model: 'served-model' }, delta(1, 'Hel'), delta(1, 'lo'));
    expect(s.live).toMatchObject({ text: 'Hello', model: 'served-model', firstTokenAt: 100, chunks: 2 });
    s = run(s, { type: 'usage', gen: 1, usage: { outputTokens: 5, cost: 0.001 } }, { type: 'finish', gen: 1, stopReason: 'end', now: 500 });
    expect(s.live).toBeUndefined();
    expect(s.items.at(-1)).toMatchObject({ kind: 'assistant', text: 'Hello', label: true, model: 'served-model' });
    expect(s.conversation).toEqual([
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'Hello' },
    ]);
    expect(s.last).toEqual({ outputTokens: 5, estimated: false, inputTokens: undefined, cost: 0.001, durationMs: 500 });
  });

  it('commits finished paragraphs while streaming, the label only on the first part', () => {
    let s = run(start(), submit(1), delta(1, 'First paragraph.\n\n'), delta(1, 'Second'));
    expect(s.items.at(-1)).toMatchObject({ kind: 'assistant', label: true, text: 'First paragraph.\n\n' });
    expect(s.live).toMatchObject({ text: 'Second', committed: true, full: 'First paragraph.\n\nSecond' });
    s = run(s, { type: 'finish', gen: 1, stopReason: 'end', now: 1 });
    expect(s.items.at(-1)).toMatchObject({ kind: 'assistant', label: false, text: 'Second' });
  });

  it('never commits inside a code fence', () => {
    const s = run(start(), submit(1), delta(1, '```\ncode\n\nmore\n'));
    expect(kinds(s)).toEqual(['banner', 'user']);
  });

  it('drops events from another generation', () => {
    const s = run(start(), submit(2), delta(1, 'stale'), { type: 'finish', gen: 1, stopReason: 'end', now: 0 });
    expect(s.live?.text).toBe('');
    expect(kinds(s)).toEqual(['banner', 'user']);
  });

  it('keeps an interrupted partial, marked', () => {
    const s = run(start(), submit(1), delta(1, 'partial'), { type: 'interrupt', gen: 1, now: 0 });
    expect(s.items.at(-1)).toMatchObject({ kind: 'assistant', text: 'partial', status: 'interrupted' });
    expect(s.conversation.at(-1)).toEqual({ role: 'assistant', content: 'partial' });
  });

  it('an interrupt before any text drops the unanswered prompt from the conversation', () => {
    const s = run(start(), submit(1), { type: 'interrupt', gen: 1, now: 0 });
    expect(s.items.at(-1)).toMatchObject({ kind: 'assistant', text: '', status: 'interrupted', label: true });
    expect(s.conversation).toEqual([]);
  });

  it('an error adds a card; a partial reply before it is kept and marked cut', () => {
    const a = run(start(), submit(1), { type: 'fail', gen: 1, error: err, now: 0 });
    expect(kinds(a)).toEqual(['banner', 'user', 'error']);
    expect(a.conversation).toEqual([]);
    const b = run(start(), submit(1), delta(1, 'half'), { type: 'fail', gen: 1, error: err, now: 0 });
    expect(kinds(b)).toEqual(['banner', 'user', 'assistant', 'error']);
    expect(b.items[2]).toMatchObject({ status: 'cut', text: 'half' });
  });

  it('clear empties the transcript and the conversation and bumps the epoch', () => {
    const s = run(start(), submit(1), delta(1, 'x'), { type: 'finish', gen: 1, stopReason: 'end', now: 0 }, { type: 'clear' });
    expect(s.items).toEqual([]);
    expect(s.conversation).toEqual([]);
    expect(s.epoch).toBe(1);
  });

  it('gives every item a unique id', () => {
    const s = run(start(), { type: 'help' }, { type: 'info', text: 'a' }, submit(1), { type: 'clear' }, { type: 'info', text: 'b' });
    const t = run(start(), { type: 'help' }, { type: 'info', text: 'a' });
    expect(new Set(t.items.map((i) => i.id)).size).toBe(t.items.length);
    expect(s.items[0]?.id).toBeGreaterThan(2);
  });
});
