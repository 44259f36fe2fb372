// The build patches string-width to skip its costly RGI-emoji pattern for clusters that cannot be
// emoji (scripts/buildOptions.mjs). The patched copy must measure every string exactly as the original.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import stringWidth from 'string-width';
// @ts-expect-error: a plain .mjs module without types
import { STRING_WIDTH_PATCH, patchSource } from '../../scripts/buildOptions.mjs';

const samples = [
  'hello', '● LiteLLM 127.0.0.1:3000 · model · key ✓', '› ready', '中文 テスト 한국어', '✔ ✖ ! - ⎿ │ ─ ┼ …',
  '😀', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇨🇳', '🇺🇸🇯🇵', '1️⃣', '#️⃣', '©️', '©', '™', '↔️', '↔', '☝', '☝🏻', '❤️', '❤', '✈️', '✈',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '🧑‍💻', '👁️‍🗨️', 'é', 'e\u0301', '\u200b', 'a\u200db', '⌚', '⭐', '🀄', '🅰️', '🅰', 'ｶﾀｶﾅ', 'ＡＢＣ',
  '\u1100\u1161\u11a8', '🫠', '🫱🏼‍🫲🏿', '🐈‍⬛', '⚠️ warning', 'x\ufe0f', '9\u20e3', '🔟',
];

describe('the string-width build patch', () => {
  it('gives the same width as the original for emoji, symbols, CJK and marks', async () => {
    const original = readFileSync(STRING_WIDTH_PATCH.path, 'utf8');
    const patched = patchSource(original, STRING_WIDTH_PATCH.steps, STRING_WIDTH_PATCH.path);
    expect(patched).not.toBe(original);
    // Load the patched source beside the original so it resolves the same dependencies.
    const dir = mkdtempSync(join(STRING_WIDTH_PATCH.path, '..', '.patched-'));
    try {
      const file = join(dir, 'index.mjs');
      writeFileSync(file, patched);
      const { default: patchedWidth } = (await import(pathToFileURL(file).href)) as { default: (s: string) => number };
      for (const s of samples) expect(patchedWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
      // Every code point of the emoji-heavy planes, one at a time.
      for (let cp = 0x2000; cp < 0x2c00; cp++) expect(patchedWidth(String.fromCodePoint(cp))).toBe(stringWidth(String.fromCodePoint(cp)));
      for (let cp = 0x1f000; cp < 0x1fb00; cp++) expect(patchedWidth(String.fromCodePoint(cp))).toBe(stringWidth(String.fromCodePoint(cp)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
