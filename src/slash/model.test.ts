import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/model', () => {
  it('bare, opens the picker', () => {
    const ctx = recordingContext();
    expect(runSlash('/model', ctx)).toBe(true);
    expect(ctx.calls).toEqual(['open models']);
  });

  it('with a name, switches to it (trimmed)', () => {
    const ctx = recordingContext();
    runSlash('/model   claude-3-5-haiku  ', ctx);
    expect(ctx.calls).toEqual(['switchModel claude-3-5-haiku']);
  });
});
