import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/system', () => {
  it('bare: says there is none, then shows the one set, with its role', () => {
    const ctx = recordingContext();
    runSlash('/system', ctx);
    expect(ctx.said).toEqual(['No system prompt. /system TEXT sets one; /role picks a role.']);
    ctx.chat.dispatch({ type: 'system', system: 'You review code.\x1b]52;c;eA==\x07', role: 'reviewer' });
    runSlash('/system', ctx);
    expect(ctx.said.at(-1)).toBe('System prompt (role reviewer):\nYou review code.'); // the escape sequence is not shown
  });

  it('TEXT sets it (the role goes); clear removes it', () => {
    const ctx = recordingContext();
    ctx.chat.dispatch({ type: 'system', system: 'old', role: 'reviewer' });
    runSlash('/system Answer in French.', ctx);
    expect(ctx.state()).toMatchObject({ system: 'Answer in French.', role: undefined });
    expect(ctx.said.at(-1)).toMatch(/^System prompt set \(17 characters\)/);
    runSlash('/system clear', ctx);
    expect(ctx.state()).toMatchObject({ system: undefined, role: undefined });
    expect(ctx.calls.filter((c) => c.startsWith('system.set'))).toEqual(['system.set Answer in French.', 'system.set (none)']);
  });
});
