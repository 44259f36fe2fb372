import { describe, expect, it } from 'vitest';
import { conversationOf, resumeChat, type SavedMessage } from '../../src/state/resume.js';
import { chatReducer, initialChatState } from '../../src/state/chat.js';
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

  it('the chat reducer shows the items after what is there and continues the conversation', () => {
    const r = resumeChat([user('q'), reply('r')]);
    let s = initialChatState({ version: '1' });
    s = chatReducer(s, { type: 'load', items: r.items, conversation: r.conversation });
    expect(s.items.map((i) => i.kind)).toEqual(['banner', 'user', 'assistant']);
    expect(new Set(s.items.map((i) => i.id)).size).toBe(3);
    s = chatReducer(s, { type: 'submit', gen: 1, text: 'next', model: 'm', now: 0 });
    expect(s.conversation.map((c) => c.content)).toEqual(['q', 'r', 'next']);
  });
});
