import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/resume', () => {
  it('opens the session picker', () => {
    const ctx = recordingContext();
    runSlash('/resume', ctx);
    expect(ctx.calls).toEqual(['open resume']);
  });
});
