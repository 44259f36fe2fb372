// Text a hostile server sends: every kind of terminal control the issue lists, each behind a letter
// so a leak of any one of them is found in the raw output (a letter followed by its sequence).
export const HOSTILE_PARTS: readonly (readonly [name: string, seq: string])[] = [
  ['OSC 0 (window title)', '\x1b]0;PWNED-title\x07'],
  ['OSC 2 (window title, ST)', '\x1b]2;PWNED-title\x1b\\'],
  ['OSC 8 (hyperlink)', '\x1b]8;;http://evil.invalid/\x07'],
  ['OSC 52 (clipboard write)', '\x1b]52;c;UFdORUQtY2xpcA==\x07'],
  ['CSI 2J (clear screen)', '\x1b[2J'],
  ['CSI ?1049h (alternate screen)', '\x1b[?1049h'],
  ['CSI cursor move', '\x1b[5;5H'],
  ['C1 CSI (0x9b)', '\x9b2J'],
  ['BEL', '\x07'],
  ['bidi override (U+202E)', '\u202e'],
];
const LETTERS = 'abcdefghijk';

/** `stem` with every hostile sequence in it. */
export function hostile(stem: string): string {
  return stem + HOSTILE_PARTS.map(([, seq], i) => LETTERS[i] + seq).join('') + LETTERS[HOSTILE_PARTS.length];
}

/** What `hostile(stem)` looks like cleaned: the letters, nothing between them. */
export function cleaned(stem: string): string {
  return stem + LETTERS.slice(0, HOSTILE_PARTS.length + 1);
}

/** The hostile sequences found in what a program wrote (empty when nothing got through). */
export function leaks(raw: string): string[] {
  const found = HOSTILE_PARTS.filter(([, seq], i) => raw.includes(LETTERS[i]! + seq)).map(([name]) => name);
  if (raw.includes('PWNED')) found.push('an OSC payload (PWNED)');
  if (raw.includes('evil.invalid')) found.push('an OSC 8 target (evil.invalid)');
  if (raw.includes('\u009b')) found.push('a C1 control');
  if (raw.includes('\u202e')) found.push('a bidi override');
  return found;
}
