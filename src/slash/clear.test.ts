import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/clear', () => {
  it('stops a running reply silently, ends the transcript on screen, then empties the conversation', () => {
    const ctx = recordingContext();
    ctx.chat.dispatch({ type: 'submit', gen: 1, text: 'hi', model: 'm', now: 0 });
    expect(ctx.state().conversation).toHaveLength(1);
    ctx.calls.length = 0;
    runSlash('/clear', ctx);
    expect(ctx.calls).toEqual(['chat.cancel', 'clearScreen', 'chat.dispatch clear']);
    expect(ctx.state().conversation).toEqual([]);
    expect(ctx.state().live).toBeUndefined();
  });
});
