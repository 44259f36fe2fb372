// A .env file as an editable document: every byte is kept (comments, blank lines, order, `export`,
// quotes, inline comments, CRLF, BOM), and an edit touches only the entry it changes.
//
// To read values exactly as dotenv does, entries are found with dotenv 17's own line regex (copied
// from dotenv/lib/main.js; only capture groups were added) on the text with its line breaks
// normalised, as dotenv does. Tests compare every fixture with `dotenv.parse()`.
import { parse as dotenvParse } from 'dotenv';
import type { Say } from '../i18n/en.js';
import { said, SaidError } from '../i18n/said.js';

const LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;
const KEY = /^[\w.-]+$/;
const BOM = '\uFEFF';

/** One `KEY=value` entry. Duplicated keys give several entries; dotenv uses the last one. */
export interface EnvEntry {
  key: string;
  /** The value as dotenv reads it. */
  value: string;
  /** 1-based line of the entry's first character (`export` or the key). */
  line: number;
  /** 1-based line where the entry ends (a quoted value may span lines). */
  endLine: number;
}

export interface EnvProblem {
  line: number;
  key?: string;
  /** English; `say` in the user's language. */
  message: string;
  say?: Say;
  /** A warning does not make the file unusable (e.g. a duplicated key). */
  warning?: boolean;
}

interface Located extends EnvEntry {
  raw: string; // the value as written, trimmed (quotes included)
  valueLine: number;
  valueStart: number; // offsets in the text (without BOM) of the written value
  valueEnd: number;
}

interface Scan {
  entries: Located[];
  lines: string[]; // the text's lines, line breaks removed
  lineStarts: number[]; // offset of each line in the text
}

