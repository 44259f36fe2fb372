// Connection profiles in the chat: which one is active (known from the runtime's .env path), the
// list in $OPENWORK_HOME/profiles, and a live switch (the runtime reads, watches and connects to the
// other file; the settings screen then edits it; the model choice follows its saved one).
import { useCallback, useMemo, useRef } from 'react';
import type { Runtime } from '../runtime/types.js';
import type { LazyText } from '../i18n/index.js';
import { join } from 'node:path';
import { homeOf, listProfiles, PROFILES_DIR, profileEnvPath, profileOf } from '../config/profiles.js';
import { EnvReadError } from '../runtime/loadConfig.js';
import { envReadWords } from '../config/readWords.js';

export interface ProfileControls {
  /** The active profile; undefined: the default .env. */
  active(): string | undefined;
  /** The profiles there are now (read when asked: a file added meanwhile counts). */
  list(): string[];
  /** Switch to a profile (undefined: the default .env); says the outcome in the transcript. */
  switchTo(name: string | undefined): void;
  /** The next one in the order default, then the profiles by name (the profile key). */
  next(): void;
  /** Where profiles are kept ($OPENWORK_HOME/profiles). */
  dir(): string;
}

export function useProfiles(p: { runtime: Runtime; envPath: string; info(text: LazyText): void; warn(text: LazyText): void }): ProfileControls {
  const latest = useRef(p);
  latest.current = p;
  const active = useCallback(() => profileOf(latest.current.envPath), []);
  const list = useCallback(() => listProfiles(homeOf(latest.current.envPath)), []);
  const dir = useCallback(() => join(homeOf(latest.current.envPath), PROFILES_DIR), []);
  const switchTo = useCallback((name: string | undefined) => {
    const { runtime, envPath, info, warn } = latest.current;
    const home = homeOf(envPath);
    const known = listProfiles(home);
    if (name !== undefined && !known.includes(name)) return warn((m) => m.profiles.unknown({ name, known }));
    const path = profileEnvPath(home, name);
    if (!runtime.useEnvFile) return;
    runtime.useEnvFile(path).then(
      () => info((m) => m.profiles.now({ name: name ?? m.profiles.defaultName, path })),
      // An unreadable file (an EnvReadError, worded as at start): nothing changes.
      (err: Error) => warn((m) => (err instanceof EnvReadError ? envReadWords(path, err)(m) : m.notices.cannotRead({ path, error: err.message }))),
    );
  }, []);
  const next = useCallback(() => {
    const all: (string | undefined)[] = [undefined, ...list()];
    const i = all.indexOf(active());
    const to = all[(i + 1) % all.length];
    if (all.length > 1) switchTo(to);
    else latest.current.info((m) => m.profiles.none({ dir: dir() }));
  }, [list, active, switchTo, dir]);
  return useMemo(() => ({ active, list, switchTo, next, dir }), [active, list, switchTo, next, dir]);
}
