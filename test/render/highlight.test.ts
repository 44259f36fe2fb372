import { describe, expect, it } from 'vitest';
import { plainText, toSgr, type Line } from '../../src/render/ansi.js';
import { highlightCode } from '../../src/render/highlight.js';

const KEYWORD = 35;
const STRING = 32;
const COMMENT = 90;
const NUMBER = 33;
const TYPE = 36;

/** The runs of one colour in a highlighted line. */
const runs = (line: Line | undefined, fg: number): string[] => (line ?? []).filter((s) => s.fg === fg).map((s) => s.t);

const SAMPLES: Record<string, string> = {
  ts: 'const x: number = 0x1f; // c\nlet s = `a\n${x}` + "q\\"q"; /* multi\nline */ fn(1.5);',
  python: 'def f(x):\n    """doc\n    string"""\n    return None if x else 3  # note',
  bash: 'echo "$HOME" a#b # comment\nexport X=${Y:-1}',
  json: '{"key": "value", "n": -1.5e3, "ok": true, "z": null}',
  go: 'func main() {\n    s := `raw\\n`\n    fmt.Println(s, 42, nil)\n}',
  rust: "fn f<'a>(x: &'a str) -> char { let c = 'x'; println!(\"{}\", c); c }",
  diff: '--- a/f\n+++ b/f\n@@ -1 +1 @@\n-old\n+new\n same',
  unknown: 'anything "at" all // here',
};

describe('highlightCode', () => {
  it.each(Object.entries(SAMPLES))('keeps %s text exactly, one styled line per code line', (lang, code) => {
    const lines = highlightCode(code, lang);
    expect(lines.map(plainText)).toEqual(code.split('\n'));
  });

  it('colours keywords, strings, comments, numbers in TypeScript', () => {
    const [first, second, third] = highlightCode(SAMPLES.ts as string, 'ts');
    expect(runs(first, KEYWORD)).toEqual(['const']);
    expect(runs(first, TYPE)).toEqual(['number']);
    expect(runs(first, NUMBER)).toEqual(['0x1f']);
    expect(runs(first, COMMENT)).toEqual(['// c']);
    // A template literal and a block comment span lines; each line is coloured on its own.
    expect(runs(second, STRING)).toEqual(['`a']);
    expect(runs(third, STRING)).toEqual(['${x}`', '"q\\"q"']);
    expect(runs(third, COMMENT)).toEqual(['/* multi']);
    for (const line of highlightCode(SAMPLES.ts as string, 'ts')) {
      const codes = toSgr(line).match(/\u001b\[[0-9;]*m/g) ?? [];
      expect(codes.at(-1)).toBe('\u001b[39m'); // nothing stays on past the end of a line
    }
  });

  it('handles Python triple-quoted strings and # comments', () => {
    const lines = highlightCode(SAMPLES.python as string, 'py');
    expect(runs(lines[1], STRING)).toEqual(['"""doc']);
    expect(runs(lines[2], STRING)).toEqual(['    string"""']);
    expect(runs(lines[3], NUMBER)).toEqual(['None', '3']);
    expect(runs(lines[3], COMMENT)).toEqual(['# note']);
  });

  it('treats # as a shell comment only at a word start, and colours variables', () => {
    const [first, second] = highlightCode(SAMPLES.bash as string, 'sh');
    expect(runs(first, COMMENT)).toEqual(['# comment']);
    expect(runs(first, STRING)).toEqual(['"$HOME"']);
    expect(runs(second, TYPE)).toEqual(['${Y:-1}']);
    expect(runs(second, KEYWORD)).toEqual(['export']);
  });

  it('tells JSON keys from values', () => {
    const [line] = highlightCode(SAMPLES.json as string, 'json');
    expect(runs(line, TYPE)).toEqual(['"key"', '"n"', '"ok"', '"z"']);
    expect(runs(line, STRING)).toEqual(['"value"']);
    expect(runs(line, NUMBER)).toEqual(['1.5e3', 'true', 'null']);
  });

  it('tells Rust lifetimes from char literals', () => {
    const [line] = highlightCode(SAMPLES.rust as string, 'rust');
    expect(runs(line, STRING)).toEqual(["'x'", '"{}"']);
  });

  it('colours diffs by line', () => {
    const lines = highlightCode(SAMPLES.diff as string, 'diff');
    expect(lines.map((l) => l[0]?.fg ?? 0)).toEqual([0, 0, TYPE, 31, STRING, 0]);
  });

  it('leaves unknown languages plain', () => {
    expect(highlightCode(SAMPLES.unknown as string, 'cobol').flat().every((s) => s.fg === 0 && s.f === 0)).toBe(true);
  });

  it('keeps every character of unterminated strings and comments (speed: the bench\'s render row)', () => {
    const code = '"'.repeat(20_000) + '/*'.repeat(20_000) + "'".repeat(20_000);
    for (const lang of ['ts', 'python', 'bash', 'json', 'go', 'rust']) {
      const text = highlightCode(code, lang).map((l) => l.map((s) => s.t).join('')).join('\n');
      expect(text).toBe(code);
    }
  });
});
