import { describe, expect, it } from 'vitest';
import { recordingContext } from '../../test/helpers/slashContext.js';
import { runSlash } from '../state/useCommands.js';

describe('/profile', () => {
  it('lists the default and the profiles, the active one in brackets', () => {
    const ctx = recordingContext('m', {}, { names: ['a', 'b'], active: 'b' });
    runSlash('/profile', ctx);
    expect(ctx.said).toEqual(['Profiles: default, a, [b]. /profile NAME switches to one (/profile default: the .env file).']);
  });

  it('with no profiles: says where they go', () => {
    const ctx = recordingContext();
    runSlash('/profile', ctx);
    expect(ctx.said).toEqual(['No profiles yet: each is a NAME.env file in /home/sample/.openwork/profiles, with the same keys as .env.']);
  });

  it('/profile NAME switches; /profile default goes back to .env', () => {
    const ctx = recordingContext('m', {}, { names: ['a'] });
    runSlash('/profile a', ctx);
    runSlash('/profile default', ctx);
    expect(ctx.calls).toEqual(['profiles.switchTo a', 'profiles.switchTo (default)']);
  });
});
