import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { fitWidth, hardWrap, tailLines } from '../../src/state/fitLines.js';

describe('fitting lines', () => {
  it('leaves short lines alone', () => {
    expect(hardWrap('short', 10)).toEqual(['short']);
  });

  it('wraps by cells, keeping wide characters whole', () => {
    const out = hardWrap('一二三四五六', 5);
    expect(out).toEqual(['一二', '三四', '五六']);
    for (const l of out) expect(stringWidth(l)).toBeLessThanOrEqual(5);
  });

  it('does not count colour codes as width', () => {
    const out = hardWrap('\x1b[31mabcdef\x1b[39m', 3);
    expect(out.map((l) => stringWidth(l))).toEqual([3, 3]);
  });

  it('keeps the tail that fits, with a marker row', () => {
    const lines = fitWidth(['a', 'b', 'c', 'd', 'e'], 10);
    expect(tailLines(lines, 10)).toEqual({ lines, hidden: 0 });
    expect(tailLines(lines, 3)).toEqual({ lines: ['d', 'e'], hidden: 3 });
  });
});
