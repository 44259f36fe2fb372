// The chat caps V8's old-generation growth (src/runtime/heapPolicy.ts) with a V8 flag set at run
// time, once the process has grown. V8 reports a flag it does not know on stderr — over the chat's
// screen — so the flag is only set on V8 majors known to have it, and must be accepted silently by
// this Node's V8.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { capHeapGrowthWhenGrown, heapGrowingFlag, HEAP_GROWING_PERCENT } from '../../src/runtime/heapPolicy.js';

const setFlag = (flag: string) =>
  spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString(process.argv[1]); process.stdout.write('set')", '--', flag], { encoding: 'utf8' });

describe('heap policy', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for the capped growth on the V8 majors known to have the flag', () => {
    expect(heapGrowingFlag('11.3.244.8-node.33')).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowingFlag('12.4.254.21-node.33')).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowingFlag('99.0.0')).toBeUndefined();
    expect(heapGrowingFlag('7.8.279.23')).toBeUndefined();
    expect(heapGrowingFlag('')).toBeUndefined();
  });

  it.skipIf(heapGrowingFlag(process.versions.v8) === undefined)("this Node's V8 takes the flag without a word on stderr (an unknown flag would print one)", () => {
    const ok = setFlag(heapGrowingFlag(process.versions.v8)!);
    expect(ok.stdout).toBe('set');
    expect(ok.stderr).toBe('');
    const unknown = setFlag('--heap-growing-percentage-of-nothing=30');
    expect(unknown.stderr).toMatch(/unrecognized flag/);
  });

  it('sets the cap once, only after the process has grown past the threshold', () => {
    vi.useFakeTimers();
    let rss = 90e6;
    const set: string[] = [];
    const stop = capHeapGrowthWhenGrown({ v8Version: '11.3.244.8', grownBytes: 140e6, everyMs: 1000, rss: () => rss, setFlags: (f) => set.push(f) });
    vi.advanceTimersByTime(10_000);
    expect(set).toEqual([]); // a short session never changes V8's flags
    rss = 150e6;
    vi.advanceTimersByTime(999);
    expect(set).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    rss = 300e6;
    vi.advanceTimersByTime(10_000);
    expect(set).toHaveLength(1);
    stop();
  });

  it('does nothing on a V8 without the flag, and stops checking when told', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    capHeapGrowthWhenGrown({ v8Version: '99.1', grownBytes: 0, everyMs: 5, setFlags: (f) => set.push(f) });
    const stop = capHeapGrowthWhenGrown({ v8Version: '11.3', grownBytes: 0, everyMs: 5, rss: () => 1, setFlags: (f) => set.push(f) });
    stop();
    vi.advanceTimersByTime(1000);
    expect(set).toEqual([]);
  });
});
