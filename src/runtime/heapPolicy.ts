// How much garbage the chat lets V8 keep before a full collection.
//
// Each request carries the whole conversation, serialised by the SDK: by the 1,000th message that
// is ~1 MB of JSON text and again as bytes, garbage a moment later, all of it in the old generation
// (large strings and buffers are allocated there). V8 lets the old generation grow to 1.1–4× what
// survived the last full collection before it collects again, so a long chat (a ~30 MB live heap)
// sat at 190–215 MB resident. Capping the growth at 30% keeps it at ~135–145 MB; full collections
// come more often (incremental and concurrent).
//
// The cap is a V8 flag set at run time, which has a second cost: V8's flag hash changes, so Node
// compiles every built-in module loaded afterwards without its code cache (node:https, node:tls
// and zlib: ~14 ms instead of ~5). So the chat sets it only once it has grown past
// GROWN_BYTES — a short session never does, and a long one has long loaded what it chats with.
// Only the interactive chat does this: a `-p` run is short.

/** V8 majors known to have --heap-growing-percent (an unknown flag is reported on stderr, over the screen). */
const KNOWN_V8 = { min: 8, max: 13 };
export const HEAP_GROWING_PERCENT = 30;
/** Resident size past which the cap is set (the chat starts at ~90 MB). */
export const GROWN_BYTES = 120e6;

/** The V8 flag to set for `v8Version` (process.versions.v8), or undefined when it is not known to exist there. */
export function heapGrowingFlag(v8Version: string): string | undefined {
  const major = Number.parseInt(v8Version, 10);
  if (!(major >= KNOWN_V8.min && major <= KNOWN_V8.max)) return undefined;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

export interface HeapWatchOptions {
  v8Version?: string;
  grownBytes?: number;
  everyMs?: number;
  rss?: () => number;
  setFlags?: (flags: string) => void;
}

/**
 * Checks the resident size every `everyMs` (an unref'd timer: it never keeps the process alive)
 * and sets the cap once, when it first passes `grownBytes`. Returns a function that stops checking.
 */
export function capHeapGrowthWhenGrown(opts: HeapWatchOptions = {}): () => void {
  const flag = heapGrowingFlag(opts.v8Version ?? process.versions.v8);
  if (!flag) return () => {};
  const grown = opts.grownBytes ?? GROWN_BYTES;
  const rss = opts.rss ?? (() => process.memoryUsage.rss());
  const setFlags = opts.setFlags ?? ((f: string) => void import('node:v8').then((v8) => v8.setFlagsFromString(f)));
  const timer = setInterval(() => {
    if (rss() < grown) return;
    clearInterval(timer);
    setFlags(flag);
  }, opts.everyMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}
