// How much garbage the chat lets V8 keep before a full collection.
//
// Each request carries the whole conversation, serialised by the SDK: by the 1,000th message that
// is ~1 MB of JSON text and again as bytes, garbage a moment later, all of it in the old generation
// (large strings and buffers are allocated there). V8 lets the old generation grow to 1.1–4× what
// survived the last full collection before it collects again, so a long chat (a ~30 MB live heap)
// sat at 190–215 MB resident. Capping the growth at 30% keeps it at ~135–145 MB; full collections
// come more often (incremental and concurrent): in `npm run bench` the TUI streaming row's CPU rose
// ~5% (2.25× → 2.4× the plain script), echo latency did not move. Only the interactive chat does
// this: a `-p` run is short.

/** V8 majors known to have --heap-growing-percent (an unknown flag is reported on stderr, over the screen). */
const KNOWN_V8 = { min: 8, max: 13 };
export const HEAP_GROWING_PERCENT = 30;

/** The V8 flag to set for `v8Version` (process.versions.v8), or undefined when it is not known to exist there. */
export function heapGrowingFlag(v8Version: string): string | undefined {
  const major = Number.parseInt(v8Version, 10);
  if (!(major >= KNOWN_V8.min && major <= KNOWN_V8.max)) return undefined;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/** Applies the policy to this process (after the first frame: loading node:v8 is not free). */
export async function preferSmallHeap(v8Version = process.versions.v8): Promise<boolean> {
  const flag = heapGrowingFlag(v8Version);
  if (!flag) return false;
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString(flag);
  return true;
}
