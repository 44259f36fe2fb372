import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { EnvDocument, type EnvProblem } from '../../src/config/envDocument.js';

// Every fixture is checked against dotenv.parse(), the parser the app really uses.
const FIXTURES: Record<string, string> = {
  'comments and blank lines': '# header\n\nA=1\n  # indented comment\n\n\nB=two\n# footer\n',
  quotes: "S='single value'\nD=\"double value\"\nT=`tick value`\nE=''\nU=\n",
  'hash inside quotes': "H=\"a # b\" # trailing\nI='#x'\nJ=`c#d`\n",
  'inline comments': 'K=value # comment\nL=val#tight\nM=   # only a comment\n',
  export: 'export E=1\nexport  F = "x y" # keep me\nexport=plain\n',
  spacing: 'SP = spaced  \nTAB\t=\ttabbed\n  INDENT=1\nYAML: colon form\n',
  CRLF: '# c\r\nA=1\r\n\r\nB="two words" # c\r\nC=3\r\n',
  'lone CR': 'A=1\rB=2\r',
  'no trailing newline': 'A=1\nB=last',
  BOM: '\uFEFF# bom\nA=1\nB=2\n',
  'BOM on an entry': '\uFEFFA=1\r\nB=2',
  'duplicate keys': 'A=first\nB=1\nA=second # wins\nC=3\nA=third\n',
  'multi-line values': 'M="line1\nline2\n  line3"\nN=after\nQ=\'raw\nsingle\'\nR=`tick\nlines`\n',
  'multi-line CRLF': 'M="one\r\ntwo"\r\nN=after\r\n',
  'escapes in double quotes': 'NL="a\\nb"\nSQ=\'a\\nb\'\nRAW=a\\nb\n',
  'CJK and emoji': 'NAME=中文值 # 注释\nQUOTED="你好 世界"\nEMOJI=🙂\n',
  invalid: 'GOOD=1\nthis is not valid\n=value\nKEY value\nBAD$KEY=2\nOPEN="never\nAFTER=ok\n',
  empty: '',
};

const lines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** The lines that differ between two texts: common prefix and suffix removed. */
function diff(before: string, after: string): { from: number; removed: string[]; added: string[] } {
  const a = lines(before);
  const b = lines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { from: start + 1, removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

const VALUES = [
  'plain',
  'with space',
  'has#hash',
  "it's",
  'say "hi"',
  'back`tick',
  ' leading',
  'trailing ',
  'tab\there',
  '中文 值',
  '',
  'a\\nb',
  'x\\',
  '=eq=',
  'https://user:p@ss@host:4000/v1?x=1&y=2',
  "all'\"`three",
  'two\nlines',
  'crlf\r\ninside',
  'quote " and\nnewline',
];

describe('EnvDocument reads like dotenv', () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`${name}: round-trips byte for byte and matches dotenv.parse`, () => {
      const doc = new EnvDocument(text);
      expect(doc.toString()).toBe(text);
      const expected = parse(text);
      expect(doc.toObject()).toEqual(expected);
      for (const [key, value] of Object.entries(expected)) expect(doc.get(key)).toBe(value);
      expect(doc.get('MISSING')).toBeUndefined();
    });
  }

  it('reads dotenv 17 quirks the same way', () => {
    const quirks = [
      'A=1\nA=2', // the last duplicate wins
      'export\nA=1', // `export` may sit on its own line
      'KEY\n=value', // the `=` may start the next line
      'KEY:\nB=1', // `KEY:` takes the next line as its value
      'A=\n"x"', // a quoted value on the next line belongs to A
      'A="x" junk', // text after a closing quote: the whole thing, quotes included
      "A='a'b'", // outer quotes stripped from an unquoted value
      'A="a\\"b"', // \" is not unescaped
      'A="abc\nB=2', // unterminated quote: literal, and B still parsed
      'A=`x`#c\nB= # c',
    ];
    for (const text of quirks) {
      const doc = new EnvDocument(text);
      expect(doc.toObject(), text).toEqual(parse(text));
      expect(doc.toString()).toBe(text);
    }
  });
});

