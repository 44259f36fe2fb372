import { describe, expect, it } from 'vitest';
import { chatReducer, initialChatState, type ChatAction, type ChatState } from '../../src/state/chat.js';
import { CUT_NOTE, PLAIN_AFTER, TAIL_MAX } from '../../src/state/longReply.js';
import { splitCommittable } from '../../src/render/splitCommittable.js';
import { en } from '../../src/i18n/en.js';

// A delta carries the Markdown splitter (the app loads it after its first frame; useChat waits for
// it before a reply streams). The reducer itself loads nothing.

const start = (): ChatState => initialChatState({ version: '1.0.0' });
const run = (s: ChatState, ...actions: ChatAction[]): ChatState => actions.reduce(chatReducer, s);
const submit = (gen: number, text = 'hi'): ChatAction => ({ type: 'submit', gen, text, model: 'm1', now: 0 });
const delta = (gen: number, text: string, now = 100): ChatAction => ({ type: 'delta', gen, text, chunks: 1, now, split: splitCommittable });
const kinds = (s: ChatState): string[] => s.items.map((i) => i.kind);
const err = { kind: 'auth' as const, fact: { id: 'auth' as const, server: 'proxy' as const, status: 401 } };

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

describe('a reply too long for Markdown (issue 14)', () => {
  const para = (i: number) => `Paragraph ${i} ${'word '.repeat(200)}\n\n`;
  /** A reply of `n` paragraphs (about 1 KB each) in one delta per paragraph. */
  const long = (s: ChatState, n: number) => run(s, ...Array.from({ length: n }, (_, i) => delta(1, para(i))));

  it('goes plain past PLAIN_AFTER: the rest is kept only as a bounded tail, `full` stops growing', () => {
    const first = Math.ceil(PLAIN_AFTER / 1000) + 5;
    let s = long(run(start(), submit(1)), first);
    expect(s.live?.plain).toBeDefined();
    const full = s.live!.full.length;
    expect(full).toBeGreaterThan(PLAIN_AFTER);
    const items = s.items.length;
    s = long(s, 2000); // another ~2 MB
    expect(s.live!.full.length).toBe(full);
    expect(s.items.length).toBe(items); // nothing more goes to the transcript while it streams
    expect(s.live!.plain!.tail.length).toBeLessThanOrEqual(TAIL_MAX);
    expect(s.live!.plain!.tail.endsWith(para(1999))).toBe(true);
    const sent = (n: number) => Array.from({ length: n }, (_, i) => para(i).length).reduce((a, b) => a + b, 0);
    expect(s.live!.plain!.size).toBe(sent(first) + sent(2000));
  });

  it('a large batch of finished paragraphs (a slow machine) stays Markdown: only the unfinished rest counts', () => {
    const s = run(start(), submit(1), delta(1, Array.from({ length: 120 }, (_, i) => para(i)).join('')));
    expect(s.live?.plain).toBeUndefined();
  });

  it('one unfinished block (a huge code block) past LIVE_MAX goes plain too', () => {
    const s = run(start(), submit(1), delta(1, '```\n'), ...Array.from({ length: 70 }, () => delta(1, `${'x'.repeat(999)}\n`)));
    expect(s.live?.plain).toBeDefined();
    expect(s.live!.text).toBe('');
  });

  it('ends with the tail as plain text and a note naming the file; the conversation keeps the Markdown part and says the rest was cut', () => {
    let s = long(run(start(), submit(1)), Math.ceil(PLAIN_AFTER / 1000) + 50);
    s = run(s, { type: 'saved', gen: 1, path: '/h/replies/reply-1.md', failed: false }, { type: 'finish', gen: 1, stopReason: 'end', now: 9 });
    const [tail, note] = s.items.slice(-2);
    expect(tail).toMatchObject({ kind: 'assistant', plain: true });
    expect((tail as { text: string }).text.split('\n').length).toBeLessThanOrEqual(21);
    expect(note).toMatchObject({ kind: 'info', tone: 'info' });
    const said = (note as { text: (m: typeof en) => string }).text(en);
    expect(said).toContain('/h/replies/reply-1.md');
    const sent = s.conversation.at(-1)!.content;
    expect(sent.length).toBeLessThan(PLAIN_AFTER + 2000);
    expect(sent.endsWith(`\n\n${CUT_NOTE}`)).toBe(true);
  });

  it('a batch that crosses the limit with the rest of the reply in it (a stalled loop batches a lot): what is sent back is still at most the Markdown part', () => {
    let s = run(start(), submit(1), delta(1, 'start\n\n'), delta(1, 'y'.repeat(PLAIN_AFTER * 2)));
    expect(s.live?.plain).toBeDefined();
    s = run(s, { type: 'finish', gen: 1, stopReason: 'end', now: 9 });
    const sent = s.conversation.at(-1)!.content;
    expect(sent).toBe(`${('start\n\n' + 'y'.repeat(PLAIN_AFTER * 2)).slice(0, PLAIN_AFTER)}\n\n${CUT_NOTE}`);
  });

  it('says when the file could not be written', () => {
    let s = long(run(start(), submit(1)), Math.ceil(PLAIN_AFTER / 1000) + 5);
    s = run(s, { type: 'saved', gen: 1, path: undefined, failed: true }, { type: 'interrupt', gen: 1, now: 9 });
    const note = s.items.at(-1) as { kind: string; tone: string; text: (m: typeof en) => string };
    expect(note.tone).toBe('warn');
    expect(note.text(en)).toContain('could not be saved');
    expect(s.items.at(-2)).toMatchObject({ kind: 'assistant', plain: true, status: 'interrupted' });
  });
});
