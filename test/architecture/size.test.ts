// Small files: no source file in src/ is over 300 lines, the two catalogs excepted (they are words,
// one line a message). A file that grows past it is split by concern (service.ts
// → binding.ts, chatRun.ts, serviceContext.ts; app.tsx → the screens' controllers in state/).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSources } from '../helpers/layers.js';

const MAX_LINES = 300;
const CATALOGS = /^src[\\/]i18n[\\/](en|zh-CN)\.ts$/;

/** Source files over MAX_LINES lines (catalogs excepted), with their line counts. */
function oversized(sources: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [path, text] of sources) {
    if (CATALOGS.test(path)) continue;
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > MAX_LINES) out.push(`${path.split('\\').join('/')}: ${lines} lines`);
  }
  return out.sort();
}

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('file size', () => {
  it(`no source file in src/ is over ${MAX_LINES} lines (the catalogs excepted)`, () => {
    const sources = readSources(root);
    expect(sources.size).toBeGreaterThan(50);
    expect(oversized(sources)).toEqual([]);
  });

  it('fails on a file one line over, and not on the catalogs or a file at the limit (probe)', () => {
    const lines = (n: number) => 'x\n'.repeat(n);
    const probe = new Map([
      ['src/runtime/big.ts', lines(MAX_LINES + 1)],
      ['src/runtime/atLimit.ts', lines(MAX_LINES)],
      ['src/state/noNewline.ts', `${lines(MAX_LINES)}y`],
      ['src/i18n/en.ts', lines(900)],
      ['src/i18n/zh-CN.ts', lines(900)],
      ['src/i18n/connection.ts', lines(MAX_LINES + 5)],
    ]);
    expect(oversized(probe)).toEqual([`src/i18n/connection.ts: ${MAX_LINES + 5} lines`, `src/runtime/big.ts: ${MAX_LINES + 1} lines`, `src/state/noNewline.ts: ${MAX_LINES + 1} lines`]);
  });
});
