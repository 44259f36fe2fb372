// The key helper's failure, apart from the runner (node:child_process loads only when a helper runs).

export type KeyHelperFailure = 'spawn' | 'exit' | 'timeout' | 'empty' | 'lines';

export class KeyHelperError extends Error {
  constructor(
    readonly command: string,
    readonly reason: KeyHelperFailure,
    /** The exit code or signal, or the time limit in ms. */
    readonly code?: string | number,
  ) {
    super(`OPENWORK_API_KEY_HELPER failed (${reason}${code !== undefined ? ` ${code}` : ''})`);
    this.name = 'KeyHelperError';
  }
}

export function isKeyHelperError(err: unknown): err is KeyHelperError {
  return err instanceof Error && err.name === 'KeyHelperError' && typeof (err as KeyHelperError).reason === 'string';
}
