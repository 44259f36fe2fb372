import { describe, expect, it } from 'vitest';
import { recordingContext, type RecordedContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';
import { waitUntil } from '../../test/helpers/home.js';

/** A context whose conversation holds these replies (each after a prompt). */
function withReplies(...replies: string[]): RecordedContext {
  const ctx = recordingContext();
  ctx.chat.dispatch({ type: 'load', items: [], conversation: replies.flatMap((r, i) => [{ role: 'user' as const, content: `q${i}` }, { role: 'assistant' as const, content: r }]) });
  return ctx;
}

const TWO_BLOCKS = 'First:\n```python\nprint("a")\nprint("b")\n```\nThen:\n```sh\necho hi\n```\n';

describe('/copy', () => {
  it('copies the last reply, or the Nth from the end', () => {
    const ctx = withReplies('one', 'two', 'three');
    runSlash('/copy', ctx);
    runSlash('/copy 3', ctx);
    expect(ctx.copied).toEqual([
      { text: 'three', what: 'the last reply' },
      { text: 'one', what: 'reply 3 from the end' },
    ]);
  });

  it('says so when there is nothing (or not that much) to copy, and copies nothing', () => {
    const ctx = withReplies('only');
    runSlash('/copy 2', ctx);
    runSlash('/copy x', ctx);
    expect(ctx.copied).toEqual([]);
    expect(ctx.said).toEqual(['warn: There is 1 reply; /copy 2 needs 2', 'warn: Use /copy, /copy N (the Nth reply from the end) or /copy code [N]']);
    const empty = recordingContext();
    runSlash('/copy', empty);
    expect(empty.said).toEqual(['warn: No reply to copy yet']);
  });

  it('code: one block is copied as written; several are offered, and /copy code N takes one', async () => {
    const one = withReplies('See:\n```js\nconst x = 1;\n  print(x);\n```');
    runSlash('/copy code', one);
    await waitUntil(() => one.copied.length === 1);
    expect(one.copied).toEqual([{ text: 'const x = 1;\n  print(x);', what: 'code block 1 (js, 2 lines)' }]);

    const two = withReplies(TWO_BLOCKS);
    runSlash('/copy code', two);
    await waitUntil(() => two.said.length === 1);
    expect(two.copied).toEqual([]);
    expect(two.said[0]).toBe('Code blocks in the last reply — /copy code N copies one:\n  1  python, 2 lines: print("a")\n  2  sh, 1 line: echo hi');
    runSlash('/copy code 2', two);
    await waitUntil(() => two.copied.length === 1);
    expect(two.copied[0]).toEqual({ text: 'echo hi', what: 'code block 2 (sh, 1 line)' });
    runSlash('/copy code 3', two);
    await waitUntil(() => two.said.length === 2);
    expect(two.said[1]).toBe('warn: The last reply has 2 code blocks');
  });

  it('code: a reply without code says so', async () => {
    const ctx = withReplies('no code here');
    runSlash('/copy code', ctx);
    await waitUntil(() => ctx.said.length === 1);
    expect(ctx.said).toEqual(['warn: The last reply has no code block']);
  });

  it('Tab completes the word code', async () => {
    const { copy } = await import('./copy.js');
    expect(copy.complete!('c')).toEqual(['code']);
    expect(copy.complete!('1')).toEqual([]);
  });
});
