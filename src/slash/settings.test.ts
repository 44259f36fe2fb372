import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/settings', () => {
  it('opens the settings screen', () => {
    const ctx = recordingContext();
    expect(runSlash('/settings', ctx)).toBe(true);
    expect(ctx.calls).toEqual(['open settings']);
  });
});
