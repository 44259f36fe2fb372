import { describe, expect, it } from 'vitest';
import { escapeControl, safeJson, safeLine, streamSanitizer, stripControl } from '../../src/render/sanitize.js';

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

describe('safeLine', () => {
  it('cleans and keeps the text on one line', () => {
    expect(safeLine('model\u001b]0;t\u0007-\n\tname')).toBe('model- name');
    expect(safeLine('claude-3-5-sonnet')).toBe('claude-3-5-sonnet');
  });
});

describe('escapeControl (the log file)', () => {
  it('writes every control character as a visible escape and keeps the text', () => {
    expect(escapeControl('a\u001b]0;t\u0007b\u009b2J\u202ec\r\nd\te')).toBe('a\\x1b]0;t\\x07b\\x9b2J\\u202ec\\x0d\nd\te');
    expect(escapeControl('plain 名前')).toBe('plain 名前');
  });
});

describe('safeJson', () => {
  it('escapes DEL, C1 and bidi controls and keeps the same JSON value', () => {
    const value = { id: 'a\u009b2J\u202e\u007f\u001b]0;t\u0007' };
    const json = safeJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('streamSanitizer', () => {
  const run = (pieces: string[]) => {
    const s = streamSanitizer();
    return pieces.map((p) => s.write(p)).join('') + s.end();
  };
  it('holds an escape sequence cut between pieces until it ends, so neither half is shown', () => {
    expect(run(['a\u001b', ']0;title\u0007b'])).toBe('ab');
    expect(run(['a\u001b]0;ti', 'tle\u0007b'])).toBe('ab');
    expect(run(['a\u001b]52;c;QQ', '==\u001b', '\\b'])).toBe('ab');
    expect(run(['a\u001b[', '?1049', 'hb'])).toBe('ab');
    expect(run(['a\u009b', '2Jb'])).toBe('ab');
    expect(run(['a\u001b(', 'Bb'])).toBe('ab');
  });
  it('passes clean pieces straight through and drops an unfinished sequence at the end', () => {
    const s = streamSanitizer();
    expect(s.write('hello ')).toBe('hello ');
    expect(s.write('wor\u001b[3')).toBe('wor');
    expect(s.end()).toBe('');
  });
  it('gives every split of a hostile text the same result as cleaning it whole', () => {
    const text = 'x\u001b]0;PWNED\u0007y\u001b]2;t\u001b\\z\u001b[2J\u001b[?1049h\u009b5Aw\u202e.';
    for (let i = 0; i <= text.length; i++) expect(run([text.slice(0, i), text.slice(i)])).toBe(stripControl(text));
  });
});
