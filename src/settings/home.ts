import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where openwork-tui keeps its files: $OPENWORK_HOME, or ~/.openwork. */
export function openworkHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.OPENWORK_HOME?.trim();
  return fromEnv ? fromEnv : join(homedir(), '.openwork');
}
