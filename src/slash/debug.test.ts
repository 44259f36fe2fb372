import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/debug', () => {
  it('toggles the request log', () => {
    const ctx = recordingContext();
    runSlash('/debug', ctx);
    runSlash('/debug', ctx);
    expect(ctx.calls).toEqual(['toggleRequestLog', 'toggleRequestLog']);
  });
});
