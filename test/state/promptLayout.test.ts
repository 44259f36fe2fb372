import { describe, expect, it } from 'vitest';
import { layoutPrompt, visibleWindow } from '../../src/state/promptLayout.js';

describe('prompt layout', () => {
  it('places the caret after ASCII text', () => {
    expect(layoutPrompt('hello', 5, 20)).toEqual({ rows: ['hello'], caret: { row: 0, col: 5 } });
    expect(layoutPrompt('hello', 2, 20).caret).toEqual({ row: 0, col: 2 });
  });

  it('counts CJK and emoji as two cells', () => {
    expect(layoutPrompt('你好a', 2, 20).caret).toEqual({ row: 0, col: 4 });
    expect(layoutPrompt('😀x', 2, 20).caret).toEqual({ row: 0, col: 2 });
  });

  it('wraps by cells without splitting a wide character', () => {
    const l = layoutPrompt('abc你好', 4, 4); // "abc" + 你 would need 5 cells
    expect(l.rows).toEqual(['abc', '你好']);
    expect(l.caret).toEqual({ row: 1, col: 2 });
    // The caret before 你 goes with it to the next row.
    expect(layoutPrompt('abc你好', 3, 4).caret).toEqual({ row: 1, col: 0 });
  });

  it('puts a caret after a full row at the start of a new row', () => {
    const l = layoutPrompt('abcd', 4, 4);
    expect(l.rows).toEqual(['abcd', '']);
    expect(l.caret).toEqual({ row: 1, col: 0 });
  });

  it('handles newlines', () => {
    const l = layoutPrompt('ab\ncd\n', 6, 10);
    expect(l.rows).toEqual(['ab', 'cd', '']);
    expect(l.caret).toEqual({ row: 2, col: 0 });
    expect(layoutPrompt('ab\ncd', 3, 10).caret).toEqual({ row: 1, col: 0 });
    expect(layoutPrompt('ab\ncd', 2, 10).caret).toEqual({ row: 0, col: 2 });
  });

  it('scrolls a tall prompt to keep the caret visible', () => {
    expect(visibleWindow(3, 2, 5)).toEqual({ start: 0, end: 3 });
    expect(visibleWindow(10, 9, 4)).toEqual({ start: 6, end: 10 });
    expect(visibleWindow(10, 0, 4)).toEqual({ start: 0, end: 4 });
    expect(visibleWindow(10, 5, 4)).toEqual({ start: 2, end: 6 });
  });
});
