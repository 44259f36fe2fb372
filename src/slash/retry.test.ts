import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

const answer = (ctx: ReturnType<typeof recordingContext>, gen: number, text: string) => {
  ctx.chat.dispatch({ type: 'delta', gen, text, chunks: 1, now: 2, split: (t) => ({ done: '', rest: t }) });
  ctx.chat.dispatch({ type: 'finish', gen, stopReason: 'end', now: 3 });
  ctx.chat.stop();
};

describe('/retry', () => {
  it('nothing sent yet: says so, sends nothing', () => {
    const ctx = recordingContext();
    runSlash('/retry', ctx);
    expect(ctx.said).toEqual(['warn: Nothing to send again yet']);
    expect(ctx.calls.some((c) => c.startsWith('chat.send'))).toBe(false);
  });

  it('sends the last prompt again as it was sent (attachments too), to the current model or the one named', () => {
    const ctx = recordingContext('claude-a');
    ctx.chat.dispatch({ type: 'submit', gen: 1, text: 'explain @notes.txt', content: 'explain @notes.txt\n\nFile: notes.txt (3 B)\n```\nabc\n```', model: 'claude-a', now: 1 });
    answer(ctx, 1, 'first answer');
    runSlash('/retry', ctx);
    runSlash('/retry', ctx); // still replying: refused
    expect(ctx.said).toEqual(['warn: Still replying — Esc stops it']);
    ctx.chat.stop();
    runSlash('/retry claude-b', ctx);
    expect(ctx.calls.filter((c) => c.startsWith('chat.send'))).toEqual([
      'chat.send claude-a explain @notes.txt (sends 53 chars)',
      'chat.send claude-b explain @notes.txt (sends 53 chars)',
    ]);
  });
});
