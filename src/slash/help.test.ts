import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/help', () => {
  it('adds the help card to the transcript', () => {
    const ctx = recordingContext();
    runSlash('/help', ctx);
    expect(ctx.state().items.at(-1)).toMatchObject({ kind: 'help' });
  });
});
