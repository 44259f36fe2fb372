// A connect that never completes (an address that drops packets: a firewall, a VPN-only host) is
// reported at the connect limit, not after the whole first-byte timeout. Node's fetch gives up
// connecting after 10 s (undici's connect timeout; OPENWORK_CONNECT_TIMEOUT_MS sets another, through
// undici's agent: net/fetch.ts); this names that failure, because both SDKs turn any error whose text
// says "timeout" into their own "Request timed out" and drop its cause.
import { findErrorCode, isRec } from '../errorFacts.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../../config/values.js';
/** Our own code for a connection that nothing accepted within the connect limit. */
export const CONNECT_LIMIT = 'ERR_CONNECT_LIMIT';

export interface ConnectLimitError extends Error {
  code: typeof CONNECT_LIMIT;
  connectMs: number;
}

export function connectLimitFetch(base: typeof fetch, limitMs = DEFAULT_CONNECT_TIMEOUT_MS): typeof fetch {
  return async (input, init) => {
    try {
      return await base(input, init);
    } catch (err) {
      if (findErrorCode(err) !== 'UND_ERR_CONNECT_TIMEOUT') throw err;
      const ms = Number(/timeout: (\d+) ?ms/.exec(String(isRec(err) && isRec(err.cause) ? err.cause.message : ''))?.[1]) || limitMs;
      // No cause, and no "timeout" in the text: the SDK must wrap it as a connection error, not a timeout.
      throw Object.assign(new Error(`nothing accepted the connection within ${ms} ms`), { name: 'ConnectLimit', code: CONNECT_LIMIT, connectMs: ms });
    }
  };
}

/** The connect limit a failure ran into, when it did (down the SDK's cause chain). */
export function connectLimitOf(err: unknown): number | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && isRec(e); i++, e = e.cause) if (e.code === CONNECT_LIMIT && typeof e.connectMs === 'number') return e.connectMs;
  return undefined;
}
