// Detection with a memory (detectionMemory.ts): a run recalls what an earlier one learned about the
// address instead of probing; a probe's answer is remembered; a reply on a recalled answer confirms
// it from its headers, or asks for a probe in the background. The file must never break a request.
import type { ConfigSnapshot, Connection } from './types.js';
import type { Binding } from './binding.js';
import { detectConnection } from './binding.js';
import { initialConnection, kindOf } from './connections/index.js';
import { addressKey, afterStart, type DetectionMemory } from './detectionMemory.js';

/** The detection memory is a file: one that cannot be read or written must not break a request. */
export function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** `b`: recall what an earlier run learned for this binding's address instead of probing (and mark it recalled). */
export async function detectRecalling(config: ConfigSnapshot, fetchImpl: typeof fetch, memory: DetectionMemory | undefined, b?: Binding, probeMs?: number): Promise<Connection> {
  const initial = initialConnection(config);
  if (!config.baseUrl || initial.via === 'override') return initial;
  const known = b && memory ? safely(() => memory.recall(addressKey(config.baseUrl!))) : undefined;
  if (b && known && kindOf(known.kind)?.proxy) {
    b.recalled = known;
    return { ...initial, mode: known.kind as Connection['mode'], via: 'probe', ...(known.version ? { proxyVersion: known.version } : {}) };
  }
  const connection = await detectConnection(config, fetchImpl, b, probeMs);
  if (!connection.unreachable && connection.via !== 'fallback' && memory) {
    safely(() => memory.remember(addressKey(config.baseUrl!), { kind: connection.mode, ...(connection.proxyVersion ? { version: connection.proxyVersion } : {}), at: Date.now() }));
  }
  return connection;
}

/**
 * A reply started on the main route: a recalled answer is confirmed from the reply's headers (or a
 * probe is asked for: true); a probed one learns the version the probe did not say.
 */
export function onReplyStart(b: Binding, serverVersion: string | undefined, memory: DetectionMemory | undefined): boolean {
  if (b.recalled) {
    const known = b.recalled;
    const todo = afterStart(known, serverVersion, !!kindOf(b.connection.mode).repliesNameVersion, Date.now());
    if (todo === 'update') safely(() => memory?.remember(addressKey(b.config.baseUrl!), { kind: known.kind, ...(serverVersion ? { version: serverVersion } : {}), at: Date.now() }));
    b.recalled = todo === 'probe' ? undefined : { ...known, ...(serverVersion ? { version: serverVersion } : {}) };
    return todo === 'probe';
  }
  if (serverVersion && b.connection.via === 'probe' && serverVersion !== b.connection.proxyVersion) {
    // The probe did not say the version and the reply does: keep it with the kind.
    safely(() => memory?.remember(addressKey(b.config.baseUrl!), { kind: b.connection.mode, version: serverVersion, at: Date.now() }));
    b.recalled = { kind: b.connection.mode, version: serverVersion, at: Date.now() };
  }
  return false;
}
