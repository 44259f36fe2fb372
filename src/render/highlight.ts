// A small single-pass highlighter for fenced code: keywords, strings, comments, numbers. Not a
// parser; it only has to look right for common languages and stay linear on any input.
import { BOLD, seg, type Line } from './ansi.js';

const KEYWORD = 35; // magenta
const STRING = 32; // green
const COMMENT = 90; // bright black
const NUMBER = 33; // yellow
const TYPE = 36; // cyan
const CALL = 34; // blue
const REMOVED = 31; // red

interface Lang {
  keywords: Set<string>;
  literals: Set<string>;
  types: Set<string>;
  lineComment: string[];
  blockComment?: [string, string];
  quotes: string; // string delimiters that end at the line's end
  multiline: string[]; // string delimiters that may span lines (checked first)
  escapes: boolean;
  dollar?: boolean; // $ is an identifier character (js)
  shell?: boolean; // # comments only at a word start, $VAR variables
  jsonKeys?: boolean;
  rustChars?: boolean; // ' starts a char literal only if it closes, else it is a lifetime
}

const words = (s: string): Set<string> => new Set(s.split(' '));

const JS: Lang = {
  keywords: words(
    'abstract as async await break case catch class const continue debugger declare default delete do else enum export extends finally for from function get if implements import in infer instanceof interface is keyof let namespace new of private protected public readonly return satisfies set static super switch this throw try type typeof var void while with yield',
  ),
  literals: words('true false null undefined NaN Infinity'),
  types: words('string number boolean any unknown never object symbol bigint Promise Array Map Set Record Partial Error'),
  lineComment: ['//'],
  blockComment: ['/*', '*/'],
  quotes: `"'`,
  multiline: ['`'],
  escapes: true,
  dollar: true,
};

const PYTHON: Lang = {
  keywords: words(
    'and as assert async await break case class continue def del elif else except finally for from global if import in is lambda match nonlocal not or pass raise return try while with yield',
  ),
  literals: words('True False None'),
  types: words('self cls int str float bool list dict set tuple bytes object type len range print isinstance super'),
  lineComment: ['#'],
  quotes: `"'`,
  multiline: ['"""', "'''"],
  escapes: true,
};

const SHELL: Lang = {
  keywords: words(
    'if then else elif fi for while until do done case esac in function return exit local export readonly declare unset shift break continue source alias set',
  ),
  literals: words('true false'),
  types: words('echo printf cd read eval exec trap test sudo'),
  lineComment: ['#'],
  quotes: '',
  multiline: ['"', "'"],
  escapes: true,
  shell: true,
};

const JSON_LANG: Lang = {
  keywords: new Set(),
  literals: words('true false null'),
  types: new Set(),
  lineComment: ['//'],
  blockComment: ['/*', '*/'],
  quotes: '"',
  multiline: [],
  escapes: true,
  jsonKeys: true,
};

const GO: Lang = {
  keywords: words(
    'break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var',
  ),
  literals: words('true false nil iota'),
  types: words(
    'any bool byte complex64 complex128 error float32 float64 int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr',
  ),
  lineComment: ['//'],
  blockComment: ['/*', '*/'],
  quotes: `"'`,
  multiline: ['`'],
  escapes: true,
};

const RUST: Lang = {
  keywords: words(
    'as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod move mut pub ref return self Self static struct super trait type unsafe use where while',
  ),
  literals: words('true false None Some Ok Err'),
  types: words(
    'i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char str String Vec Option Result Box',
  ),
  lineComment: ['//'],
  blockComment: ['/*', '*/'],
  quotes: '',
  multiline: ['"'],
  escapes: true,
  rustChars: true,
};

const LANGS = new Map<string, Lang | 'diff'>();
const alias = (lang: Lang | 'diff', names: string): void => {
  for (const n of names.split(' ')) LANGS.set(n, lang);
};
alias(JS, 'js javascript jsx mjs cjs ts typescript tsx mts cts');
alias(PYTHON, 'py python python3 py3');
alias(SHELL, 'sh bash shell zsh console shellscript');
alias(JSON_LANG, 'json jsonc json5');
alias(GO, 'go golang');
alias(RUST, 'rs rust');
alias('diff', 'diff patch');

