import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { BOLD, DIM, ITALIC, lineWidth, seg, textWidth, toSgr, truncateLine } from '../../src/render/ansi.js';

describe('textWidth', () => {
  it('agrees with string-width on the characters it counts itself', () => {
    const ranges: Array<[number, number]> = [
      [0x20, 0x7e],
      [0xa0, 0x2ff],
      [0x2010, 0x2027],
      [0x2500, 0x259f],
      [0x25e6, 0x25e6],
    ];
    for (const [lo, hi] of ranges) {
      for (let c = lo; c <= hi; c++) {
        const ch = String.fromCharCode(c);
        expect(textWidth(ch), `U+${c.toString(16)}`).toBe(stringWidth(ch));
      }
    }
  });

  it('falls back to string-width for wide and zero-width text', () => {
    for (const s of ['名前', '🎉', '👍🏽', '👨‍👩‍👧', 'e\u0301', 'a\u200bb', 'ｶﾞ', '\u00ad']) {
      expect(textWidth(s)).toBe(stringWidth(s));
    }
  });
});

describe('toSgr', () => {
  it('switches attributes off with their own codes and re-applies what stays on', () => {
    expect(toSgr([seg('a', DIM | BOLD), seg('b', DIM), seg('c', DIM | ITALIC, 33), seg('d')])).toBe(
      '\u001b[1;2ma\u001b[22;2mb\u001b[3;33mc\u001b[22;23;39md',
    );
  });
});

describe('truncateLine', () => {
  it('cuts at grapheme boundaries and adds …', () => {
    const line = [seg('ab', BOLD), seg('名前👨‍👩‍👧x')];
    expect(truncateLine(line, 10)).toBe(line);
    for (let max = 0; max <= 9; max++) {
      const cut = truncateLine(line, max);
      expect(lineWidth(cut)).toBeLessThanOrEqual(max);
      const text = cut.map((s) => s.t).join('');
      expect('ab名前👨‍👩‍👧x'.startsWith(text.replace(/…$/, ''))).toBe(true);
      expect(text).not.toMatch(/\u200d…|[\ud800-\udbff]…/);
    }
    expect(truncateLine(line, 5).map((s) => s.t)).toEqual(['ab', '名', '…']);
  });
});
