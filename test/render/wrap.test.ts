import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BOLD, ITALIC, plainText, seg, type Line } from '../../src/render/ansi.js';
import { hardWrap, wrapLine } from '../../src/render/wrap.js';

const texts = (lines: Line[]): string[] => lines.map(plainText);
const segmenter = new Intl.Segmenter();
const graphemes = (s: string): string[] => Array.from(segmenter.segment(s), (g) => g.segment);

describe('wrapLine', () => {
  it('returns the line itself when it fits', () => {
    const line = [seg('short '), seg('line', BOLD)];
    const out = wrapLine(line, 20, 20);
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(line);
  });

  it('uses the first width for the first line and the rest width after it', () => {
    expect(texts(wrapLine([seg('aaa bbb ccc ddd eee')], 3, 7))).toEqual(['aaa', 'bbb ccc', 'ddd eee']);
  });

  it('keeps styles across a break and lets a word span styled segments', () => {
    const out = wrapLine([seg('plain '), seg('bold', BOLD), seg('tail more ', 0), seg('it al', ITALIC)], 12, 12);
    expect(texts(out)).toEqual(['plain', 'boldtail', 'more it al']);
    expect(out[1]).toEqual([seg('bold', BOLD), seg('tail', 0)]);
    expect(out[2]).toEqual([seg('more ', 0), seg('it al', ITALIC)]);
  });

  it('keeps leading spaces on the first line only, and drops trailing ones', () => {
    expect(texts(wrapLine([seg('  ab cd  ')], 5, 5))).toEqual(['  ab', 'cd']);
    expect(texts(wrapLine([seg('   ')], 5, 5))).toEqual(['']);
    expect(wrapLine([], 5, 5)).toEqual([[]]);
  });

  it('places a grapheme wider than the line on a line of its own', () => {
    expect(texts(wrapLine([seg('中文字')], 1, 1))).toEqual(['中', '文', '字']);
    expect(texts(wrapLine([seg('a🎉b')], 1, 1))).toEqual(['a', '🎉', 'b']);
  });

  it('does not break before combining marks, joiners or variation selectors after CJK', () => {
    // か + combining dakuten (U+3099) is one grapheme; 〽 + VS16 too.
    const text = 'かか\u3099か〽\ufe0fか';
    for (let width = 1; width <= 12; width++) {
      const out = texts(wrapLine([seg(text)], width, width));
      expect(out.join('')).toBe(text);
      for (const l of out) expect(graphemes(l).join('')).toBe(l);
      expect(out.flatMap(graphemes)).toEqual(graphemes(text));
    }
  });

  it('holds its invariants on random styled text (seeded)', () => {
    let seed = 3;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const atoms = [
      'word', 'a', 'longerwordhere', ' ', ' ', '  ', '中', '文', '。', '「', '」', 'かな', '👍🏽', '👨‍👩‍👧', '🇯🇵',
      'é', 'e\u0301', 'Кириллица', '—', '→', '한국어', 'https://example.com/path', '，', '!', '(', ')',
    ];
    for (let n = 0; n < 400; n++) {
      const line: Line = [];
      for (let k = 0; k < 1 + Math.floor(random() * 6); k++) {
        let t = '';
        for (let m = 0; m < Math.floor(random() * 12); m++) t += atoms[Math.floor(random() * atoms.length)];
        line.push(seg(t, Math.floor(random() * 4), 0));
      }
      const width = 1 + Math.floor(random() * 30);
      const source = plainText(line);
      const out = wrapLine(line, width, width);
      const lines = texts(out);
      for (const l of lines) {
        if (stringWidth(l) > width) expect(graphemes(l), `${width}: ${JSON.stringify(l)}`).toHaveLength(1);
        expect(l).not.toMatch(/ $/);
      }
      for (const l of lines.slice(1)) expect(l).not.toMatch(/^ /);
      // Only spaces are lost, and only at breaks; graphemes are never split.
      expect(lines.join('').replace(/ /g, '')).toBe(source.replace(/ /g, ''));
      expect(lines.flatMap((l) => graphemes(l.replace(/ /g, '')))).toEqual(graphemes(source.replace(/ /g, '')));
      // Each character keeps its segment's style.
      const style = (l: Line): string => l.map((x) => x.t.replace(/[^ ]/gu, String(x.f)).replace(/ /g, '')).join('');
      expect(out.map(style).join('')).toBe(style(line));
    }
  });
});

describe('hardWrap', () => {
  it('breaks anywhere, keeping every character including spaces', () => {
    expect(texts(hardWrap([seg('abc def ghi')], 4))).toEqual(['abc ', 'def ', 'ghi']);
    expect(texts(hardWrap([seg('  x = 1'), seg(' // 日本語', ITALIC)], 6))).toEqual(['  x = ', '1 // ', '日本語']);
  });

  it('returns the line itself when it fits', () => {
    const line = [seg('fits')];
    expect(hardWrap(line, 4)[0]).toBe(line);
  });

  it('never splits an emoji sequence', () => {
    const text = '👨‍👩‍👧👍🏽🇯🇵'.repeat(3);
    for (let width = 1; width <= 8; width++) {
      const out = texts(hardWrap([seg(text)], width));
      expect(out.flatMap(graphemes)).toEqual(graphemes(text));
      for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(Math.max(width, 2));
    }
  });
});
