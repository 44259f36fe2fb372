import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';
import { scrubSecrets } from '../config/secrets.js';
import { escapeControl } from '../render/sanitize.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  readonly file: string | undefined;
  readonly debugEnabled: boolean;
  readonly debugBodies: boolean;
  /** Turns the request log on or off while the app runs (the TUI's /debug). */
  setDebug(mode: boolean | 'body'): void;
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
  debug(message: string, data?: unknown): void;
  /** Values to scrub from every line (the current keys); replaced on reconfiguration. */
  setSecrets(secrets: readonly (string | undefined)[]): void;
}

export interface LoggerOptions {
  debug?: boolean | 'body';
  now?: () => Date;
  /**
   * --verbose in a headless command: each info/warn/error line of the runtime ("[Runtime] …") is
   * also handed here, scrubbed and with control characters escaped, without the time stamp.
   */
  echo?: (line: string) => void;
}

/** Appends lines to a file (never stdout/stderr: Ink owns the terminal). */
export function createFileLogger(file: string | undefined, opts: LoggerOptions = {}): Logger {
  let secrets: readonly (string | undefined)[] = [];
  let debug: boolean | 'body' = opts.debug ?? false;
  let ready = false;
  const now = opts.now ?? (() => new Date());
  const write = (level: LogLevel, message: string, data?: unknown) => {
    const tail = data === undefined ? '' : ' ' + inspect(data, { depth: 4, breakLength: Infinity });
    if (opts.echo && level !== 'debug' && message.startsWith('[Runtime]')) opts.echo(escapeControl(scrubSecrets(`${message}${tail}`, secrets)));
    if (!file) return;
    const line = `${now().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${tail}`;
    try {
      if (!ready) {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        ready = true;
      }
      // Server text in a line is kept but escaped (\x1b): `logs`, cat and less cannot act on it.
      appendFileSync(file, escapeControl(scrubSecrets(line, secrets)) + '\n', { mode: 0o600 });
    } catch {
      // A log that cannot be written must never break the app.
    }
  };
  return {
    file,
    get debugEnabled() {
      return !!debug;
    },
    get debugBodies() {
      return debug === 'body';
    },
    setDebug: (mode) => {
      debug = mode;
    },
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    debug: (m, d) => {
      if (debug) write('debug', m, d);
    },
    setSecrets: (s) => {
      secrets = s;
    },
  };
}
