// Terminal cells of text, for line wrapping (wrap.ts): grapheme and character widths as
// string-width counts them (cached per code unit where no neighbour can join), and where CJK text
// may break (no break before closing punctuation, none after opening).
import stringWidth from 'string-width';
import { isNarrow } from './ansi.js';

export const graphemes = new Intl.Segmenter();

// Line-break classes of BMP characters: no break before a closing mark, none after an opening one.
const CLOSE = 1;
export const OPEN = 2;
export const PUNCT = new Uint8Array(0x10000);
const CLOSING =
  ')]},.:;!?%…‥、。，．：；？！）］｝」』】〕〉》〗〙〛〞〟”’・ー～〜ゝゞヽヾ々〻' +
  'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ｡｣､･ｰｧｨｩｪｫｬｭｮｯﾞﾟ％';
const OPENING = '([{（［｛「『【〔〈《〖〘〚〝“‘';
for (const ch of CLOSING) PUNCT[ch.charCodeAt(0)] = CLOSE;
for (const ch of OPENING) PUNCT[ch.charCodeAt(0)] = OPEN;

/** Combining marks, joiners, variation selectors, emoji modifiers: part of the grapheme before. */
const EXTEND = /^[\p{M}\p{Cf}\p{Emoji_Modifier}]/u;

/**
 * Code units of the CJK character at i that a line may break before or after (ideographs, kana,
 * CJK punctuation, fullwidth forms): 1, or 2 for a supplementary ideograph; 0 for anything else.
 * Hangul syllables are not among them: Korean puts spaces between words, so it wraps at those.
 * c is the code unit at i, at least 0x2e80.
 */
export function cjkAt(t: string, i: number, c: number): number {
  if (c <= 0xa4cf) {
    // Combining marks inside the CJK blocks belong to the character before them.
    if ((c >= 0x302a && c <= 0x302f) || c === 0x303f || c === 0x3099 || c === 0x309a) return 0;
    return 1;
  }
  if (c >= 0xd840 && c <= 0xd8bf) {
    // U+20000–U+3FFFF: supplementary ideographs, written as a surrogate pair.
    const d = t.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? 2 : 0;
  }
  if (c >= 0xf900 && c <= 0xfaff) return 1; // compatibility ideographs
  if (c >= 0xfe30 && c <= 0xfe4f) return 1; // compatibility forms
  if (c >= 0xff01 && c <= 0xffe6) return 1; // fullwidth and halfwidth forms
  return 0;
}

// Per UTF-16 code unit: 0 = not looked at yet, JOINS when it may form one grapheme with a
// neighbour (marks, joiners, variation selectors, Hangul jamo, surrogates, prepended and spacing
// marks), so text holding one is measured as a whole; else its width + 1 as string-width counts it.
const UNIT = new Uint8Array(0x10000);
export const JOINS = 0xff;
const JOINING = /[\p{M}\p{Cf}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0e33\u0eb3\u0d4e]/u;

export function unitInfo(c: number): number {
  let v = UNIT[c] as number;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = (c >= 0xd800 && c <= 0xdfff) || JOINING.test(ch) ? JOINS : stringWidth(ch) + 1;
    UNIT[c] = v;
  }
  return v;
}

/** Width of a CJK character (cjkAt never returns 1 for a joining one). */
export function charWidth(c: number): number {
  const v = unitInfo(c);
  return v === JOINS ? 2 : v - 1;
}

// Widths of recently seen text that string-width had to measure (emoji, combining marks).
const measured = new Map<string, number>();

export function measure(t: string): number {
  let w = measured.get(t);
  if (w === undefined) {
    w = stringWidth(t);
    if (measured.size >= 1024) measured.clear();
    measured.set(t, w);
  }
  return w;
}

export function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const v = unitInfo(g.charCodeAt(0));
    if (v !== JOINS) return v - 1;
  }
  return measure(g);
}

/** No line break is allowed between the character before i and the one at i. */
export function keepsWithPrevious(t: string, i: number, c: number): boolean {
  if (((PUNCT[c] as number) & CLOSE) !== 0) return true;
  if (c < 0x300) return false;
  if (c >= 0xd800 && c <= 0xdbff) return EXTEND.test(String.fromCodePoint(t.codePointAt(i) as number));
  return unitInfo(c) === JOINS;
}

/** string-width of t, from the per-unit cache when no unit in t joins with another. */
export function widthOf(t: string): number {
  let w = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) w++;
    else {
      const v = unitInfo(c);
      if (v === JOINS) return stringWidth(t);
      w += v - 1;
    }
  }
  return w;
}

export function allNarrow(t: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isNarrow(t.charCodeAt(i))) return false;
  return true;
}
