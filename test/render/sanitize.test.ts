import { describe, expect, it } from 'vitest';
import { stripControl } from '../../src/render/sanitize.js';

describe('stripControl', () => {
  it('returns clean text unchanged, CJK and emoji included', () => {
    const s = 'plain text\n\tindented 名前 日本語 🎉 👍🏽 👨‍👩‍👧 é';
    expect(stripControl(s)).toBe(s);
  });

  it.each([
    ['clear screen', 'a\u001b[2Jb', 'ab'],
    ['cursor up', 'a\u001b[10Ab', 'ab'],
    ['cursor position', 'a\u001b[1;1Hb', 'ab'],
    ['private mode (hide cursor)', 'a\u001b[?25lb', 'ab'],
    ['SGR colour', '\u001b[31mred\u001b[0m', 'red'],
    ['window title, BEL-terminated', 'a\u001b]0;title\u0007b', 'ab'],
    ['window title, ST-terminated', 'a\u001b]2;title\u001b\\b', 'ab'],
    ['OSC 8 hyperlink', '\u001b]8;;https://x.y\u0007link\u001b]8;;\u0007', 'link'],
    ['DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['two-byte escape (reset terminal)', 'a\u001bcb', 'ab'],
    ['charset designation', 'a\u001b(Bb', 'ab'],
    ['C1 CSI', 'a\u009b2Jb', 'ab'],
    ['C1 OSC', 'a\u009d0;t\u009cb', 'ab'],
    ['bell', 'ding\u0007', 'ding'],
    ['backspace and delete', 'a\u0008b\u007fc', 'abc'],
    ['NUL and form feed', 'a\u0000b\u000cc', 'abc'],
    ['lone CR', 'progress 10%\rprogress 20%', 'progress 10%progress 20%'],
    ['lone ESC at the end', 'abc\u001b', 'abc'],
  ])('removes %s', (_name, input, expected) => {
    expect(stripControl(input)).toBe(expected);
  });

  it('turns CRLF into LF and keeps \\n and \\t', () => {
    expect(stripControl('a\r\nb\r\n\tc\n')).toBe('a\nb\n\tc\n');
  });

  it('drops an unterminated OSC only up to the end of its line', () => {
    expect(stripControl('a\u001b]0;never ends\nnext line')).toBe('a\nnext line');
    // While streaming, the text renders the same before and after the terminator arrives.
    expect(stripControl('x \u001b]0;tit')).toBe('x ');
    expect(stripControl('x \u001b]0;title\u0007 y')).toBe('x  y');
  });

  it('leaves nothing that could start an escape sequence', () => {
    const nasty = '\u001b[2J\u001b]0;t\u0007\u001b[10A\r\u0007\u009b1m';
    const out = stripControl(`start${nasty}middle${nasty}end 名前\u001b[`);
    expect(out).toBe('startmiddleend 名前');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('strips long runs of escape starts (speed: the bench\'s render row)', () => {
    const input = '\u001b]'.repeat(50_000) + '\u001b['.repeat(50_000) + '\nok';
    expect(stripControl(input)).toBe('\nok');
  });
});

describe('bidirectional controls', () => {
  it('removes embeddings, overrides and isolates that reorder text on screen', () => {
    expect(stripControl('access\u202e\u2066 level\u2069\u202c ok')).toBe('access level ok');
    expect(stripControl('עברית and 中文')).toBe('עברית and 中文');
  });
});
