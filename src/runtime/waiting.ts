// Bounds on waiting before a request: the address probe's limit, and a wait the user can cut short.

/**
 * The address probe's limit: short, so that a health endpoint that hangs costs little of a request's
 * OPENWORK_TIMEOUT_MS (a quarter at most); a proxy answers /health/liveliness at once.
 */
export const probeLimitMs = (timeoutMs: number): number => Math.max(100, Math.min(1000, Math.floor(timeoutMs / 4)));

/**
 * What a request is given of OPENWORK_TIMEOUT_MS (one deadline per send): the limit less the time
 * the send already spent detecting or probing the address, so it stops when the live line's
 * 'waiting N s of LIMIT s' says. Never under a quarter of it (the probe's own share; a slow key
 * helper must not leave the request a sliver).
 */
export const requestLimitMs = (timeoutMs: number, spentMs: number): number => Math.max(Math.ceil(timeoutMs / 4), Math.round(timeoutMs - Math.max(0, spentMs)), 1);

/** AbortSignal.timeout's error (a probe that got no answer in time). */
export const isTimeoutError = (err: unknown): boolean => err instanceof Error && err.name === 'TimeoutError';

/** Resolves when `p` does, or when `signal` aborts (then false): waiting is never longer than the user wants. */
export function unlessAborted(p: Promise<unknown>, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(false);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve(!signal.aborted);
      },
      (err) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
