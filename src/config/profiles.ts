// Named connection profiles: $OPENWORK_HOME/profiles/NAME.env, the same keys as .env (which stays the
// default). A profile is known by its file's place, so everything that holds an .env path (the
// runtime's config, the settings screen) knows its profile without being told.
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const PROFILES_DIR = 'profiles';

/** Letters, digits, dot, dash, underscore; no path parts. */
export function isProfileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name) && name !== 'default';
}

/** The .env file of profile `name` (undefined: the default, $OPENWORK_HOME/.env). */
export function profileEnvPath(home: string, name: string | undefined): string {
  return name === undefined ? join(home, '.env') : join(home, PROFILES_DIR, `${name}.env`);
}

/** The profile an .env path belongs to; undefined for the default .env (or any other file). */
export function profileOf(envPath: string): string | undefined {
  if (basename(dirname(envPath)) !== PROFILES_DIR || !envPath.endsWith('.env')) return undefined;
  const name = basename(envPath, '.env');
  return isProfileName(name) ? name : undefined;
}

/** The profiles in $OPENWORK_HOME/profiles, sorted (none when the folder does not exist). */
export function listProfiles(home: string): string[] {
  try {
    return readdirSync(join(home, PROFILES_DIR))
      .filter((f) => f.endsWith('.env'))
      .map((f) => f.slice(0, -4))
      .filter(isProfileName)
      .sort();
  } catch {
    return [];
  }
}

/** $OPENWORK_HOME from an .env path: the folder of .env, or the one above profiles/. */
export function homeOf(envPath: string): string {
  return profileOf(envPath) ? dirname(dirname(envPath)) : dirname(envPath);
}
