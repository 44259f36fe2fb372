import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { splitCommittable } from '../../src/render/splitCommittable.js';

const plain = (md: string, width = 60): string => renderMarkdown(md, { width, color: false });
const colored = (md: string, width = 60): string => renderMarkdown(md, { width, color: true });
const SGR = /\u001b\[[0-9;]*m/g;
const stripSgr = (s: string): string => s.replace(SGR, '');

/** A reply with every construct, used by the colour and streaming tests. */
const SAMPLE = [
  '# Setting up the server',
  '',
  'Here is how you **configure** the `server`, see [the docs](https://example.com/docs) for *details*.',
  'The setting is read at startup, so ~~don\'t~~ restart after changing it.',
  '',
  '## Steps',
  '',
  '1. Install the package:',
  '   ```bash',
  '   npm install -g server # global',
  '',
  '   server --help',
  '   ```',
  '2. Edit `config.json`:',
  '   - set `port` to 8080',
  '   - set `host`',
  '     - nested deeper',
  '',
  '> **Note:** the quote has _emphasis_',
  '> > and a nested quote',
  '',
  '---',
  '',
  '```ts',
  '// start listening',
  'const server = createServer((req, res) => {',
  '  res.end("hello " + req.url); /* done */',
  '});',
  '',
  'server.listen(8080);',
  '```',
  '',
  '| 名前 | 値 | Emoji |',
  '|:--|:-:|--:|',
  '| 東京 | 1 | 🎉 |',
  '| ascii | 12345 | 👍🏽 ok |',
  '',
  'Done.',
  '',
].join('\n');

describe('renderMarkdown: block constructs (color: false)', () => {
  it('renders ATX headings without the #s', () => {
    expect(plain('# Title\n## Sub heading ##\n###### Six\n####### seven\n#hashtag')).toBe(
      'Title\nSub heading\nSix\n####### seven\n#hashtag',
    );
  });

  it('renders setext headings', () => {
    expect(plain('Title\n===\nSub\n---')).toBe('Title\nSub');
  });

  it("keeps the model's line breaks and wraps long lines to the width", () => {
    const long = 'word '.repeat(10).trim();
    expect(plain(`first line\nsecond line\n\n${long}`, 20)).toBe(
      ['first line', 'second line', '', 'word word word word', 'word word word word', 'word word'].join('\n'),
    );
  });

  it('collapses runs of blank lines and drops leading and trailing ones', () => {
    expect(plain('\n\nfirst\n\n\n\nsecond\n\n\n')).toBe('first\n\nsecond');
  });

  it('renders bullet lists with nesting by indentation', () => {
    expect(plain('- one\n- two\n  - nested\n    - deeper\n  - back\n- three\n  continued')).toBe(
      ['• one', '• two', '  ◦ nested', '    • deeper', '  ◦ back', '• three', '  continued'].join('\n'),
    );
    expect(plain('* star\n+ plus')).toBe('• star\n• plus');
  });

  it('renders numbered lists with their numbers and nested bullets', () => {
    expect(plain('1. first\n2. second\n   - sub a\n   - sub b\n10. tenth')).toBe(
      ['1. first', '2. second', '   ◦ sub a', '   ◦ sub b', '10. tenth'].join('\n'),
    );
    expect(plain('1) paren')).toBe('1) paren');
  });

  it('keeps loose list spacing and continuation paragraphs under their item', () => {
    expect(plain('- a\n\n- b\n\n  more about b\n\nafter')).toBe('• a\n\n• b\n\n  more about b\n\nafter');
  });

  it('renders blockquotes with a bar, nested quotes too', () => {
    expect(plain('> quoted *text*\n> second\n>\n> > nested')).toBe('│ quoted text\n│ second\n│\n│ │ nested');
  });

  it('renders horizontal rules to the width, at most 80 columns', () => {
    expect(plain('---', 20)).toBe('─'.repeat(20));
    expect(plain('* * *', 200)).toBe('─'.repeat(80));
    expect(plain('text\n\n___\n\nmore', 10)).toBe(`text\n\n${'─'.repeat(10)}\n\nmore`);
  });

  it('renders fenced code verbatim, indented two spaces, with no markdown inside', () => {
    expect(plain('```\n# not a heading\n**not bold** [a](b)\n- not a list\n```\nafter')).toBe(
      '  # not a heading\n  **not bold** [a](b)\n  - not a list\nafter',
    );
    expect(plain('~~~python\ndef f():\n\n    return 1\n~~~')).toBe('  def f():\n\n      return 1');
  });

  it('renders an unterminated fence (still streaming) as code', () => {
    expect(plain('Look:\n\n```js\nconst a = 1; // **x**\n# y\n')).toBe('Look:\n\n  const a = 1; // **x**\n  # y');
    expect(plain('```js')).toBe('');
  });

  it('indents a fence inside a list item under the item text', () => {
    expect(plain('1. Install:\n   ```bash\n   npm i\n\n   x --help\n   ```\n2. Run')).toBe(
      ['1. Install:', '     npm i', '', '     x --help', '2. Run'].join('\n'),
    );
  });

  it('expands tabs to spaces', () => {
    expect(plain('```go\nfunc main() {\n\tprintln("hi")\n}\n```')).toBe('  func main() {\n      println("hi")\n  }');
  });
});

describe('renderMarkdown: inline constructs (color: false)', () => {
  it.each([
    ['*italic* and _italic_', 'italic and italic'],
    ['**bold** and __bold__', 'bold and bold'],
    ['***both*** and **bold *nested* bold**', 'both and bold nested bold'],
    ['~~struck~~ text', 'struck text'],
    ['inline `code` here', 'inline code here'],
    ['`` code with ` tick ``', 'code with ` tick'],
    ['`*not emphasis*`', '*not emphasis*'],
    ['[text](https://example.com/a_(b))', 'text (https://example.com/a_(b))'],
    ['[text](https://x.y "title")', 'text (https://x.y)'],
    ['[https://x.y](https://x.y) <https://a.b/c>', 'https://x.y https://a.b/c'],
    ['![diagram](img.png)', 'diagram (img.png)'],
    ['[**bold** link](u)', 'bold link (u)'],
  ])('%j → %j', (md, expected) => {
    expect(plain(md)).toBe(expected);
  });

  it.each([
    ['2 * 3 * 4 = 24'],
    ['snake_case_name and file_name_v2.py'],
    ['approximately ~5 minutes, see ~/dir'],
    ['an *unclosed emphasis'],
    ['a [bracket] and [link](missing'],
    ['price: $5 < $10 > $1'],
  ])('leaves %j literal', (md) => {
    expect(plain(md)).toBe(md);
  });

  it('handles backslash escapes', () => {
    expect(plain('\\*not italic\\* and \\`tick\\`')).toBe('*not italic* and `tick`');
  });

  it('formats inline markdown inside headings, quotes, list items and table cells', () => {
    expect(plain('## A `b` *c*\n> [d](e)\n- **f**\n\n| `g` |\n|---|\n| *h* |')).toBe(
      'A b c\n│ d (e)\n• f\n\ng\n─\nh',
    );
  });
});

describe('renderMarkdown: tables', () => {
  it('aligns columns and honours the alignment row', () => {
    const md = '| left | center | right |\n|:--|:-:|--:|\n| a | b | c |\n| long value | xy | 1234567 |';
    expect(plain(md).split('\n')).toEqual([
      'left       │ center │   right',
      '───────────┼────────┼────────',
      'a          │   b    │       c',
      'long value │   xy   │ 1234567',
    ]);
  });

  it('lines up CJK, emoji and ASCII cells by terminal columns', () => {
    const md = '| 名前 | 値 |\n|---|---|\n| 東京 | 🎉 |\n| ascii | 12345 |\n| 👍🏽 | 日本語テキスト |';
    const rows = plain(md).split('\n');
    expect(rows).toEqual([
      '名前  │ 値            ',
      '──────┼───────────────',
      '東京  │ 🎉            ',
      'ascii │ 12345         ',
      '👍🏽    │ 日本語テキスト',
    ]);
    const widths = new Set(rows.map((r) => stringWidth(r)));
    expect(widths.size).toBe(1);
    // The column separator sits at the same terminal column in every row.
    const sepColumns = new Set(rows.map((r) => stringWidth(r.slice(0, r.search(/[│┼]/)))));
    expect([...sepColumns]).toEqual([6]);
  });

  it('makes the header bold and keeps borders when coloured', () => {
    const out = colored('| 名前 | v |\n|---|---|\n| x | y |');
    expect(out).toContain('\u001b[1m名前');
    expect(stripSgr(out)).toBe(plain('| 名前 | v |\n|---|---|\n| x | y |'));
  });

  it('fills missing cells and ignores extra ones', () => {
    expect(plain('| a | b |\n|---|---|\n| 1 |\n| 2 | 3 | 4 |').split('\n')).toEqual([
      'a │ b',
      '──┼──',
      '1 │  ',
      '2 │ 3',
    ]);
  });

  it('shrinks the widest columns and truncates with … when too wide', () => {
    const md = '| id | description |\n|---|---|\n| 1 | a fairly long description of the thing |';
    expect(plain(md, 24).split('\n')).toEqual([
      'id │ description        ',
      '───┼────────────────────',
      '1  │ a fairly long desc…',
    ]);
  });

  it('keeps every row within the width at any width, never splitting wide characters', () => {
    const md = [
      '| 名前 | 説明 | Emoji | Notes |',
      '|:--|:-:|--:|---|',
      '| 東京都 | 日本の首都であり最大の都市 | 🎉👍🏽👨‍👩‍👧 | plain ascii text here |',
      '| ascii | mixed 漢字 and text | ok 🚀 | `code` and **bold** |',
    ].join('\n');
    for (let width = 1; width <= 90; width++) {
      const rows = plain(md, width).split('\n');
      expect(rows).toHaveLength(4);
      for (const row of rows) {
        expect(stringWidth(row), `width ${width}: ${row}`).toBeLessThanOrEqual(width);
        expect(row).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        expect(row).not.toMatch(/\u200D(?![\uD800-\uDBFF])/); // no ZWJ sequence cut after the joiner
      }
      if (width >= 4 * 2 + 3 * 3) {
        // Every column fits at least one cell character: rows line up.
        expect(new Set(rows.map((r) => stringWidth(r))).size).toBe(1);
      }
    }
  });

  it('is not a table without a matching delimiter row', () => {
    expect(plain('a | b\nnot a delimiter')).toBe('a | b\nnot a delimiter');
    expect(plain('| a | b |\n|---|')).toBe('| a | b |\n|---|');
  });
});

const WORDS = /\S+/g;
const segmenter = new Intl.Segmenter();
const graphemesOf = (s: string): string[] => Array.from(segmenter.segment(s), (g) => g.segment);

/** Every line fits the width (string-width) and no line ends in a space. */
function expectFits(out: string, width: number, label = ''): void {
  for (const line of out.split('\n')) {
    expect(stringWidth(line), `${label} width ${width}: ${JSON.stringify(line)}`).toBeLessThanOrEqual(width);
  }
}

describe('renderMarkdown: wrapping', () => {
  it('word-wraps paragraphs at spaces, with no trailing or leading spaces at a break', () => {
    expect(plain('The quick brown fox jumps over the lazy dog and keeps running far away.', 20)).toBe(
      ['The quick brown fox', 'jumps over the lazy', 'dog and keeps', 'running far away.'].join('\n'),
    );
    expect(plain('a  b   c', 3)).toBe('a\nb\nc');
    expect(plain('two  spaces kept inside a line', 40)).toBe('two  spaces kept inside a line');
  });

  it('wraps headings', () => {
    expect(plain('# A heading that is long enough to wrap', 20)).toBe('A heading that is\nlong enough to wrap');
    expect(plain('Title that is long\n=====', 8)).toBe('Title\nthat is\nlong');
  });

  it('hangs list item continuation lines under the item text', () => {
    const md = [
      '- a bullet item whose text is long enough to wrap twice at twenty',
      '  - nested item that also wraps around',
      '1. numbered item that wraps around here',
      '10. tenth item wraps under its text',
    ].join('\n');
    expect(plain(md, 20).split('\n')).toEqual([
      '• a bullet item',
      '  whose text is long',
      '  enough to wrap',
      '  twice at twenty',
      '  ◦ nested item that',
      '    also wraps',
      '    around',
      '1. numbered item',
      '   that wraps around',
      '   here',
      '10. tenth item wraps',
      '    under its text',
    ]);
  });

  it('wraps continuation paragraphs and lazy lines of list items at their indent', () => {
    const md = [
      '- one two three four five six',
      '',
      '  continuation paragraph under the item text',
      '- b',
      '  1. nested numbered item that wraps',
      '     lazy continuation line also wraps here',
    ].join('\n');
    expect(plain(md, 16).split('\n')).toEqual([
      '• one two three',
      '  four five six',
      '',
      '  continuation',
      '  paragraph',
      '  under the item',
      '  text',
      '• b',
      '  1. nested',
      '     numbered',
      '     item that',
      '     wraps',
      '     lazy',
      '     continuatio',
      '     n line also',
      '     wraps here',
    ]);
  });

  it('keeps the quote bar on wrapped blockquote lines, nested quotes too', () => {
    expect(plain('> a quote that is long enough to wrap at this width\n> > nested quote that wraps too', 20).split('\n')).toEqual([
      '│ a quote that is',
      '│ long enough to',
      '│ wrap at this width',
      '│ │ nested quote',
      '│ │ that wraps too',
    ]);
    expect(plain('> - quoted list item that wraps around', 16).split('\n')).toEqual([
      '│ • quoted list',
      '│   item that',
      '│   wraps around',
    ]);
  });

  it('breaks CJK text between characters, keeping closing punctuation on the line', () => {
    const text = '中文段落：这是一个很长的中文句子，用来测试在没有空格的情况下如何换行。日本語の「かぎかっこ」も。';
    expect(plain(text, 20).split('\n')).toEqual([
      '中文段落：这是一个很',
      '长的中文句子，用来测',
      '试在没有空格的情况下',
      '如何换行。日本語の',
      '「かぎかっこ」も。',
    ]);
    expect(plain('他说：“你好。”然后走了（很快）。', 8).split('\n')).toEqual([
      '他说：',
      '“你好。”',
      '然后走了',
      '（很',
      '快）。',
    ]);
    expect(plain('使用npm安装（推荐）然后运行。', 10)).toBe('使用npm安\n装（推荐）\n然后运行。');
    for (let width = 2; width <= 40; width++) {
      const out = plain(text, width);
      expectFits(out, width, 'CJK');
      expect(out.split('\n').join('')).toBe(text);
      if (width < 4) continue; // 落： and 「か cannot be split and are four columns wide
      for (const line of out.split('\n').slice(1)) expect(line).not.toMatch(/^[，。！？、：」）』]/);
      for (const line of out.split('\n').slice(0, -1)) expect(line).not.toMatch(/[「（『“]$/);
    }
  });

  it('wraps Korean at spaces, like Latin text', () => {
    expect(plain('한국어 문장도 여기에 있습니다.', 13)).toBe('한국어 문장도\n여기에\n있습니다.');
    expect(plain('한국어문장이너무길어요', 8)).toBe('한국어문\n장이너무\n길어요');
  });

  it('never splits an emoji grapheme, and measures emoji as two columns', () => {
    const text = 'Emoji 🎉🎉 party 👨‍👩‍👧 family 👍🏽 ok 🇯🇵 flags and more 🎉 words here';
    expect(plain(text, 12).split('\n')).toEqual([
      'Emoji 🎉🎉',
      'party 👨‍👩‍👧',
      'family 👍🏽 ok',
      '🇯🇵 flags and',
      'more 🎉',
      'words here',
    ]);
    const emoji = '👨‍👩‍👧👍🏽🇯🇵🎉❤️'.repeat(4);
    for (let width = 2; width <= 30; width++) {
      const out = plain(`x ${emoji}`, width);
      expectFits(out, width, 'emoji');
      expect(graphemesOf(out.replace(/\s/g, ''))).toEqual(graphemesOf(`x${emoji}`));
    }
  });

  it('hard-breaks a word longer than the line, such as a long URL, on a line of its own', () => {
    expect(plain('See https://example.com/a/very/long/path/that/does/not/fit/anywhere for details.', 20).split('\n')).toEqual([
      'See',
      'https://example.com/',
      'a/very/long/path/tha',
      't/does/not/fit/anywh',
      'ere for details.',
    ]);
    expect(plain('[docs](https://example.com/docs/a/long/path)', 16).split('\n')).toEqual([
      'docs',
      '(https://example',
      '.com/docs/a/long',
      '/path)',
    ]);
  });

  it('hard-wraps long code lines, keeping the code indent on continuation lines', () => {
    expect(plain('```js\nconst x = "a very long line of code that must be hard wrapped";\n  indented();\n```', 20).split('\n')).toEqual([
      '  const x = "a very ',
      '  long line of code ',
      '  that must be hard ',
      '  wrapped";',
      '    indented();',
    ]);
    expect(plain('- item\n  ```\n  some code that goes past the width\n  ```', 20).split('\n')).toEqual([
      '• item',
      '    some code that g',
      '    oes past the wid',
      '    th',
    ]);
    expect(plain('```\n// 日本語のコメントです\n```', 12).split('\n')).toEqual(['  // 日本語', '  のコメント', '  です']);
  });

  it('keeps styles balanced on every wrapped line', () => {
    expect(colored('**bold words here** and [a link text](https://x.io)', 10).split('\n')).toEqual([
      '\u001b[1mbold words\u001b[22m',
      '\u001b[1mhere\u001b[22m and \u001b[4;34ma\u001b[24;39m',
      '\u001b[4;34mlink text\u001b[24;39m',
      '\u001b[2m(https://x\u001b[22m',
      '\u001b[2m.io)\u001b[22m',
    ]);
    expect(colored('> *quoted words that wrap*', 11).split('\n')).toEqual([
      '\u001b[2m│ \u001b[3mquoted\u001b[22;23m',
      '\u001b[2m│ \u001b[3mwords\u001b[22;23m',
      '\u001b[2m│ \u001b[3mthat wrap\u001b[22;23m',
    ]);
    for (const width of [10, 17, 33, 60]) {
      const out = colored(SAMPLE, width);
      expect(stripSgr(out)).toBe(plain(SAMPLE, width));
      for (const line of out.split('\n')) {
        const codes = line.match(SGR) ?? [];
        if (codes.length > 0) expect(codes.at(-1)).toMatch(/^\u001b\[(?:2[2-9]|39)(?:;(?:2[2-9]|39))*m$/);
      }
    }
  });

  // 450 renders: seconds of CPU, which a loaded machine stretches past the default 20 s (it did, at a load of 29).
  it('fits every line to any width from 10 to 120, keeping all the text in order (seeded)', { timeout: 120_000 }, () => {
    const prose = [
      '# Setting up the *server* for production use',
      '',
      'Here is how you **configure** the `server`, see [the docs](https://example.com/docs/configuration) for *details*. A very-long-hyphenated-identifier_with_underscores_that_keeps_going appears too.',
      '',
      '- first item in the list that goes on for a while',
      '  - nested item with a fairly long text that wraps',
      '    1. deeper numbered item with `inline code` inside',
      '- second item\\',
      '  with a hard break',
      '',
      '> a quote with **bold** and a [link](https://example.com/x) that wraps',
      '> > nested quote line that is also rather long',
      '',
      '中文段落：这是一个很长的中文句子，用来测试在没有空格的情况下如何换行。',
      '',
      'Emoji 🎉 party 👨‍👩‍👧 family 👍🏽 ok 🇯🇵 and “quotes” — dashes → arrows ✓.',
      'Кириллица тоже переносится по словам, как и латиница.',
    ].join('\n');
    const code = '```ts\nconst server = createServer((req, res) => res.end("hello " + req.url)); // 日本語\n```';
    const docs = [prose, `${prose}\n\n${code}`, SAMPLE];
    const normal = (s: string): string => s.replace(/[\s│─]/g, '');
    let seed = 11;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    for (let n = 0; n < 150; n++) {
      const width = 10 + Math.floor(random() * 111);
      for (const doc of docs) {
        const out = plain(doc, width);
        expectFits(out, width);
        if (doc === SAMPLE) continue; // its table cuts cells to fit
        // Nothing lost, nothing reordered: only whitespace (and quote bars) differ from a wide render.
        expect(normal(out)).toBe(normal(plain(doc, 10_000)));
        if (doc !== prose) continue;
        for (const line of out.split('\n')) expect(line).not.toMatch(/ $/);
        // Words that fit a line are never broken, and come in order.
        const words: string[] = out.match(WORDS) ?? [];
        let at = 0;
        for (const word of plain(doc, 10_000).match(WORDS) ?? []) {
          if (!/^[!-~]+$/.test(word) || word.length > width - 12) continue;
          const k = words.indexOf(word, at);
          expect(k, `width ${width}: ${word}`).toBeGreaterThanOrEqual(0);
          at = k + 1;
        }
      }
    }
  });
});

describe('renderMarkdown: colour', () => {
  it('adds SGR codes when color is on, and stripping them gives the plain output', () => {
    const out = colored(SAMPLE);
    expect(out).toMatch(SGR);
    expect(stripSgr(out)).toBe(plain(SAMPLE));
  });

  it('uses only SGR codes and ends every line with nothing switched on', () => {
    for (const line of colored(SAMPLE).split('\n')) {
      expect(line.replace(SGR, '')).not.toContain('\u001b');
      const codes = line.match(SGR) ?? [];
      if (codes.length > 0) expect(codes.at(-1)).toMatch(/^\u001b\[(?:2[2-9]|39)(?:;(?:2[2-9]|39))*m$/);
    }
  });

  it.each([
    ['**b**', '\u001b[1mb\u001b[22m'],
    ['*i*', '\u001b[3mi\u001b[23m'],
    ['~~s~~', '\u001b[9ms\u001b[29m'],
    ['`c`', '\u001b[33mc\u001b[39m'],
    ['## H', '\u001b[1;35mH\u001b[22;39m'],
  ])('styles %j', (md, expected) => {
    expect(colored(md)).toBe(expected);
  });

  it('keeps dim on inside a quote after bold text ends', () => {
    expect(colored('> **a** b')).toBe('\u001b[2m│ \u001b[1ma\u001b[22;2m b\u001b[22m');
  });

  it('colours code by language and leaves unknown languages plain', () => {
    const ts = colored('```ts\nconst s = "x"; // c\n```');
    expect(ts).toContain('\u001b[35mconst\u001b[39m');
    expect(ts).toContain('\u001b[32m"x"\u001b[39m');
    expect(ts).toContain('\u001b[90m// c\u001b[39m');
    expect(colored('```brainfuck\nconst "x" // c\n```')).toBe('  const "x" // c');
  });

  it('never emits escape codes with color off, whatever the input holds', () => {
    const out = plain(`${SAMPLE}\n\u001b[31mred\u001b[0m \u001b]0;title\u0007`);
    expect(out).not.toContain('\u001b');
    expect(out.endsWith('\nred')).toBe(true);
  });
});

describe('renderMarkdown: sanitising', () => {
  it('strips control sequences from model output before rendering', () => {
    const md = 'a\u001b[2Jb \u001b]0;title\u0007c\u001b[10Ad\r\ne\u0007f\n```\ncode\u001b[2J\r\n```';
    const out = plain(md);
    expect(out).toBe('ab cd\nef\n  code');
    expect(colored(md).replace(SGR, '')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

// Speed is measured by `npm run bench` (the render rows), not asserted here: a loaded machine makes
// any time bound either flaky or too loose to mean anything. These check the output stays sane.
describe('renderMarkdown: large and pathological input', () => {
  it('renders a 20 KB reply whole', () => {
    let md = '';
    while (md.length < 20_000) md += `${SAMPLE}\n`;
    const out = stripSgr(colored(md, 80));
    const copies = md.split('# Setting up the server').length - 1;
    expect(out.split('Setting up the server').length - 1).toBe(copies);
    for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });

  it.each([
    ['emphasis openers', '*a '.repeat(7000), 'a'],
    ['mixed delimiters', '*a_'.repeat(7000), 'a'],
    ['brackets', '['.repeat(20_000), '['],
    ['backtick runs', ' `` ```'.repeat(3000), '`'],
    ['nested quotes', `${'> '.repeat(5000)}x`, 'x'],
    ['table columns', `${'| a '.repeat(3000)}\n${'|-'.repeat(3000)}`, 'a'],
    ['list markers', `${'- '.repeat(10_000)}x`, 'x'],
  ])('keeps the text of pathological input within the width: %s', (_name, md, kept) => {
    const out = stripSgr(colored(md, 80));
    expect(out).toContain(kept);
    for (const line of out.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('splitCommittable', () => {
  it('splits at the last blank line outside a fence', () => {
    expect(splitCommittable('one\n\ntwo\n\nthr')).toEqual({ done: 'one\n\ntwo\n\n', rest: 'thr' });
  });

  it('returns done = "" when there is no safe break', () => {
    expect(splitCommittable('')).toEqual({ done: '', rest: '' });
    expect(splitCommittable('just one paragraph\nstill going')).toEqual({
      done: '',
      rest: 'just one paragraph\nstill going',
    });
    expect(splitCommittable('\n\nleading blanks only')).toEqual({ done: '', rest: '\n\nleading blanks only' });
  });

  it('waits for the next block to start before committing a blank line', () => {
    expect(splitCommittable('one\n\n')).toEqual({ done: '', rest: 'one\n\n' });
    expect(splitCommittable('one\n\nt')).toEqual({ done: 'one\n\n', rest: 't' });
  });

  it('never splits inside a code fence, closed or still open', () => {
    const open = 'intro\n\n```py\ndef f():\n\n    return 1\n\nx = 2';
    expect(splitCommittable(open)).toEqual({ done: 'intro\n\n', rest: '```py\ndef f():\n\n    return 1\n\nx = 2' });
    const closed = 'intro\n\n~~~\na\n\nb\n~~~\n\nafter';
    expect(splitCommittable(closed)).toEqual({ done: 'intro\n\n~~~\na\n\nb\n~~~\n\n', rest: 'after' });
  });

  it('keeps indented continuations (list items, fences in lists) with their list', () => {
    const md = '1. step\n\n   ```sh\n   a\n\n   b\n   ```\n\n   more about step 1\n';
    expect(splitCommittable(md).done).toBe('');
  });

  it('handles CRLF line endings', () => {
    expect(splitCommittable('a\r\n\r\nb')).toEqual({ done: 'a\r\n\r\n', rest: 'b' });
  });

  it('done + rest === md, and done never ends inside a fence, for every prefix of a reply', () => {
    const reply = `${SAMPLE}\n${SAMPLE.replace('```ts', '```')}`;
    for (let end = 0; end <= reply.length; end++) {
      const md = reply.slice(0, end);
      const { done, rest } = splitCommittable(md);
      expect(done + rest).toBe(md);
      // Count fence lines the same way the renderer does: the committed part has them balanced.
      const fences = done.split('\n').filter((l) => /^\s*(```|~~~)/.test(l)).length;
      expect(fences % 2, `prefix ${end}`).toBe(0);
      if (done) expect(done).toMatch(/\n[ \t]*\n$/);
    }
  });

  it('rendering the committed chunks and the tail separately looks like rendering the whole', () => {
    const reply = `${SAMPLE}\n${SAMPLE}`;
    for (const width of [60, 24, 13]) {
      for (let end = 0; end <= reply.length; end += 7) {
        const md = reply.slice(0, end);
        const { done, rest } = splitCommittable(md);
        const head = plain(done, width);
        const tail = plain(rest, width);
        if (head && tail) expect(`${head}\n\n${tail}`, `width ${width}, prefix ${end}`).toBe(plain(md, width));
      }
    }
  });

  it('holds its invariants on random mixes of blocks (seeded)', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const pieces = [
      '# H *x*', 'para **b** `c` [l](u)', 'line two', '- a', '  - b', '    - c', '1. one', '   more', '```js',
      '```', '~~~', 'const a = "s"; // c', '', '', '| 名前 | v |', '|:-|-:|', '| 東京 🎉 | 1 |', '> q', '> > qq',
      '---', '===', '  indented', '\tTab', '*', '_x_', 'Text\u001b[2J\r', '\u001b]0;t\u0007x', '2) x', '|---|',
    ];
    for (let n = 0; n < 300; n++) {
      const doc = Array.from({ length: 3 + Math.floor(random() * 20) }, () => pieces[Math.floor(random() * pieces.length)]).join('\n');
      const width = 1 + Math.floor(random() * 100);
      const out = plain(doc, width);
      expect(stripSgr(colored(doc, width))).toBe(out);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      for (let end = 0; end <= doc.length; end += 3) {
        const md = doc.slice(0, end);
        const { done, rest } = splitCommittable(md);
        expect(done + rest).toBe(md);
        const head = plain(done, width);
        const tail = plain(rest, width);
        if (head && tail) expect(`${head}\n\n${tail}`).toBe(plain(md, width));
      }
    }
  });
});