describe('EnvDocument.set', () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`${name}: changes only the effective line of each key`, () => {
      const original = parse(text);
      for (const entry of new EnvDocument(text).entries()) {
        const doc = new EnvDocument(text);
        const effective = doc.entries().filter((e) => e.key === entry.key).at(-1);
        if (effective !== entry) continue; // an overridden duplicate: never edited
        doc.set(entry.key, 'new value');
        const after = doc.toString();
        expect(parse(after)).toEqual({ ...original, [entry.key]: 'new value' });
        const changed = diff(text, after);
        expect(changed.from).toBe(entry.line);
        expect(changed.removed).toHaveLength(entry.endLine - entry.line + 1);
        expect(changed.added).toHaveLength(1);
        expect(changed.added[0]).toContain('"new value"');
        if (text.startsWith('\uFEFF')) expect(after.startsWith('\uFEFF')).toBe(true);
      }
    });

    it(`${name}: every kind of value reads back exactly through dotenv`, () => {
      const original = parse(text);
      const keys = [...Object.keys(original), 'NEW_KEY'];
      for (const key of keys) {
        for (const value of VALUES) {
          const doc = new EnvDocument(text);
          doc.set(key, value);
          expect(parse(doc.toString()), `${key}=${JSON.stringify(value)}`).toEqual({ ...original, [key]: value });
          expect(doc.get(key)).toBe(value);
        }
      }
    });
  }

  it('keeps export, spacing around = and the inline comment', () => {
    const doc = new EnvDocument('export  F = "x" # keep me\n');
    doc.set('F', 'y');
    expect(doc.toString()).toBe('export  F = y # keep me\n');
    doc.set('F', 'has space');
    expect(doc.toString()).toBe('export  F = "has space" # keep me\n');
  });

  it('fills an empty value before its comment', () => {
    const doc = new EnvDocument('A= # note\nB=\n');
    doc.set('A', 'x');
    doc.set('B', 'y');
    expect(doc.toString()).toBe('A=x # note\nB=y\n');
  });

  it('quotes only when needed, in a style dotenv reads back', () => {
    const spelled = (value: string): string => {
      const doc = new EnvDocument('');
      doc.set('K', value);
      return doc.toString();
    };
    expect(spelled('sk-abc123')).toBe('K=sk-abc123\n');
    expect(spelled('http://10.0.0.5:4000')).toBe('K=http://10.0.0.5:4000\n');
    expect(spelled('a b')).toBe('K="a b"\n');
    expect(spelled('a#b')).toBe('K="a#b"\n');
    expect(spelled('say "hi"')).toBe('K=\'say "hi"\'\n');
    expect(spelled('two\nlines')).toBe('K="two\\nlines"\n');
    expect(spelled('a\\nb c')).toBe("K='a\\nb c'\n"); // a literal backslash-n cannot go in "..."
    expect(spelled(`it's "q"`)).toBe('K=`it\'s "q"`\n');
  });

  it('edits the last duplicate, the one dotenv uses', () => {
    const text = 'A=first\nB=1\nA=second\n';
    const doc = new EnvDocument(text);
    doc.set('A', 'third');
    expect(doc.toString()).toBe('A=first\nB=1\nA=third\n');
    expect(parse(doc.toString()).A).toBe('third');
  });

  it('replaces a multi-line value with one line', () => {
    const doc = new EnvDocument('# c\nM="a\nb\nc" # note\nN=1\n');
    doc.set('M', 'x');
    expect(doc.toString()).toBe('# c\nM=x # note\nN=1\n');
  });

  it('appends a new key, adding a line break when the file lacks one', () => {
    const cases: [string, string][] = [
      ['A=1\n', 'A=1\nB=2\n'],
      ['A=1', 'A=1\nB=2'],
      ['A=1\r\n', 'A=1\r\nB=2\r\n'],
      ['A=1\r\nC=3', 'A=1\r\nC=3\r\nB=2'],
      ['# only a comment', '# only a comment\nB=2'],
      ['', 'B=2\n'],
      ['\uFEFF', '\uFEFFB=2\n'],
    ];
    for (const [before, after] of cases) {
      const doc = new EnvDocument(before);
      doc.set('B', '2');
      expect(doc.toString()).toBe(after);
    }
  });

  it("writes a raw multi-line value with the file's line breaks", () => {
    const doc = new EnvDocument('A=1\r\n');
    doc.set('M', 'say "hi"\nbye');
    expect(doc.toString()).toBe('A=1\r\nM=\'say "hi"\r\nbye\'\r\n');
    expect(parse(doc.toString()).M).toBe('say "hi"\nbye');
  });

  it('refuses an invalid key or a value dotenv cannot read back, leaving the text alone', () => {
    const doc = new EnvDocument('A=1\n');
    expect(() => doc.set('MY KEY', 'x')).toThrow(/invalid key/);
    expect(() => doc.set('A', `'"\`#`)).toThrow(/cannot read this value back/);
    expect(doc.toString()).toBe('A=1\n');
  });
});

