// The build patches string-width (scripts/buildOptions.mjs): its costly RGI-emoji pattern is skipped
// for clusters that cannot be emoji, and strings of code points that never join a neighbour are
// measured unit by unit with remembered widths. The patched copy must measure every string exactly
// as the original, with either ambiguous-width option.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
// @ts-expect-error: a plain .mjs module without types
import { ONE_UNIT_CLUSTERS, STRING_WIDTH_7_PATCH, STRING_WIDTH_PATCH, patchSource } from '../../scripts/buildOptions.mjs';

const samples = [
  'hello', '● LiteLLM 127.0.0.1:3000 · model · key ✓', '› ready', '中文 テスト 한국어', '✔ ✖ ! - ⎿ │ ─ ┼ …',
  '😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '🇺🇸🇯🇵', '1️⃣', '#️⃣', '©️', '©', '™', '↔️', '↔', '☝', '☝🏻', '❤️', '❤', '✈️', '✈',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🧑‍💻', '👁️‍🗨️', 'é', 'e\u0301', '\u200b', 'a\u200db', '⌚', '⭐', '🀄', '🅰️', '🅰', 'ｶﾀｶﾅ', 'ＡＢＣ',
  '\u1100\u1161\u11a8', '🫠', '🫱🏼‍🫲🏿', '🐈‍⬛', '⚠️ warning', 'x\ufe0f', '9\u20e3', '🔟',
  // the unit-by-unit path: punctuation, shapes, box drawing, dingbats, Latin, controls, ANSI codes
  '● LiteLLM 127.0.0.1:3000 · claude-sonnet · key ✓        ready', '› Send a message…', '─┼─│ ▶ ◆ ■ → ← ⇒ ‰ ‹ › “quoted”',
  'café naïve ÿ ĳ ǅ ʰ ˈstress ©®±×÷', '\x1b[32m●\x1b[39m LiteLLM · \x1b[2mready\x1b[22m', 'tab\there\r\nline\x07bell\x00nul\x7fdel',
  '☔ ⚡ ✅ ❌ ❓ ➕ ✨ ⌛ ☕ ♈ ⚽', '✔ ✖ ✓ ✗ ❤ ☺ ✂ ✈ ☎', '\u00ad soft hyphen \u00a0 nbsp', '',
];

type Width = (s: string, o?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
type Patch = { path: string; steps: { find: string; replace: string }[] };

/**
 * Checks a patched copy of `patch.path` against the original on every sample and every one-unit
 * code point. Both are loaded from copies beside the file (the tests' load hook patches the file
 * itself: scripts/testPatches.mjs), so they resolve the same dependencies.
 */
async function sameWidths(patch: Patch): Promise<void> {
  const source = readFileSync(patch.path, 'utf8');
  const patched = patchSource(source, patch.steps, patch.path);
  expect(patched).not.toBe(source);
  const dir = mkdtempSync(join(patch.path, '..', '.patched-'));
  try {
    const file = join(dir, 'index.mjs');
    writeFileSync(file, patched);
    const { default: patchedWidth } = (await import(pathToFileURL(file).href)) as { default: Width };
    writeFileSync(join(dir, 'original.mjs'), source);
    const { default: original } = (await import(pathToFileURL(join(dir, 'original.mjs')).href)) as { default: Width };
    expect(String(original)).not.toBe(String(patchedWidth));
    const options = [{}, { ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }, { ambiguousIsNarrow: false, countAnsiEscapeCodes: true }];
    for (const s of samples) for (const o of options) expect(patchedWidth(s, o), `${JSON.stringify(s)} ${JSON.stringify(o)}`).toBe(original(s, o));
    // Every code point the unit-by-unit path takes, alone and in a line, with both ambiguous-width options
    // (the remembered widths are per option: narrow first, then wide, then narrow again).
    const oneUnit = new RegExp(ONE_UNIT_CLUSTERS as string);
    const units: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) if (oneUnit.test(String.fromCharCode(cp))) units.push(String.fromCharCode(cp));
    for (const o of [{}, { ambiguousIsNarrow: false }, {}]) {
      for (const u of units) expect(patchedWidth(u, o), `U+${u.charCodeAt(0).toString(16)} ${JSON.stringify(o)}`).toBe(original(u, o));
      for (let i = 0; i < units.length; i += 40) {
        const line = `a ${units.slice(i, i + 40).join('')} z`;
        expect(patchedWidth(line, o)).toBe(original(line, o));
      }
    }
    // Every code point of the emoji-heavy planes, one at a time.
    for (let cp = 0x2000; cp < 0x2c00; cp++) expect(patchedWidth(String.fromCodePoint(cp))).toBe(original(String.fromCodePoint(cp)));
    for (let cp = 0x1f000; cp < 0x1fb00; cp++) expect(patchedWidth(String.fromCodePoint(cp))).toBe(original(String.fromCodePoint(cp)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the string-width build patch', () => {
  it('gives the same width as the original for emoji, symbols, CJK and marks', async () => {
    await sameWidths(STRING_WIDTH_PATCH as Patch);
    expect(stringWidth('● ready ✓')).toBe(9); // the app's own import (patched in the tests as in the build)
  });

  it('does the same for the copy nested under wrap-ansi (string-width 7)', async () => {
    await sameWidths(STRING_WIDTH_7_PATCH as Patch);
  });
});
