import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/export', () => {
  it('writes to the file given, or to the default file', () => {
    const ctx = recordingContext();
    runSlash('/export notes/trip.md', ctx);
    runSlash('/export', ctx);
    expect(ctx.calls).toEqual(['sessions.exportTo notes/trip.md', 'sessions.exportTo (default)']);
  });
});
