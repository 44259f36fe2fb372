import { describe, expect, it } from 'vitest';
import { conversationOf, openedSession, resumeChat, type SavedMessage } from '../../src/state/resume.js';
import { chatReducer, initialChatState, previewOf, printCount } from '../../src/state/chat.js';
import { en } from '../../src/i18n/index.js';

const user = (text: string): SavedMessage => ({ role: 'user', text, status: 'done', errorKind: null, stopReason: null, model: 'm' });
const reply = (text: string, extra: Partial<SavedMessage> = {}): SavedMessage => ({ role: 'assistant', text, status: 'done', errorKind: null, stopReason: null, model: 'm', ...extra });

describe('resuming a saved session', () => {
  it('the conversation keeps answered prompts with their replies, partial ones included', () => {
    const msgs = [user('a'), reply('A'), user('b'), reply('', { status: 'failed', errorKind: 'rate_limit' }), user('c'), reply('C-part', { status: 'streaming' }), user('d')];
    expect(conversationOf(msgs)).toEqual([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'A' },
      { role: 'user', content: 'c' },
      { role: 'assistant', content: 'C-part' },
    ]);
  });

  it('shows the last messages only, with how each reply ended', () => {
    const msgs = [user('one'), reply('1'), user('two'), reply('2', { status: 'interrupted' }), user('three'), reply('', { status: 'failed', errorKind: 'auth' }), reply('long', { stopReason: 'max_tokens' })];
    const r = resumeChat(msgs, 5);
    expect(r.hidden).toBe(2);
    expect(r.items.map((i) => (i.kind === 'info' ? `info ${typeof i.text === 'function' ? i.text(en) : i.text}` : `${i.kind} ${'status' in i ? (i.status ?? '') : ''}`.trim()))).toEqual([
      'user',
      'assistant interrupted',
      'user',
      'info failed: Authentication failed',
      'assistant max_tokens',
    ]);
  });

  it('the chat reducer holds the items back to print them in steps, the last reply previewed meanwhile', () => {
    const r = resumeChat([user('q'), reply('r')]);
    let s = initialChatState({ version: '1' });
    s = chatReducer(s, { type: 'load', items: r.items, conversation: r.conversation });
    expect(s.items.map((i) => i.kind)).toEqual(['banner']);
    expect(s.backlog.map((i) => i.kind)).toEqual(['user', 'assistant']);
    expect(previewOf(s)).toMatchObject({ kind: 'assistant', text: 'r' });
    s = chatReducer(s, { type: 'print', count: 1 });
    expect(s.items.map((i) => i.kind)).toEqual(['banner', 'user']);
    expect(previewOf(s)).toMatchObject({ text: 'r' });
    s = chatReducer(s, { type: 'print', count: 1 });
    expect(s.items.map((i) => i.kind)).toEqual(['banner', 'user', 'assistant']);
    expect(s.backlog).toEqual([]);
    expect(previewOf(s)).toBeUndefined();
    expect(chatReducer(s, { type: 'print', count: 1 })).toBe(s);
    expect(new Set(s.items.map((i) => i.id)).size).toBe(3);
    s = chatReducer(s, { type: 'submit', gen: 1, text: 'next', model: 'm', now: 0 });
    expect(s.conversation.map((c) => c.content)).toEqual(['q', 'r', 'next']);
  });

  it('anything added while the session prints comes after it (the order never changes)', () => {
    const r = resumeChat([user('q1'), reply('r1'), user('q2'), reply('r2')]);
    let s = chatReducer(initialChatState({ version: '1' }), { type: 'load', items: r.items, conversation: r.conversation });
    s = chatReducer(s, { type: 'print', count: 1 });
    s = chatReducer(s, { type: 'submit', gen: 1, text: 'next', model: 'm', now: 0 });
    expect(s.items.map((i) => (i.kind === 'user' || i.kind === 'assistant' ? i.text : i.kind))).toEqual(['banner', 'q1', 'r1', 'q2', 'r2', 'next']);
    expect(s.backlog).toEqual([]);
    expect(new Set(s.items.map((i) => i.id)).size).toBe(6);
    // /clear drops what was waiting; a second load prints the first one's rest before its own
    const again = chatReducer(chatReducer(initialChatState({ version: '1' }), { type: 'load', items: r.items, conversation: [] }), { type: 'clear' });
    expect(again.backlog).toEqual([]);
    const twice = chatReducer(chatReducer(initialChatState({ version: '1' }), { type: 'load', items: r.items.slice(0, 2), conversation: [] }), { type: 'load', items: r.items.slice(2), conversation: [] });
    expect(twice.items.map((i) => i.kind)).toEqual(['banner', 'user', 'assistant']);
    expect(twice.backlog.map((i) => i.kind)).toEqual(['user', 'assistant']);
  });

  it('a session read before the first frame is in the initial state: its notes printed, its messages waiting, its last reply previewed', () => {
    const msgs = Array.from({ length: 50 }, (_, i) => (i % 2 ? reply(`r${i}`) : user(`q${i}`)));
    const opened = openedSession({ id: 7, title: 'seven' }, msgs, msgs.slice(-40));
    expect(opened.notes.map((n) => (n.kind === 'info' && typeof n.text === 'function' ? n.text(en) : ''))).toEqual([
      'Continuing session 7 “seven” (50 messages)',
      '10 earlier messages not shown (all are sent as context) — openwork-tui sessions show 7',
    ]);
    const s = initialChatState({ version: '1', resumed: opened });
    expect(s.items.map((i) => i.kind)).toEqual(['banner', 'info', 'info']);
    expect(s.backlog).toHaveLength(40);
    expect(previewOf(s)).toMatchObject({ text: 'r49' });
    expect(s.conversation).toHaveLength(50);
  });

  it('a print step takes about a screenful of text: whole items, at least one', () => {
    const items = resumeChat([user('a'.repeat(100)), reply('b'.repeat(3000)), user('c'.repeat(2000)), reply('d')]).items;
    let s = chatReducer(initialChatState({ version: '1' }), { type: 'load', items, conversation: [] });
    expect(printCount(s.backlog, 4000)).toBe(3);
    expect(printCount(s.backlog, 50)).toBe(1);
    expect(printCount(s.backlog, 1e6)).toBe(4);
    s = chatReducer(s, { type: 'print', count: printCount(s.backlog, 4000) });
    expect(printCount(s.backlog, 4000)).toBe(1);
    expect(previewOf(s)).toMatchObject({ text: 'd' });
  });
});
