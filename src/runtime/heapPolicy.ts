// How much memory the chat lets V8 keep beyond what it uses: two caps, each a V8 flag, both set
// once the chat has started and connected (the young generation has reached its start-up size).
//
// The young generation: V8 doubles it (up to 2 × 16 MB on 64-bit) each time as many bytes have
// survived its collections as it holds. A chat streams, so it grew from the 8 MB it has once started
// to 16 MB by the 3rd reply and 32 MB by the 15th, and never gave it back (not even on a full or
// memory-reducing collection): 25 MB of a long chat's resident size. --semi-space-growth-factor=1
// stops that growth where it is.
//
// The old generation: each request carries the whole conversation, serialised by the SDK: by the
// 1,000th message ~1 MB of JSON text and again as bytes, garbage a moment later, all of it in the
// old generation. V8 lets it grow to 1.1–4× what survived the last full collection before it
// collects again; --heap-growing-percent caps that growth at 30% (bench long: 121 → 112 MB after
// 1,000 messages, peak 127 → 117 MB; streaming CPU within the row's noise, 1,649–1,946 vs 1,727 ms).
//
// A flag set at run time has a second cost: V8's flag hash changes, so Node compiles every built-in
// module loaded afterwards without its code cache (node:https, node:tls and zlib: ~14 ms instead of
// ~5). So neither is set before the chat has started and connected: the young generation reaches
// its start-up size after the first listing, when those modules are loaded. Only the interactive
// chat does this: `-p` is short.

/** V8 majors known to have both flags (an unknown flag is reported on stderr, over the screen). */
const KNOWN_V8 = { min: 8, max: 13 };
export const HEAP_GROWING_PERCENT = 30;
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
  youngBytes?: number;
  everyMs?: number;
  /** The young generation's committed size; undefined until node:v8 is loaded. */
  young?: () => number | undefined;
  setFlags?: (flags: string) => void;
}

type V8 = typeof import('node:v8');

/**
 * Checks the young generation's size every `everyMs` (an unref'd timer: it never keeps the process
 * alive) and sets both caps once, when it first reaches `youngBytes`. Returns a function that stops
 * checking.
 */
export function capHeapGrowthWhenGrown(opts: HeapWatchOptions = {}): () => void {
  const version = opts.v8Version ?? process.versions.v8;
  const flags = [youngGrowthFlag(version), heapGrowingFlag(version)].filter((f) => f !== undefined);
  if (flags.length === 0) return () => {};
  // node:v8 is loaded once the chat is up (the first tick), not with its first frame.
  let v8: V8 | undefined;
  if (!opts.young || !opts.setFlags) void import('node:v8').then((m) => (v8 = m));
  const young = opts.young ?? (() => v8?.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size);
  const setFlags = opts.setFlags ?? ((f: string) => v8?.setFlagsFromString(f));
  const timer = setInterval(() => {
    if (!v8 && (!opts.young || !opts.setFlags)) return; // node:v8 not loaded yet
    if ((young() ?? 0) < (opts.youngBytes ?? YOUNG_BYTES)) return;
    clearInterval(timer);
    for (const f of flags) setFlags(f);
  }, opts.everyMs ?? 250);
  timer.unref();
  return () => clearInterval(timer);
}
