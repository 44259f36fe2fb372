// Third-party code (the SDKs' deprecation notices, for one) writes with console.*; while the TUI
// owns the terminal, and for headless output that must stay clean, those lines go to the log.
import type { Logger } from './logger.js';

export function routeConsoleToLog(logger: Logger): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const fmt = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
  console.log = console.info = (...a: unknown[]) => logger.info(`[console] ${fmt(a)}`);
  console.warn = (...a: unknown[]) => logger.warn(`[console] ${fmt(a)}`);
  console.error = (...a: unknown[]) => logger.error(`[console] ${fmt(a)}`);
  console.debug = (...a: unknown[]) => logger.debug(`[console] ${fmt(a)}`);
  return () => Object.assign(console, saved);
}
