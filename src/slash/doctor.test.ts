import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/doctor', () => {
  it('opens the doctor screen', () => {
    const ctx = recordingContext();
    expect(runSlash('/doctor', ctx)).toBe(true);
    expect(ctx.calls).toEqual(['open doctor']);
  });
});
