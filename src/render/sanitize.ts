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
