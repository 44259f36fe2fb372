import { homedir } from 'node:os';
import { join } from 'node:path';
import { profileEnvPath } from '../config/profiles.js';

/** Where openwork-tui keeps its files: $OPENWORK_HOME, or ~/.openwork. */
export function openworkHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.OPENWORK_HOME?.trim();
  return fromEnv ? fromEnv : join(homedir(), '.openwork');
}

export interface Paths {
  home: string;
  envFile: string;
  logsDir: string;
  logFile: string;
  prefsDir: string;
}

/** `profile`: --profile NAME, whose settings are $OPENWORK_HOME/profiles/NAME.env instead of .env. */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env, profile?: string): Paths {
  const home = openworkHome(env);
  const logsDir = join(home, 'logs');
  return {
    home,
    envFile: profileEnvPath(home, profile),
    logsDir,
    logFile: join(logsDir, 'openwork-tui.log'),
    prefsDir: home,
  };
}
