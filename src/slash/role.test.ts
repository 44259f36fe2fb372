import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/role', () => {
  it('bare: opens the role picker', () => {
    const ctx = recordingContext();
    runSlash('/role', ctx);
    expect(ctx.calls).toEqual(['open roles']);
  });

  it('with a name: uses that role', () => {
    const ctx = recordingContext();
    runSlash('/role reviewer', ctx);
    expect(ctx.calls).toEqual(['system.applyRole reviewer']);
  });
});
