// A reply past these sizes stops being rendered as Markdown: the rest arrives into a plain tail on
// screen and into a file (useChat), so memory and the time of each frame stay flat at any size.
/** Characters of a reply rendered as Markdown and kept for the conversation. */
export const PLAIN_AFTER = 256 * 1024;
/** Characters of one unfinished Markdown block (a huge code block) before going plain. */
export const LIVE_MAX = 64 * 1024;
/** Characters of the plain tail kept for the screen. */
export const TAIL_MAX = 16 * 1024;

/** The part of a long reply past PLAIN_AFTER: only its size and its end are kept. */
export interface PlainTail {
  /** Characters received in all (the Markdown part included). */
  readonly size: number;
  readonly tail: string;
  /** The file the whole reply is saved to (set once it is open). */
  readonly path?: string;
  /** The file could not be created or written: it does not hold the whole reply. */
  readonly saveFailed?: boolean;
}

/** The last `lines` lines of a plain tail (all of it when it has fewer). */
export function tailText(tail: string, lines: number): string {
  let start = tail.length;
  for (let n = 0; n < lines; n++) {
    const i = tail.lastIndexOf('\n', start - 1);
    if (i < 0) return tail;
    start = i;
  }
  return tail.slice(start + 1);
}

/** Keeps the last TAIL_MAX characters, never starting in the middle of a surrogate pair. */
export function keepTail(text: string): string {
  if (text.length <= TAIL_MAX) return text;
  const cut = text.length - TAIL_MAX;
  const c = text.charCodeAt(cut);
  return text.slice(c >= 0xdc00 && c <= 0xdfff ? cut + 1 : cut);
}

/** Said to the model (not user text): the conversation does not hold the rest of a long reply. */
export const CUT_NOTE = '[openwork-tui: the rest of this reply was too long to keep in the conversation]';
