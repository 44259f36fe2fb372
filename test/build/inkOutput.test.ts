// The build patches Ink's Output.get() (scripts/inkOutput.mjs): rows stay lazy, a row one write
// reaches is built from its line alone (printable ASCII directly, anything else through the
// original cells, remembered across frames). The patched copy must return exactly the original's
// frame for any writes, clips and transformers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: a plain .mjs module without types
import { ROOT, patchSource } from '../../scripts/buildOptions.mjs';
// @ts-expect-error: a plain .mjs module without types
import { INK_OUTPUT_PATCH } from '../../scripts/inkOutput.mjs';

type Transformer = (line: string, index: number) => string;
interface OutputLike {
  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void;
  clip(clip: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
}
type OutputClass = new (o: { width: number; height: number }) => OutputLike;

const buildDir = join(ROOT as string, 'node_modules', 'ink', 'build');
const written: string[] = [];
let Original: OutputClass;
let Patched: OutputClass;

beforeAll(async () => {
  // Copies beside the original (its imports resolve to the same modules); the tests' load hook
  // patches only build/output.js itself, so the copies are the original and the patch alone.
  const source = readFileSync(join(buildDir, 'output.js'), 'utf8');
  const original = join(buildDir, `.output-original-${process.pid}.js`);
  const patched = join(buildDir, `.output-patched-${process.pid}.js`);
  writeFileSync(original, source);
  writeFileSync(patched, patchSource(source, INK_OUTPUT_PATCH.steps, patched));
  written.push(original, patched);
  Original = ((await import(pathToFileURL(original).href)) as { default: OutputClass }).default;
  Patched = ((await import(pathToFileURL(patched).href)) as { default: OutputClass }).default;
});
afterAll(() => {
  for (const f of written) rmSync(f, { force: true });
});

const E = '\x1b[';
const PIECES = [
  'plain words here',
  '',
  '  indented',
  'trailing spaces   ',
  `${E}1mbold${E}22m then plain`,
  `${E}2mdim ${E}1mboth${E}22m`,
  `${E}31mred ${E}32mgreen${E}39m`,
  `${E}1m${E}31mopen to the end`,
  `${E}48;5;17m background ${E}49m`,
  `${E}44m   ${E}49m`,
  '中文 テスト 한국어',
  `${E}36m中文${E}39m x`,
  '👍🏽 e\u0301 ❤️',
  '› ready · ● LiteLLM ─── ✓ …',
  'tab\there',
  `\x1b]8;;https://example.com\x07link\x1b]8;;\x07`,
];
const TRANSFORMERS: Transformer[] = [
  (l) => `${E}33m${l}${E}39m`,
  (l, i) => (i === 0 ? `> ${l}` : l),
  (l) => l.toUpperCase(),
];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the Ink Output patch', () => {
  it('returns exactly the original frame for random writes, clips, styles, wide characters and transformers', () => {
    const r = rng(20);
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    for (let frame = 0; frame < 3000; frame++) {
      const width = int(0, 30);
      const height = int(0, 8);
      const a = new Original({ width, height });
      const b = new Patched({ width, height });
      const ops = int(0, 6);
      let open = 0;
      for (let k = 0; k < ops; k++) {
        const kind = r();
        if (kind < 0.12) {
          const clip = r() < 0.5 ? { x1: int(-2, width), x2: int(0, width + 2) } : r() < 0.5 ? { y1: int(-1, height), y2: int(0, height + 1) } : { x1: int(0, width), x2: int(0, width + 2), y1: int(0, height), y2: int(0, height + 1) };
          a.clip(clip);
          b.clip(clip);
          open++;
        } else if (kind < 0.18 && open > 0) {
          a.unclip();
          b.unclip();
          open--;
        } else {
          const text = Array.from({ length: int(1, 3) }, () => pick(PIECES)).join(r() < 0.7 ? '\n' : ' ');
          const transformers = r() < 0.25 ? [pick(TRANSFORMERS)] : [];
          const x = r() < 0.1 ? int(-3, -1) : int(0, width + 3);
          const y = int(-2, height + 1);
          a.write(x, y, text, { transformers });
          b.write(x, y, text, { transformers });
        }
      }
      const want = a.get();
      expect(b.get(), JSON.stringify({ frame, width, height })).toEqual(want);
      // Again: the rows remembered from the first call give the same text.
      expect(b.get()).toEqual(want);
    }
  });

  it('a streaming frame: the live rows under a status bar, the same as the original', () => {
    const a = new Original({ width: 80, height: 6 });
    const b = new Patched({ width: 80, height: 6 });
    for (const o of [a, b]) {
      o.write(2, 0, `The ${E}1mlive${E}22m reply, line one\nline two with \`code\``, { transformers: [] });
      o.write(0, 3, '› Send a message', { transformers: [] });
      o.write(0, 5, `${E}2mLiteLLM 127.0.0.1:4000${E}22m · streaming`, { transformers: [] });
      o.write(60, 5, `${E}32m●${E}39m 12 tok/s`, { transformers: [] });
    }
    expect(b.get()).toEqual(a.get());
  });
});
