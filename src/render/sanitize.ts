// Model output is untrusted text: it must never move the cursor, clear the screen, set the
// window title or ring the bell. stripControl removes every C0/C1 control character except
// \n and \t, and whole escape sequences (CSI, OSC/DCS/SOS/PM/APC strings, two-byte ESC x).

// Anything we might have to remove. Tested once so clean text (the usual case) is returned as is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const ESC = 0x1b;
const BEL = 0x07;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;

/**
 * Removes C0/C1 control characters (except \n and \t) and ANSI escape sequences; CRLF becomes LF
 * and a lone CR is dropped. Printable text, including CJK and emoji, is left untouched.
 */
export function stripControl(text: string): string {
  if (!CONTROL.test(text)) return text;
  let out = '';
  let start = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) {
      i++;
      continue;
    }
    out += text.slice(start, i);
    i = skipControl(text, i);
    start = i;
  }
  return out + text.slice(start);
}

function isControl(c: number): boolean {
  if (c < 0x20) return c !== 0x0a && c !== 0x09;
  // Bidirectional embeddings/overrides/isolates can make text display in a misleading order.
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  return c >= 0x7f && c <= 0x9f;
}

/** Index just past the control character or escape sequence that starts at i. */
function skipControl(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === C1_CSI) return skipCsi(s, i + 1);
  // C1 string introducers: DCS, SOS, OSC, PM, APC.
  if (c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f) return skipString(s, i + 1);
  if (c !== ESC) return i + 1;
  const d = s.charCodeAt(i + 1); // NaN at the end of the text
  if (d === 0x5b) return skipCsi(s, i + 2); // ESC [
  // ESC ] (OSC), ESC P (DCS), ESC X (SOS), ESC ^ (PM), ESC _ (APC)
  if (d === 0x5d || d === 0x50 || d === 0x58 || d === 0x5e || d === 0x5f) return skipString(s, i + 2);
  if (d >= 0x20 && d <= 0x2f) {
    // ESC, intermediates, one final byte (e.g. ESC ( B)
    let j = i + 1;
    while (j < s.length && inRange(s.charCodeAt(j), 0x20, 0x2f)) j++;
    return j < s.length && inRange(s.charCodeAt(j), 0x30, 0x7e) ? j + 1 : j;
  }
  if (d >= 0x30 && d <= 0x7e) return i + 2; // ESC 7, ESC c, ESC M …
  return i + 1; // a lone ESC
}

/** CSI: parameter bytes, intermediate bytes, one final byte. A malformed tail is dropped too. */
function skipCsi(s: string, j: number): number {
  const n = s.length;
  while (j < n && inRange(s.charCodeAt(j), 0x30, 0x3f)) j++;
  while (j < n && inRange(s.charCodeAt(j), 0x20, 0x2f)) j++;
  return j < n && inRange(s.charCodeAt(j), 0x40, 0x7e) ? j + 1 : j;
}

/**
 * OSC and friends run to BEL or ST (ESC \ or 0x9c). An unterminated one is dropped up to the end
 * of its line, so a stray ESC ] cannot swallow the rest of a reply, and a sequence that is still
 * streaming renders the same before and after its terminator arrives.
 */
function skipString(s: string, j: number): number {
  const n = s.length;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c === BEL || c === C1_ST) return j + 1;
    if (c === ESC) return s.charCodeAt(j + 1) === 0x5c ? j + 2 : j;
    if (c === 0x0a) return j;
    j++;
  }
  return n;
}

function inRange(c: number, lo: number, hi: number): boolean {
  return c >= lo && c <= hi;
}

// ---- the other sinks: one line, the log file, JSON, a stream, a terminal ----------------------------
// Every string that comes from a server (model ids, versions, error text, headers, doctor details,
// a headless reply) goes through one of these before it reaches a terminal or the log.

/**
 * Server text for one line (a model id, a version, a header value, a table cell): stripControl,
 * then every run of whitespace (newlines, tabs) as one space, so it cannot break the layout.
 */
export function safeLine(text: string): string {
  const s = stripControl(text);
  return /[\n\t]/.test(s) ? s.replace(/\s*[\n\t]\s*/g, ' ') : s;
}

const ESCAPABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * For the log file: every control character (C0 except \n and \t, DEL, C1, bidi controls) written
 * as a visible escape (`\x1b`, `\x9b`, `\u202e`), so the text is kept but no terminal acts on it —
 * `openwork-tui logs`, `cat` and `less -R` stay safe.
 */
export function escapeControl(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(ESCAPABLE, hexEscape);
}

function hexEscape(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

// JSON.stringify already escapes C0; these it leaves raw.
const JSON_RAW = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (from JSON.stringify) with DEL, C1 and bidi controls written as \uXXXX: the same JSON
 * value, byte for byte different, and nothing a terminal acts on (`models --json` in a terminal).
 */
export function safeJson(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The longest escape sequence held back while waiting for its end (an OSC 52 can be long). */
const MAX_HELD = 64 * 1024;

/**
 * stripControl for text that arrives in pieces (a headless reply on a terminal): an escape
 * sequence cut between two pieces is held back until it ends, so neither half reaches the
 * terminal as text. `end()` returns what is still held, cleaned.
 */
export function streamSanitizer(): { write(chunk: string): string; end(): string } {
  let held = '';
  return {
    write(chunk) {
      const text = held + chunk;
      held = '';
      const cut = openSequenceAt(text);
      if (cut < 0) return stripControl(text);
      if (text.length - cut <= MAX_HELD) held = text.slice(cut);
      return stripControl(text.slice(0, cut));
    },
    end() {
      const rest = held;
      held = '';
      return stripControl(rest);
    },
  };
}

/** Where an escape sequence starts that the text ends before finishing (-1: none). */
function openSequenceAt(s: string): number {
  // Only the last introducer can be open: an earlier one ended before it (or at a newline).
  let i = s.length - 1;
  const stop = Math.max(0, s.length - MAX_HELD);
  for (; i >= stop; i--) {
    const c = s.charCodeAt(i);
    if (c === ESC || c === C1_CSI || c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f) break;
    if (c === 0x0a || c === BEL || c === C1_ST) return -1;
  }
  if (i < stop) return -1;
  const c = s.charCodeAt(i);
  if (c === ESC && i === s.length - 1) return i; // a lone ESC: the next piece says what it starts
  if (c === ESC && s.charCodeAt(i + 1) === 0x5c) return -1; // ST, the end of a string
  const end = skipControl(s, i);
  if (end < s.length) return -1;
  // It ran to the end of the text: complete only if its last character is a final byte.
  const last = s.charCodeAt(s.length - 1);
  const isString = c === 0x90 || c === 0x98 || c === 0x9d || c === 0x9e || c === 0x9f || (c === ESC && [0x5d, 0x50, 0x58, 0x5e, 0x5f].includes(s.charCodeAt(i + 1)));
  if (isString) return last === BEL || last === C1_ST ? -1 : i;
  if (c === C1_CSI || (c === ESC && s.charCodeAt(i + 1) === 0x5b)) return inRange(last, 0x40, 0x7e) && s.length - i > (c === C1_CSI ? 1 : 2) ? -1 : i;
  return i + 1 < s.length && inRange(last, 0x30, 0x7e) ? -1 : i;
}