describe('EnvDocument.unset', () => {
  for (const [name, text] of Object.entries(FIXTURES)) {
    it(`${name}: removes only the key's lines`, () => {
      const original = parse(text);
      for (const key of Object.keys(original)) {
        const doc = new EnvDocument(text);
        const own = doc.entries().filter((e) => e.key === key);
        expect(doc.unset(key)).toBe(true);
        const after = doc.toString();
        const { [key]: _gone, ...rest } = original;
        expect(parse(after)).toEqual(rest);
        // The BOM belongs to the file, not to its first line: it stays.
        expect(after.startsWith('\uFEFF')).toBe(text.startsWith('\uFEFF'));
        const noBom = (t: string): string => t.replace(/^\uFEFF/, '');
        const kept = lines(noBom(text)).filter((_, i) => !own.some((e) => i + 1 >= e.line && i + 1 <= e.endLine));
        const afterLines = lines(noBom(after));
        // The last line may have been the removed one: then the final line break went with it.
        if (afterLines.length === kept.length - 1) expect([...afterLines, '']).toEqual(kept);
        else expect(afterLines).toEqual(kept);
      }
    });
  }

  it('removes every duplicate and nothing else', () => {
    const doc = new EnvDocument('# a\nA=1\nB=2\n\nA=3 # c\n');
    expect(doc.unset('A')).toBe(true);
    expect(doc.toString()).toBe('# a\nB=2\n\n');
    expect(doc.unset('A')).toBe(false);
  });

  it('keeps a file without a trailing line break that way', () => {
    const doc = new EnvDocument('A=1\r\nB=2');
    doc.unset('B');
    expect(doc.toString()).toBe('A=1');
  });

  it('removes a multi-line entry whole', () => {
    const doc = new EnvDocument('A=1\nM="x\ny"\nB=2\n');
    doc.unset('M');
    expect(doc.toString()).toBe('A=1\nB=2\n');
  });
});

/** A problem's English words only (without `say`, the words in another language). */
const words = ({ say: _say, ...rest }: EnvProblem) => rest;

