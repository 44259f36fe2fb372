// StreamError crosses bundles (the chat's dist/tui.js and the SDK adapters in dist/lazy/ each carry
// a copy of the class), so it is recognised by name and kind, not by class identity.
import { describe, expect, it } from 'vitest';
import { isStreamError, StreamError } from '../../src/runtime/providers/common.js';

describe('isStreamError', () => {
  it('knows a StreamError made by another copy of the class', () => {
    class ForeignStreamError extends Error {
      constructor(readonly kind: 'timeout' | 'stream_cut') {
        super('no data for 1500 ms');
        this.name = 'StreamError';
      }
    }
    expect(isStreamError(new StreamError('stream_cut', 'x'))).toBe(true);
    expect(isStreamError(new ForeignStreamError('timeout'))).toBe(true);
  });

  it('does not take other errors for one', () => {
    expect(isStreamError(new Error('terminated'))).toBe(false);
    expect(isStreamError(Object.assign(new Error('x'), { name: 'StreamError' }))).toBe(false); // no kind
    expect(isStreamError({ name: 'StreamError', kind: 'timeout' })).toBe(false); // not an Error
    expect(isStreamError(undefined)).toBe(false);
  });
});
