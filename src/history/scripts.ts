// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) and
// Korean (whose words carry their particles): a word inside a run of them is no token of the
// unicode61 index, so messages holding them are indexed by trigrams too (schema v3).

/** The code point ranges, as [from, to]. */
const RANGES: readonly [number, number][] = [
  [0x0e00, 0x0eff], // Thai, Lao
  [0x1000, 0x109f], // Myanmar
  [0x1100, 0x11ff], // Hangul Jamo
  [0x1780, 0x17ff], // Khmer
  [0x3005, 0x3007], // 々〆〇
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3100, 0x318f], // Bopomofo, Hangul compatibility Jamo
  [0x31f0, 0x31ff], // Katakana extensions
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff66, 0xff9f], // half-width Katakana
  [0x20000, 0x3134f], // CJK extensions B–G
];

const hex = (n: number) => `\\u{${n.toString(16)}}`;
const UNSPACED = new RegExp(`[${RANGES.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`, 'u');

/** Whether `text` holds a character of a script written without spaces between words. */
export function hasUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

/** Terminal columns of a code point: 2 for the wide scripts above (Thai, Lao, Khmer, Myanmar are 1). */
export function cellWidth(cp: number): number {
  return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
}

/**
 * The characters of those scripts as the single-character index of schema v4 takes them: each one a
 * token (its code point in base 36, plain ASCII for the 'ascii' tokenizer), and "x" wherever a run of
 * them ends (a space, a comma, Latin between), so two characters are adjacent tokens only when
 * adjacent in the text. Other text is left out: the word and trigram indexes have it.
 */
export function unspacedUnits(text: string): string {
  const out: string[] = [];
  for (const ch of text) {
    if (UNSPACED.test(ch)) out.push(ch.codePointAt(0)!.toString(36));
    else if (out.length > 0 && out[out.length - 1] !== 'x') out.push('x');
  }
  return out.join(' ');
}

/** A word of those characters alone as a phrase of that index (undefined when it holds others). */
export function unitsPhrase(word: string): string | undefined {
  const units: string[] = [];
  for (const ch of word) {
    if (!UNSPACED.test(ch)) return undefined;
    units.push(ch.codePointAt(0)!.toString(36));
  }
  return units.length > 0 ? `"${units.join(' ')}"` : undefined;
}