describe('EnvDocument.problems', () => {
  it('reports the lines dotenv skips, 1-based', () => {
    const text = [
      '# comment',
      'GOOD=1',
      'this is not valid',
      '=value',
      'KEY value',
      'MY KEY=1',
      'BAD$KEY=2',
      'OPEN="never closed',
      '',
      'JUSTAWORD',
      'GOOD=2',
      'URL:http://x',
      'SPACED http://x  # note',
      'TAIL="x" junk',
    ].join('\r\n');
    const doc = new EnvDocument('\uFEFF' + text);
    expect(parse(text)).toEqual({ GOOD: '2', OPEN: '"never closed', TAIL: '"x" junk' });
    expect(doc.problems().map(words)).toEqual([
      { line: 2, key: 'GOOD', message: 'GOOD is set again on line 11; that value is used', warning: true },
      { line: 3, message: "no '=' on this line (expected KEY=VALUE)" },
      { line: 4, message: "missing key before '='" },
      { line: 5, key: 'KEY', message: "no '=' on this line (expected KEY=VALUE)" },
      { line: 6, key: 'MY KEY', message: 'invalid key "MY KEY" (use letters, digits, _ . -)' },
      { line: 7, key: 'BAD$KEY', message: 'invalid key "BAD$KEY" (use letters, digits, _ . -)' },
      { line: 8, key: 'OPEN', message: 'unterminated " quote' },
      { line: 10, key: 'JUSTAWORD', message: "no '=' on this line (expected KEY=VALUE)" },
      { line: 12, key: 'URL', message: "no '=' on this line (expected KEY=VALUE)" },
      { line: 13, key: 'SPACED', message: "no '=' on this line (expected KEY=VALUE)" },
      { line: 14, key: 'TAIL', message: 'text after the closing quote' },
    ]);
  });

  it('points out a value dotenv takes from the next line', () => {
    expect(parse('A:\nB=1\n')).toEqual({ A: 'B=1' });
    expect(new EnvDocument('A:\nB=1\n').problems().map(words)).toEqual([
      { line: 1, key: 'A', message: 'the value of A is read from line 2' },
    ]);
    expect(parse('# c\nA=\n"x"\n')).toEqual({ A: 'x' });
    expect(new EnvDocument('# c\nA=\n"x"\n').problems().map(words)).toEqual([
      { line: 2, key: 'A', message: 'the value of A is read from line 3' },
    ]);
    expect(new EnvDocument('A: \nB=1\n').problems()).toEqual([]); // here A is empty
  });

  it('has nothing to say about a clean file, multi-line values included', () => {
    for (const name of ['comments and blank lines', 'quotes', 'multi-line values', 'CRLF', 'export']) {
      expect(new EnvDocument(FIXTURES[name] ?? '').problems(), name).toEqual([]);
    }
  });
});

describe('EnvDocument against dotenv on generated files', () => {
  const POOL = [
    'A=1', 'B = two words ', 'export C="q # x"', "D='s'", 'E=`t`', '# comment', '', '   ', 'A=dup',
    'F="multi', 'line"', 'G=v # c', 'bad line', '=x', 'H:', 'I: y', 'J=', "K='open", 'L="a\\nb"',
    '\tM=tab', 'export', 'N=中文',
  ];
  it('round-trips, reads, sets and unsets like dotenv', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 400; run++) {
      const eol = ['\n', '\r\n'][rand(2)] ?? '\n';
      const picked = Array.from({ length: 1 + rand(8) }, () => POOL[rand(POOL.length)] ?? '');
      const text = picked.join(eol) + (rand(2) ? eol : '');
      const doc = new EnvDocument(text);
      expect(doc.toString()).toBe(text);
      const original = parse(text);
      expect(doc.toObject(), JSON.stringify(text)).toEqual(original);
      const key = ['A', 'F', 'H', 'J', 'Z'][rand(5)] ?? 'A';
      const value = VALUES[rand(VALUES.length)] ?? '';
      try {
        doc.set(key, value);
        expect(parse(doc.toString()), JSON.stringify(text)).toEqual({ ...original, [key]: value });
      } catch (error) {
        // Only when the file's own broken lines read differently after the edit (a final `H:`).
        expect(String(error)).toMatch(/change how other lines are read/);
        expect(doc.toString()).toBe(text);
      }
      const removed = new EnvDocument(text);
      removed.unset(key);
      const { [key]: _gone, ...rest } = original;
      expect(parse(removed.toString()), JSON.stringify(text)).toEqual(rest);
    }
  });
});
