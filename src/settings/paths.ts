import { join } from 'node:path';
import { profileEnvPath } from '../config/profiles.js';
import { openworkHome } from './home.js';

export { openworkHome };

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
