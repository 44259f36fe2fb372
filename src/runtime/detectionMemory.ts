// What detection learned about an address, kept across runs so that a warm `-p` sends one request
// (the chat) instead of probing first. Only the kind, the version and when: never a key. The runtime
// trusts it until it proves wrong (a 404/405 on the chat path: probe, then send again) and checks
// it after a reply has started: from the reply's own headers when they say (LiteLLM's version),
// else with a probe in the background once the answer is older than REVALIDATE_MS.

export interface Detected {
  /** A proxy kind's id (connections/). */
  kind: string;
  version?: string;
  /** When it was learned (ms since the epoch). */
  at: number;
}

/** Keyed by addressKey(base URL). */
export interface DetectionMemory {
  recall(address: string): Detected | undefined;
  /** `undefined` forgets the address. */
  remember(address: string, detected: Detected | undefined): void;
}

/** After this long a recalled answer the reply could not confirm is probed again (in the background). */
export const REVALIDATE_MS = 24 * 60 * 60 * 1000;

/** An address as a key: without any user:password (the runtime refuses those, but a key must never hold one). */
export function addressKey(baseUrl: string): string {
  try {
    const u = new URL(baseUrl);
    u.username = '';
    u.password = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return baseUrl;
  }
}

/** A chat answer saying the recalled kind was wrong: the path is not there (another kind of server). */
export function provesWrong(status: unknown): boolean {
  return status === 404 || status === 405;
}

/**
 * After a reply started on a recalled answer: what to do. `serverVersion` is what the reply's
 * headers said (x-litellm-version), `expectsVersion` whether the kind always says it.
 */
export function afterStart(known: Detected, serverVersion: string | undefined, expectsVersion: boolean, now: number): 'keep' | 'update' | 'probe' {
  if (expectsVersion) {
    if (!serverVersion) return 'probe'; // a LiteLLM reply names its version: this server may be another
    if (serverVersion !== known.version) return 'update';
    return now - known.at > REVALIDATE_MS ? 'update' : 'keep';
  }
  return now - known.at > REVALIDATE_MS ? 'probe' : 'keep';
}
