import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeOf, isProfileName, listProfiles, profileEnvPath, profileOf } from '../../src/config/profiles.js';
import { modelKey } from '../../src/runtime/describe.js';
import { tempHome, type TempHome } from '../helpers/home.js';

let home: TempHome | undefined;
afterEach(() => home?.cleanup());

describe('profiles', () => {
  it('names: letters, digits, . - _; no paths, not "default"', () => {
    expect(['b', 'team-a', 'prod_2', 'x.y'].every(isProfileName)).toBe(true);
    expect(['', '../x', 'a/b', '.hidden', 'default', 'a b'].some(isProfileName)).toBe(false);
  });

  it('a profile is known from its file: profiles/NAME.env; the default .env is none; home is found from either', () => {
    expect(profileEnvPath('/h', 'b')).toBe('/h/profiles/b.env');
    expect(profileEnvPath('/h', undefined)).toBe('/h/.env');
    expect(profileOf('/h/profiles/b.env')).toBe('b');
    expect(profileOf('/h/.env')).toBeUndefined();
    expect(homeOf('/h/profiles/b.env')).toBe('/h');
    expect(homeOf('/h/.env')).toBe('/h');
  });

  it('the chosen model is kept per profile, even for the same proxy', () => {
    const base = { baseUrl: 'http://127.0.0.1:4000' };
    expect(modelKey({ ...base, envPath: '/h/.env' })).toBe('proxy http://127.0.0.1:4000');
    expect(modelKey({ ...base, envPath: '/h/profiles/b.env' })).toBe('profile b proxy http://127.0.0.1:4000');
  });

  it('lists NAME.env files, sorted, skipping other files and bad names', () => {
    home = tempHome();
    expect(listProfiles(home.dir)).toEqual([]);
    mkdirSync(join(home.dir, 'profiles'));
    for (const f of ['b.env', 'a.env', 'notes.txt', '.x.env']) writeFileSync(join(home.dir, 'profiles', f), '');
    expect(listProfiles(home.dir)).toEqual(['a', 'b']);
  });
});
