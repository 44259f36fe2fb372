// Long pastes and cleared drafts, for the prompt's reducer. A paste of more than PASTE_LINES lines
// shows as one label ("[pasted 121 lines]") and is sent whole; a draft cleared by Esc or Ctrl+U is
// kept so Ctrl+Z (or Up on an empty prompt) brings it back. Pure.

/** Pastes with more lines than this collapse to a label. */
export const PASTE_LINES = 10;

export interface Paste {
  /** What the prompt shows in its place. */
  readonly label: string;
  readonly text: string;
  /** The size of the chunk that last added to it (a terminal hands a long paste over in pieces). */
  readonly chunk: number;
}

/** A chunk this long that ends at a label was cut by the terminal's read: the next chunk continues it. */
export const SPLIT_CHUNK = 1024;

/** Lines of a paste; a final line break does not start another. */
export const lineCount = (text: string): number => text.replace(/\n$/, '').split('\n').length;

/** How a collapsed paste is named, e.g. "pasted 121 lines" (the catalog's chat.pasted). */
export type PasteName = (p: { n: number }) => string;

/** `[pasted 121 lines]`, or `[pasted 121 lines #2]` when that label is in the draft already. */
export function pasteLabel(text: string, lines: number, taken: readonly Paste[], name: PasteName): string {
  const base = name({ n: lines });
  let label = `[${base}]`;
  for (let n = 2; taken.some((p) => p.label === label) || text.includes(label); n++) label = `[${base} #${n}]`;
  return label;
}

/** The draft with each paste's label replaced by its text (a label the user edited away is gone). */
export function expandPastes(text: string, pastes: readonly Paste[] | undefined): string {
  let out = text;
  for (const p of pastes ?? []) out = out.replace(p.label, () => p.text);
  return out;
}

/** The pastes whose label is still in the draft. */
export function livePastes(text: string, pastes: readonly Paste[] | undefined): readonly Paste[] | undefined {
  const kept = pastes?.filter((p) => text.includes(p.label));
  return kept?.length ? kept : undefined;
}
