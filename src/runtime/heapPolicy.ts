// How much memory the chat lets V8 keep beyond what it uses: two caps, each a V8 flag.
//
// The young generation: V8 doubles it (up to 2 × 16 MB on 64-bit) each time as many bytes have
// survived its collections as it holds. A chat streams, so it grows from the 8 MB it has once
// started to 16 MB by the 3rd reply and 32 MB by the 15th, and never gives it back (not even on a
// full or memory-reducing collection): 25 MB of a long chat's resident size. The chat stops that
// growth (--semi-space-growth-factor=1) once the young generation has reached its start-up size.
//
// The old generation: each request carries the whole conversation, serialised by the SDK: by the
// 1,000th message ~1 MB of JSON text and again as bytes, garbage a moment later, all of it in the
// old generation. V8 lets it grow to 1.1–4× what survived the last full collection before it
// collects again; capping that growth at 30% (--heap-growing-percent) once the chat has grown past
// GROWN_BYTES costs streaming CPU ~5% (full collections come more often).
//
// A flag set at run time has a second cost: V8's flag hash changes, so Node compiles every built-in
// module loaded afterwards without its code cache (node:https, node:tls and zlib: ~14 ms instead of
// ~5). So neither is set before the chat has started and connected (the young generation reaches
// its start-up size after the first listing). Only the interactive chat does this: `-p` is short.

/** V8 majors known to have both flags (an unknown flag is reported on stderr, over the screen). */
const KNOWN_V8 = { min: 8, max: 13 };
export const HEAP_GROWING_PERCENT = 30;
/** Resident size past which the old generation's growth is capped (the chat starts at ~90 MB). */
export const GROWN_BYTES = 120e6;
/** Young-generation size past which it stops growing (V8 11–13 reach 8.4 MB while the chat starts). */
export const YOUNG_BYTES = 8e6;
export const YOUNG_FLAG = '--semi-space-growth-factor=1';

const knownV8 = (v8Version: string): boolean => {
  const major = Number.parseInt(v8Version, 10);
  return major >= KNOWN_V8.min && major <= KNOWN_V8.max;
};

/** The old-generation flag to set for `v8Version` (process.versions.v8), or undefined when it is not known to exist there. */
export function heapGrowingFlag(v8Version: string): string | undefined {
  return knownV8(v8Version) ? `--heap-growing-percent=${HEAP_GROWING_PERCENT}` : undefined;
}

/** The young-generation flag for `v8Version`, or undefined when it is not known to exist there. */
export function youngGrowthFlag(v8Version: string): string | undefined {
  return knownV8(v8Version) ? YOUNG_FLAG : undefined;
}

export interface HeapWatchOptions {
  v8Version?: string;
  grownBytes?: number;
  youngBytes?: number;
  everyMs?: number;
  rss?: () => number;
  /** The young generation's committed size; undefined until node:v8 is loaded. */
  young?: () => number | undefined;
  setFlags?: (flags: string) => void;
}

type V8 = typeof import('node:v8');

/**
 * Checks the resident and young-generation sizes every `everyMs` (an unref'd timer: it never keeps
 * the process alive) and sets each cap once, when its size is first reached. Returns a function
 * that stops checking.
 */
export function capHeapGrowthWhenGrown(opts: HeapWatchOptions = {}): () => void {
  const version = opts.v8Version ?? process.versions.v8;
  const pending = [
    { flag: youngGrowthFlag(version), reached: () => (young() ?? 0) >= (opts.youngBytes ?? YOUNG_BYTES) },
    { flag: heapGrowingFlag(version), reached: () => rss() >= (opts.grownBytes ?? GROWN_BYTES) },
  ].filter((p) => p.flag !== undefined);
  if (pending.length === 0) return () => {};
  // node:v8 is loaded once the chat is up (the first tick), not with its first frame.
  let v8: V8 | undefined;
  if (!opts.young || !opts.setFlags) void import('node:v8').then((m) => (v8 = m));
  const rss = opts.rss ?? (() => process.memoryUsage.rss());
  const young = opts.young ?? (() => v8?.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size);
  const setFlags = opts.setFlags ?? ((f: string) => v8?.setFlagsFromString(f));
  const timer = setInterval(() => {
    if (!v8 && (!opts.young || !opts.setFlags)) return; // node:v8 not loaded yet
    for (const p of pending.filter((q) => q.reached())) {
      setFlags(p.flag!);
      pending.splice(pending.indexOf(p), 1);
    }
    if (pending.length === 0) clearInterval(timer);
  }, opts.everyMs ?? 250);
  timer.unref();
  return () => clearInterval(timer);
}
