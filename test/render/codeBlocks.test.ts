import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../../src/render/codeBlocks.js';

describe('codeBlocks', () => {
  it('each fenced block exactly as written: indentation inside kept, the fence indent of a list item taken off', () => {
    const md = ['Run this:', '```python', 'def f():', '    return "x" * 200', '```', '', '1. then', '   ~~~sh', '   echo  "a  b"', '   ~~~', 'end'].join('\n');
    expect(codeBlocks(md)).toEqual([
      { lang: 'python', code: 'def f():\n    return "x" * 200' },
      { lang: 'sh', code: 'echo  "a  b"' },
    ]);
  });
  it('a longer fence holds a shorter one; an unterminated block runs to the end', () => {
    expect(codeBlocks('````md\n```js\nx\n```\n````\n```\nlast\n\n')).toEqual([
      { lang: 'md', code: '```js\nx\n```' },
      { lang: '', code: 'last' },
    ]);
  });
  it('none in plain text', () => {
    expect(codeBlocks('no code `here`')).toEqual([]);
  });
});