/** dotenv's value clean-up: trim, strip matching quotes, expand \n and \r inside double quotes. */
function decode(raw: string): string {
  let value = raw.trim();
  const quote = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

function scan(text: string): Scan {
  // dotenv turns \r\n and \r into \n before matching; `map` takes offsets back to `text`.
  const map: number[] = [];
  let norm = '';
  for (let i = 0; i < text.length; i++) {
    map.push(i);
    if (text[i] === '\r') {
      norm += '\n';
      if (text[i + 1] === '\n') i++;
    } else norm += text[i];
  }
  map.push(text.length);
  const at = (j: number): number => map[j] ?? text.length;

  const starts = [0];
  for (let i = 0; i < norm.length; i++) if (norm[i] === '\n') starts.push(i + 1);
  const lineAt = (j: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= j) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const entries: Located[] = [];
  for (const m of norm.matchAll(LINE)) {
    const key = m[1] ?? '';
    const written = m[3];
    const sepEnd = m.indices?.[2]?.[1] ?? m.index;
    const first = m.index + Math.max(0, m[0].search(/\S/));
    let start = sepEnd;
    let end = sepEnd;
    if (written !== undefined && written.trim() !== '') {
      start = sepEnd + (written.length - written.trimStart().length);
      end = sepEnd + written.trimEnd().length;
    }
    entries.push({
      key,
      value: decode(written ?? ''),
      raw: (written ?? '').trim(),
      line: lineAt(first),
      endLine: lineAt(Math.max(end, sepEnd) - 1),
      valueLine: lineAt(start),
      valueStart: at(start),
      valueEnd: at(end),
    });
  }
  return { entries, lines: norm.split('\n'), lineStarts: starts.map(at) };
}

/** Ways to write `value`, plainest first; `set` keeps the first one dotenv reads back exactly. */
function spellings(value: string, eol: string): string[] {
  const out = [`"${value.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`];
  const raw = value.replace(/\n/g, eol); // multi-line in single quotes or backticks
  out.push(`'${raw}'`, `\`${raw}\``);
  // A quote style that does not occur in the value first (dotenv has no escape for quotes).
  const clash = (s: string): number => (value.includes(s[0] ?? '') ? 1 : 0);
  out.sort((a, b) => clash(a) - clash(b));
  return /[\s#'"`]/.test(value) ? out : [value, ...out];
}

function explain(line: string): { key?: string; message: string; say: Say } {
  const text = line.trim().replace(/^export\s+/, '');
  const eq = text.indexOf('=');
  if (eq === 0) return said((m) => m.problems.missingKey);
  if (eq < 0) {
    // `KEY`, `KEY value`, `KEY value # comment`, `KEY:value` (dotenv wants a space after the colon)
    const key = /^([\w.-]+)(?::\S*|\s+\S+(?:\s+#.*)?)?$/.exec(text)?.[1];
    return { ...(key ? { key } : {}), ...said((m) => m.problems.noEquals) };
  }
  const key = text.slice(0, eq).trim();
  if (!KEY.test(key)) return { key, ...said((m) => m.problems.invalidKey({ key })) };
  return { key, ...said((m) => m.problems.notKeyValue) };
}

export class EnvDocument {
  private readonly bom: boolean;
  private text: string;
  private parsed: Scan;
  /** The file's line break, used for the lines this document adds. */
  readonly eol: '\n' | '\r\n' | '\r';

  constructor(source: string) {
    this.bom = source.startsWith(BOM);
    this.text = this.bom ? source.slice(1) : source;
    const found = /\r\n|\n|\r/.exec(this.text)?.[0];
    this.eol = found === '\r\n' || found === '\r' ? found : '\n';
    this.parsed = scan(this.text);
  }

  /** The value dotenv reads for `key` (the last duplicate wins). */
  get(key: string): string | undefined {
    return this.last(key)?.value;
  }

  has(key: string): boolean {
    return this.last(key) !== undefined;
  }

  /** What `dotenv.parse()` returns for this document. */
  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.parsed.entries) out[e.key] = e.value;
    return out;
  }

  /** Every entry in file order, duplicates included. */
  entries(): EnvEntry[] {
    return this.parsed.entries.map(({ key, value, line, endLine }) => {
      return { key, value, line, endLine };
    });
  }

  /**
   * Sets `key`. An existing key has only its written value replaced (the one dotenv uses, i.e.
   * the last duplicate), keeping `export`, spacing and inline comment. A new key is appended.
   * Throws if the key is invalid or no spelling of the value reads back unchanged in dotenv.
   */
  set(key: string, value: string): void {
    if (!KEY.test(key)) throw new SaidError((m) => m.problems.invalidKey({ key }));
    const entry = this.last(key);
    const expected = { ...dotenvParse(this.text), [key]: value };
    for (const spelled of spellings(value, this.eol)) {
      const line = `${key}=${spelled}`;
      // A blank line before an appended key keeps a trailing `KEY:` from taking it as its value.
      const options = entry
        ? [this.text.slice(0, entry.valueStart) + spelled + this.text.slice(entry.valueEnd)]
        : [this.appended(line), this.appended(this.eol + line)];
      const next = options.find((text) => sameRecord(dotenvParse(text), expected));
      if (next !== undefined) return this.replace(next);
    }
    const alone = spellings(value, '\n').some((s) => dotenvParse(`K=${s}`).K === value);
    throw new SaidError((m) => (alone ? m.problems.setBreaks({ key }) : m.problems.unquotable({ key })));
  }

  /**
   * Removes every line of every entry for `key`; returns whether there was one. Throws, leaving
   * the text alone, if that would change how dotenv reads another key (a stray quote elsewhere).
   */
  unset(key: string): boolean {
    const own = this.parsed.entries.filter((e) => e.key === key);
    if (own.length === 0) return false;
    let next = this.text;
    for (const e of own.reverse()) {
      const from = this.parsed.lineStarts[e.line - 1] ?? 0;
      next = next.slice(0, from) + next.slice(this.parsed.lineStarts[e.endLine] ?? next.length);
    }
    // The removed last line had no line break: keep the file without a trailing one.
    if (!/[\r\n]$/.test(this.text)) next = next.replace(/(\r\n|\n|\r)$/, '');
    const { [key]: _removed, ...expected } = dotenvParse(this.text);
    if (!sameRecord(dotenvParse(next), expected)) {
      throw new SaidError((m) => m.problems.unsetBreaks({ key }));
    }
    this.replace(next);
    return true;
  }

  /** Lines dotenv silently skips or reads surprisingly, for the status line and `doctor`. */
  problems(): EnvProblem[] {
    const out: EnvProblem[] = [];
    const covered = new Set<number>();
    const lastLine = new Map<string, number>();
    for (const e of this.parsed.entries) {
      for (let l = e.line; l <= e.endLine; l++) covered.add(l);
      lastLine.set(e.key, e.line);
      const q = e.raw[0];
      if (q === '"' || q === "'" || q === '`') {
        if (e.raw.indexOf(q, 1) < 0) {
          out.push({ line: e.valueLine, key: e.key, ...said((m) => m.problems.unterminated({ quote: q })) });
        } else if (!e.raw.endsWith(q)) {
          out.push({ line: e.valueLine, key: e.key, ...said((m) => m.problems.afterQuote) });
        }
      }
      if (e.raw !== '' && e.valueLine !== e.line) {
        const { key, valueLine } = e;
        out.push({ line: e.line, key, ...said((m) => m.problems.valueFromLine({ key, line: valueLine })) });
      }
    }
    for (const e of this.parsed.entries) {
      const later = lastLine.get(e.key);
      if (later !== undefined && later !== e.line) {
        const key = e.key;
        out.push({ line: e.line, key, ...said((m) => m.problems.setAgain({ key, line: later })), warning: true });
      }
    }
    this.parsed.lines.forEach((text, i) => {
      const t = text.trim();
      if (covered.has(i + 1) || t === '' || t.startsWith('#')) return;
      out.push({ line: i + 1, ...explain(t) });
    });
    return out.sort((a, b) => a.line - b.line);
  }

  /** The document's text: byte-identical to the input until an edit. */
  toString(): string {
    return (this.bom ? BOM : '') + this.text;
  }

  private last(key: string): Located | undefined {
    const { entries } = this.parsed;
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]?.key === key) return entries[i];
    return undefined;
  }

  private appended(line: string): string {
    if (this.text === '') return line + this.eol;
    if (/[\r\n]$/.test(this.text)) return this.text + line + this.eol;
    return this.text + this.eol + line; // the file had no trailing line break; keep it that way
  }

  private replace(text: string): void {
    this.text = text;
    this.parsed = scan(text);
  }
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
