// The tests run the dependency code that ships: vitest's workers load Ink and string-width with the
// build's patches applied (scripts/testPatches.mjs, the same table and function as the build).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
// @ts-expect-error: a plain .mjs module without types
import { ROOT } from '../../scripts/buildOptions.mjs';

const load = async (rel: string) => ((await import(pathToFileURL(join(ROOT as string, 'node_modules', rel)).href)) as { default: (...a: unknown[]) => unknown }).default;

describe('the tests load patched dependencies', () => {
  it("string-width is the patched copy (its unit-by-unit path), and so is wrap-ansi's nested one", async () => {
    expect(String(stringWidth)).toContain('oneUnitClusters');
    expect(String(await load('wrap-ansi/node_modules/string-width/index.js'))).toContain('originalStringWidth');
  });

  it("Ink's memo of measured text is bounded, and its log-update has the scrollback patch", async () => {
    expect(String(await load('ink/build/measure-text.js'))).toContain('cache.clear()');
    const logUpdate = (await import(pathToFileURL(join(ROOT as string, 'node_modules/ink/build/log-update.js')).href)) as { default: { create: (s: NodeJS.WritableStream) => { reflowClear?: unknown } } };
    const sink = { write: () => true } as unknown as NodeJS.WritableStream;
    expect(typeof logUpdate.default.create(sink).reflowClear).toBe('function');
  });

  it("Ink's memos are bounded by characters too: 100 transcript-sized texts (400,000 characters) empty them", async () => {
    const measureText = (await load('ink/build/measure-text.js')) as (t: string) => { width: number; height: number };
    const first = `first ${'x'.repeat(4000)}`;
    const dims = measureText(first);
    expect(measureText(first)).toBe(dims); // memoised: the same object
    for (let i = 0; i < 100; i++) measureText(`${i} ${'y'.repeat(4000)}`); // far fewer entries than the count bound (2,000)
    expect(measureText(first)).not.toBe(dims); // measured afresh: the memo was emptied
    expect(measureText(first)).toEqual(dims);
    expect(String(await load('ink/build/wrap-text.js'))).toMatch(/cacheChars > 256000/);
  });
});
