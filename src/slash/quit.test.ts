import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/quit', () => {
  it('quits, also as /exit', () => {
    const ctx = recordingContext();
    runSlash('/quit', ctx);
    runSlash('/exit', ctx);
    expect(ctx.calls).toEqual(['quit', 'quit']);
  });
});
