// The build patches ansi-tokenize, which Ink uses to turn each line of a frame into cells and back
// (scripts/buildOptions.mjs): styledCharsToString skips the style diff between neighbours that carry
// the same codes, and tokenize walks lines whose code points never join a neighbour unit by unit
// instead of through Intl.Segmenter. The patched copies must give exactly the original's results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// @ts-expect-error: a plain .mjs module without types
import { ANSI_TOKENIZE_PATCH, ANSI_TOKENIZE_SEGMENT_PATCH, ONE_UNIT_CLUSTERS, ROOT, patchSource } from '../../scripts/buildOptions.mjs';

type Code = { type: 'ansi'; code: string; endCode: string };
type Char = { type: 'char'; value: string; fullWidth: boolean; styles: Code[] };
type Tokenizer = {
  tokenize: (s: string, endChar?: number) => unknown[];
  styledCharsFromTokens: (t: unknown[]) => Char[];
  styledCharsToString: (c: Char[]) => string;
};
type Patch = { steps: { find: string; replace: string }[] };

// The copy installed for Ink (the patches apply to whichever copy esbuild loads).
const buildDir = join(ROOT as string, 'node_modules', '@alcalzone', 'ansi-tokenize', 'build');
const written: string[] = [];

/** The patched file, written beside the original so its relative imports resolve to the same modules. */
async function patched(file: string, patch: Patch): Promise<Tokenizer> {
  const path = join(buildDir, file);
  const original = readFileSync(path, 'utf8');
  const source = patchSource(original, patch.steps, path) as string;
  expect(source).not.toBe(original);
  const copy = join(buildDir, `.${file.replace(/\.js$/, '')}-patched-${process.pid}.js`);
  writeFileSync(copy, source);
  written.push(copy);
  return (await import(pathToFileURL(copy).href)) as Tokenizer;
}

let real: Tokenizer;
beforeAll(async () => {
  // The original: a copy of the build folder beside it (the tests' load hook patches the files
  // themselves, scripts/testPatches.mjs, as the build does).
  const original = join(buildDir, '..', `.original-${process.pid}`);
  cpSync(buildDir, original, { recursive: true });
  written.push(original);
  real = (await import(pathToFileURL(join(original, 'index.js')).href)) as Tokenizer;
});
afterAll(() => {
  for (const f of written) rmSync(f, { recursive: true, force: true });
});

const E = '\x1b[';
const lines = [
  'plain text with no styles at all',
  '',
  `${E}1mbold${E}22m then plain`,
  `${E}2mdim ${E}1mdim+bold${E}22m plain`,
  `${E}31mred ${E}32mgreen ${E}39mdefault`,
  `${E}1m${E}31mbold red${E}0m reset`,
  `${E}38;5;208morange 256${E}39m ${E}48;2;10;20;30mtruecolour bg${E}49m`,
  `${E}4munder${E}24m ${E}7minverse${E}27m ${E}9mstrike${E}29m ${E}3mitalic${E}23m`,
  `${E}90m› ${E}39mready · ${E}32m●${E}39m LiteLLM 127.0.0.1:3000 ─── ✓ ✗ … → ▶`,
  `${E}36m中文${E}39m テスト ${E}1m한국어${E}22m`,
  '👍🏽 👨‍👩‍👧 🇨🇳 1️⃣ e\u0301 ❤️ ✈️ ✔️',
  `\x1b]8;;https://example.com\x07link\x1b]8;;\x07 after`,
  `${E}1mbold to the end`,
  `${E}31m${E}31mrepeated code${E}39m`,
  'tab\there, cr\rthere, crlf\r\nthere, lf\nthere',
  'café naïve ÿ ĳ ǅ ʰ ˈstress',
];

describe('the ansi-tokenize build patches', () => {
  it('styledCharsToString: the patched copy returns exactly the original string', async () => {
    const { styledCharsToString } = await patched('styledChars.js', ANSI_TOKENIZE_PATCH);
    const cells: Char[][] = [];
    for (const s of lines) {
      const chars = real.styledCharsFromTokens(real.tokenize(s));
      cells.push(chars);
      // As Ink lays them out: padded with unstyled cells, wide characters followed by an empty cell
      // sharing their styles.
      const padded: Char[] = [{ type: 'char', value: ' ', fullWidth: false, styles: [] }];
      for (const c of chars) {
        padded.push(c);
        if (c.fullWidth) padded.push({ type: 'char', value: '', fullWidth: false, styles: c.styles });
      }
      for (let k = 0; k < 5; k++) padded.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
      cells.push(padded);
    }
    // Random lines mixing the cells of all the above, so styled runs meet in every combination.
    const pool = cells.flat();
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) cells.push(Array.from({ length: 1 + Math.floor(rand() * 40) }, () => pool[Math.floor(rand() * pool.length)]!));
    cells.push([]);
    for (const line of cells) expect(styledCharsToString(line)).toBe(real.styledCharsToString(line));
  });

  it('styledCharsFromTokens: the patched copy returns the same cells (sharing the codes of a run), and they print the same', async () => {
    const { styledCharsFromTokens, styledCharsToString } = await patched('styledChars.js', ANSI_TOKENIZE_PATCH);
    for (const s of lines) {
      const mine = styledCharsFromTokens(real.tokenize(s));
      const theirs = real.styledCharsFromTokens(real.tokenize(s));
      expect(mine, JSON.stringify(s)).toEqual(theirs);
      // The fields are named rather than spread from the token: the same ones, in the same order.
      expect(mine.map((c) => Object.keys(c))).toEqual(theirs.map((c) => Object.keys(c)));
      expect(styledCharsToString(mine)).toBe(real.styledCharsToString(theirs));
    }
    // One array per run of equal styles, not one per cell.
    const run = styledCharsFromTokens(real.tokenize('\x1b[1mbold\x1b[22m'));
    expect(run[0]!.styles).toBe(run[3]!.styles);
  });

  it('tokenize: the patched copy returns exactly the original tokens', async () => {
    const { tokenize } = await patched('tokenize.js', ANSI_TOKENIZE_SEGMENT_PATCH);
    for (const s of lines) {
      expect(tokenize(s), JSON.stringify(s)).toEqual(real.tokenize(s));
      expect(tokenize(s, 5), JSON.stringify(s)).toEqual(real.tokenize(s, 5));
    }
  });

  it('every code point the fast path takes is a grapheme cluster of its own beside any other', () => {
    const oneUnit = new RegExp(ONE_UNIT_CLUSTERS);
    const points: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) if (oneUnit.test(String.fromCharCode(cp))) points.push(String.fromCharCode(cp));
    expect(points.length).toBeGreaterThan(1000);
    expect(oneUnit.test('\u0301')).toBe(false); // combining acute
    expect(oneUnit.test('\u200d')).toBe(false); // zero-width joiner
    expect(oneUnit.test('\ufe0f')).toBe(false); // variation selector 16
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // For each code point a, one string holding a before and after every code point b from a on:
    // every ordered pair once.
    for (const [i, a] of points.entries()) {
      let s = '';
      for (const b of points.slice(i)) {
        if ((a === '\r' && b === '\n') || (a === '\n' && b === '\r')) continue; // CR LF is excluded by the patch
        s += a + b;
      }
      s += a;
      let count = 0;
      for (const { segment } of segmenter.segment(s)) {
        if (segment.length !== 1) throw new Error(`${JSON.stringify(segment)} is one cluster`);
        count++;
      }
      expect(count).toBe(s.length);
    }
  }, 180_000); // every ordered pair of ~1,500 code points: seconds alone, a minute on a loaded machine
});
