// The chat caps V8's young- and old-generation growth (src/runtime/heapPolicy.ts) with V8 flags set
// at run time, once the process has reached a size. V8 reports a flag it does not know on stderr — over the chat's
// screen — so the flag is only set on V8 majors known to have it, and must be accepted silently by
// this Node's V8.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { capHeapGrowthWhenGrown, heapGrowingFlag, HEAP_GROWING_PERCENT, YOUNG_FLAG, youngGrowthFlag } from '../../src/runtime/heapPolicy.js';

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
    expect(youngGrowthFlag('11.3.244.8-node.33')).toBe(YOUNG_FLAG);
    expect(youngGrowthFlag('13.6.233.10-node.24')).toBe(YOUNG_FLAG);
    expect(youngGrowthFlag('99.0.0')).toBeUndefined();
  });

  it.skipIf(heapGrowingFlag(process.versions.v8) === undefined)("this Node's V8 takes the flag without a word on stderr (an unknown flag would print one)", () => {
    const ok = setFlag(heapGrowingFlag(process.versions.v8)!);
    expect(ok.stdout).toBe('set');
    expect(ok.stderr).toBe('');
    const young = setFlag(youngGrowthFlag(process.versions.v8)!);
    expect(young.stdout).toBe('set');
    expect(young.stderr).toBe('');
    const unknown = setFlag('--heap-growing-percentage-of-nothing=30');
    expect(unknown.stderr).toMatch(/unrecognized flag/);
  });

  it.skipIf(youngGrowthFlag(process.versions.v8) === undefined)('the young-generation flag, set at run time, stops its growth where it is (without it, it grows)', () => {
    // A process that keeps some of what it allocates (as a streaming chat does) grows the young
    // generation; the flag is set after start-up, as the chat sets it.
    const script = `
      const v8 = require('node:v8');
      const young = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
      const keep = [];
      const churn = () => { for (let i = 0; i < 3e5; i++) { keep.push({ a: 'x' + i, b: [i] }); if (keep.length > 50000) keep.splice(0, 25000); } };
      if (process.argv[1]) v8.setFlagsFromString(process.argv[1]);
      const start = young();
      churn();
      process.stdout.write(JSON.stringify({ start, end: young() }));`;
    const run = (flag: string) => JSON.parse(spawnSync(process.execPath, ['-e', script, '--', flag], { encoding: 'utf8' }).stdout) as { start: number; end: number };
    const free = run('');
    const capped = run(youngGrowthFlag(process.versions.v8)!);
    // Its start-up size is one semi-space committed of the two: the first collection commits both.
    expect(capped.end).toBeLessThanOrEqual(2 * capped.start);
    expect(free.end).toBeGreaterThanOrEqual(4 * capped.end);
  }, 120_000);

  it('sets both caps once, when the young generation reaches its start-up size (a short session before that changes no flag)', () => {
    vi.useFakeTimers();
    let young = 4.2e6;
    const set: string[] = [];
    const stop = capHeapGrowthWhenGrown({ v8Version: '11.3.244.8', youngBytes: 8e6, everyMs: 250, young: () => young, setFlags: (f) => set.push(f) });
    vi.advanceTimersByTime(5_000);
    expect(set).toEqual([]);
    young = 8.4e6;
    vi.advanceTimersByTime(249);
    expect(set).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(set).toEqual([YOUNG_FLAG, `--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    young = 16.8e6;
    vi.advanceTimersByTime(5_000);
    expect(set).toHaveLength(2);
    stop();
  });

  it('does nothing on a V8 without the flag, and stops checking when told', () => {
    vi.useFakeTimers();
    const set: string[] = [];
    capHeapGrowthWhenGrown({ v8Version: '99.1', youngBytes: 0, everyMs: 5, young: () => 1, setFlags: (f) => set.push(f) });
    const stop = capHeapGrowthWhenGrown({ v8Version: '11.3', youngBytes: 0, everyMs: 5, young: () => 1, setFlags: (f) => set.push(f) });
    stop();
    vi.advanceTimersByTime(1000);
    expect(set).toEqual([]);
  });
});
