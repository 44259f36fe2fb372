import { describe, expect, it } from 'vitest';
import {
  backspace,
  bufferFrom,
  deleteForward,
  deleteWordBack,
  insertText,
  killToLineEnd,
  killToLineStart,
  moveDown,
  moveLeft,
  moveLineEnd,
  moveLineStart,
  moveRight,
  moveUp,
  moveWordLeft,
  moveWordRight,
  nextBoundary,
  prevBoundary,
  type PromptBuffer,
} from '../../src/state/promptBuffer.js';

const at = (text: string, cursor: number): PromptBuffer => ({ text, cursor });
const repeat = (b: PromptBuffer, f: (b: PromptBuffer) => PromptBuffer, n: number): PromptBuffer =>
  Array.from({ length: n }).reduce<PromptBuffer>((acc) => f(acc), b);
const isLoneSurrogate = (s: string): boolean => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('prompt buffer', () => {
  it('inserts at the caret', () => {
    expect(insertText(at('ac', 1), 'b')).toEqual(at('abc', 2));
  });

  it('moves over a surrogate pair as one character', () => {
    const b = bufferFrom('a😀'); // 😀 is two UTF-16 units
    expect(moveLeft(b)).toEqual(at('a😀', 1));
    expect(moveRight(at('a😀', 1))).toEqual(at('a😀', 3));
  });

  it('backspace and delete never split a surrogate pair', () => {
    expect(backspace(bufferFrom('x😀'))).toEqual(at('x', 1));
    expect(deleteForward(at('😀y', 0))).toEqual(at('y', 0));
    let b = bufferFrom('a😀b🎉c');
    while (b.text) {
      b = backspace(b);
      expect(isLoneSurrogate(b.text)).toBe(false);
    }
  });

  it('treats emoji sequences, flags and combining marks as one grapheme', () => {
    for (const g of ['👨‍👩‍👧', '🇯🇵', 'é', '👍🏽']) {
      const b = bufferFrom(`a${g}`);
      expect(moveLeft(b).cursor).toBe(1);
      expect(backspace(b).text).toBe('a');
    }
  });

  it('edits CJK text by character', () => {
    let b = bufferFrom('你好世界');
    b = moveLeft(moveLeft(b));
    expect(b.cursor).toBe(2);
    b = insertText(b, '，');
    expect(b.text).toBe('你好，世界');
    b = backspace(backspace(b));
    expect(b).toEqual(at('你世界', 1));
    expect(deleteForward(b)).toEqual(at('你界', 1));
  });

  it('finds boundaries far from the start of a long text', () => {
    const text = `${'x'.repeat(1000)}😀`;
    expect(prevBoundary(text, text.length)).toBe(1000);
    expect(nextBoundary(text, 1000)).toBe(1002);
  });

  it('home/end and kill work on the current line', () => {
    const b = at('one\ntwo three\nfour', 8); // caret after "two "
    expect(moveLineStart(b).cursor).toBe(4);
    expect(moveLineEnd(b).cursor).toBe(13);
    expect(killToLineStart(b)).toEqual(at('one\nthree\nfour', 4));
    expect(killToLineEnd(b)).toEqual(at('one\ntwo \nfour', 8));
    // At a line boundary they join lines.
    expect(killToLineStart(at('a\nb', 2))).toEqual(at('ab', 1));
    expect(killToLineEnd(at('a\nb', 1))).toEqual(at('ab', 1));
  });

  it('deletes and moves by word', () => {
    expect(deleteWordBack(bufferFrom('hello big world  '))).toEqual(at('hello big ', 10));
    expect(deleteWordBack(bufferFrom('说 你好'))).toEqual(at('说 ', 2));
    expect(moveWordLeft(bufferFrom('ab cd')).cursor).toBe(3);
    expect(moveWordRight(at('ab cd', 0)).cursor).toBe(2);
    expect(moveWordRight(at('ab cd', 2)).cursor).toBe(5);
  });

  it('moves up and down between lines keeping the column in characters', () => {
    const b = at('中文字\nab', 9); // end of "ab" (col 2)
    const up = moveUp(b);
    expect(up).toEqual(at('中文字\nab', 2));
    expect(moveUp(up as PromptBuffer)).toBeUndefined();
    expect(moveDown(up as PromptBuffer)).toEqual(at('中文字\nab', 6));
    expect(moveDown(at('a\nlong line', 1))).toEqual(at('a\nlong line', 3));
    expect(moveDown(b)).toBeUndefined();
  });

  it('stays put at the edges', () => {
    expect(moveLeft(at('a', 0))).toEqual(at('a', 0));
    expect(moveRight(at('a', 1))).toEqual(at('a', 1));
    expect(backspace(at('a', 0))).toEqual(at('a', 0));
    expect(deleteForward(at('a', 1))).toEqual(at('a', 1));
    expect(repeat(bufferFrom('ab'), moveLeft, 5).cursor).toBe(0);
  });
});