const SHELL_VAR = /\$(?:\{[^}\n]*\}|[A-Za-z_][A-Za-z0-9_]*|[0-9@#?$!*-])/y;

/** Highlights code; returns one styled line per line of code. Unknown languages stay plain. */
export function highlightCode(code: string, lang: string): Line[] {
  const spec = LANGS.get(lang.toLowerCase());
  if (spec === 'diff') return highlightDiff(code);
  const lines: Line[] = code.split('\n').map(() => []);
  if (!spec) {
    code.split('\n').forEach((l, k) => l && (lines[k] as Line).push(seg(l)));
    return lines;
  }
  let row = 0;
  const push = (text: string, fg: number): void => {
    if (!text.includes('\n')) {
      if (text) (lines[row] as Line).push(seg(text, 0, fg));
      return;
    }
    const parts = text.split('\n');
    parts.forEach((p, k) => {
      if (k > 0) row++;
      if (p) (lines[row] as Line).push(seg(p, 0, fg));
    });
  };
  const n = code.length;
  let i = 0;
  let plain = 0; // start of the pending uncoloured run
  const paint = (end: number, fg: number): void => {
    if (i > plain) push(code.slice(plain, i), 0);
    push(code.slice(i, end), fg);
    i = end;
    plain = end;
  };
  while (i < n) {
    const ch = code[i] as string;
    const c = code.charCodeAt(i);
    if (spec.blockComment && code.startsWith(spec.blockComment[0], i)) {
      const e = code.indexOf(spec.blockComment[1], i + spec.blockComment[0].length);
      paint(e < 0 ? n : e + spec.blockComment[1].length, COMMENT);
      continue;
    }
    if (isLineComment(spec, code, i)) {
      const e = code.indexOf('\n', i);
      paint(e < 0 ? n : e, COMMENT);
      continue;
    }
    const multi = spec.multiline.length > 0 ? multilineAt(spec, code, i) : undefined;
    if (multi !== undefined) {
      const raw = (spec.shell && multi === "'") || (spec === GO && multi === '`');
      paint(scanString(code, i + multi.length, multi, true, spec.escapes && !raw), STRING);
      continue;
    }
    if (spec.quotes.includes(ch)) {
      const end = scanString(code, i + 1, ch, false, spec.escapes);
      paint(end, spec.jsonKeys && isKey(code, end) ? TYPE : STRING);
      continue;
    }
    if (spec.rustChars && ch === "'") {
      const m = /'(?:\\[^'\n]{1,10}|[^'\\\n])'/y;
      m.lastIndex = i;
      if (m.test(code)) paint(m.lastIndex, STRING);
      else i++;
      continue;
    }
    if (spec.shell && ch === '$') {
      SHELL_VAR.lastIndex = i;
      if (SHELL_VAR.test(code)) paint(SHELL_VAR.lastIndex, TYPE);
      else i++;
      continue;
    }
    if (c >= 0x30 && c <= 0x39) {
      let j = i + 1;
      while (j < n && (isWordChar(code.charCodeAt(j)) || (code[j] === '.' && isDigit(code.charCodeAt(j + 1))))) j++;
      paint(j, NUMBER);
      continue;
    }
    if (isWordStart(c) || (spec.dollar && ch === '$')) {
      let j = i + 1;
      while (j < n && (isWordChar(code.charCodeAt(j)) || (spec.dollar && code[j] === '$'))) j++;
      const word = code.slice(i, j);
      const next = code[j];
      const fg = spec.keywords.has(word)
        ? KEYWORD
        : spec.literals.has(word)
          ? NUMBER
          : spec.types.has(word)
            ? TYPE
            : next === '(' || (spec === RUST && next === '!')
              ? CALL
              : 0;
      if (fg) paint(j, fg);
      else i = j;
      continue;
    }
    i++;
  }
  if (n > plain) push(code.slice(plain), 0);
  return lines;
}

function multilineAt(spec: Lang, code: string, i: number): string | undefined {
  for (const d of spec.multiline) if (code.startsWith(d, i)) return d;
  return undefined;
}

function isLineComment(spec: Lang, code: string, i: number): boolean {
  for (const start of spec.lineComment) {
    if (!code.startsWith(start, i)) continue;
    if (!spec.shell) return true;
    const prev = code[i - 1];
    return prev === undefined || prev === ' ' || prev === '\t' || prev === '\n' || prev === ';';
  }
  return false;
}

/** Index just past the closing delimiter, or the end of the line (or code) if it never closes. */
function scanString(code: string, j: number, delim: string, multiline: boolean, escapes: boolean): number {
  const n = code.length;
  while (j < n) {
    const c = code[j];
    if (c === '\\' && escapes) {
      j += code[j + 1] === '\n' && !multiline ? 1 : 2;
      continue;
    }
    if (code.startsWith(delim, j)) return j + delim.length;
    if (c === '\n' && !multiline) return j;
    j++;
  }
  return n;
}

function highlightDiff(code: string): Line[] {
  return code.split('\n').map((l) => {
    if (!l) return [];
    const fg = l.startsWith('@@')
      ? TYPE
      : l.startsWith('+++') || l.startsWith('---')
        ? 0
        : l.startsWith('+')
          ? STRING
          : l.startsWith('-')
            ? REMOVED
            : 0;
    return [seg(l, l.startsWith('+++') || l.startsWith('---') ? BOLD : 0, fg)];
  });
}

/** A JSON string followed by ':' is a key. */
function isKey(code: string, j: number): boolean {
  while (code[j] === ' ' || code[j] === '\t' || code[j] === '\n') j++;
  return code[j] === ':';
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isWordChar(c: number): boolean {
  return isWordStart(c) || isDigit(c);
}
