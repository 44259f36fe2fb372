// How a RuntimeService is made (the TUI, the headless commands and the tests each make one).
import type { Logger } from './logger.js';
import type { ParamMemory } from './optionalParams.js';
import type { DetectionMemory } from './detectionMemory.js';

export interface RuntimeOptions {
  envPath: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** Watch .env and swap clients live (the TUI); headless commands leave it off. */
  watch?: boolean;
  /**
   * Wait for start() (or the first request) to probe the address, and for start() to watch .env:
   * keeps the first frame fast. start() reads the file again, so an edit in between is not lost.
   */
  deferStart?: boolean;
  debounceMs?: number;
  fetch?: typeof fetch;
  /** A command-line run (-p, models): error hints name flags, not the chat's keys. */
  headless?: boolean;
  /** Where optional parameters a proxy refused are kept across runs (preferences); this run remembers them anyway. */
  paramMemory?: ParamMemory;
  /** What detection learned per address, kept across runs ($OPENWORK_HOME/detected.json): a warm run sends no probe. */
  detectionMemory?: DetectionMemory;
  /** The address probe's limit (default: waiting.ts probeLimitMs). Tests whose subject is the probe's answer give it room on a loaded machine. */
  probeLimitMs?: number;
}
