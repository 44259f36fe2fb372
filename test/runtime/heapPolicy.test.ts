// The chat caps V8's old-generation growth (src/runtime/heapPolicy.ts) with a V8 flag set at run
// time. V8 reports a flag it does not know on stderr — over the chat's screen — so the flag is only
// set on V8 majors known to have it, and must be accepted silently by this Node's V8.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { heapGrowingFlag, HEAP_GROWING_PERCENT } from '../../src/runtime/heapPolicy.js';

const setFlag = (flag: string) =>
  spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString(process.argv[1]); process.stdout.write('set')", '--', flag], { encoding: 'utf8' });

describe('heap policy', () => {
  it('asks for the capped growth on the V8 majors known to have the flag', () => {
    expect(heapGrowingFlag('11.3.244.8-node.33')).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowingFlag('12.4.254.21-node.33')).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowingFlag('99.0.0')).toBeUndefined();
    expect(heapGrowingFlag('7.8.279.23')).toBeUndefined();
    expect(heapGrowingFlag('')).toBeUndefined();
  });

  it("this Node's V8 takes the flag without a word on stderr (an unknown flag would print one)", () => {
    const flag = heapGrowingFlag(process.versions.v8);
    expect(flag).toBeDefined();
    const ok = setFlag(flag!);
    expect(ok.stdout).toBe('set');
    expect(ok.stderr).toBe('');
    const unknown = setFlag('--heap-growing-percentage-of-nothing=30');
    expect(unknown.stderr).toMatch(/unrecognized flag/);
  });
});
