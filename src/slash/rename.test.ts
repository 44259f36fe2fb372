import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/rename', () => {
  it('renames the session, spaces collapsed', () => {
    const ctx = recordingContext();
    runSlash('/rename   Trip   to Lisbon ', ctx);
    expect(ctx.calls).toEqual(['sessions.rename Trip to Lisbon', 'say']);
    expect(ctx.said).toEqual(['Session renamed: Trip to Lisbon']);
  });

  it('without a title: says how to use it, renames nothing', () => {
    const ctx = recordingContext();
    runSlash('/rename', ctx);
    expect(ctx.calls).toEqual(['say']);
    expect(ctx.said).toEqual(['warn: Usage: /rename TITLE']);
  });
});
