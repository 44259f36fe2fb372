import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/new (and /clear)', () => {
  it.each(['/new', '/clear'])('%s stops a reply silently, erases the screen, empties the conversation and starts a new saved session', (typed) => {
    const ctx = recordingContext();
    ctx.chat.dispatch({ type: 'submit', gen: 1, text: 'hi', model: 'm', now: 0 });
    ctx.calls.length = 0;
    runSlash(typed, ctx);
    expect(ctx.calls).toEqual(['chat.cancel', 'clearScreen', 'chat.dispatch clear', 'sessions.newSession', 'say']);
    expect(ctx.state().conversation).toEqual([]);
    expect(ctx.said).toEqual(['New session — the previous one is saved (/resume brings it back)']);
  });
});
