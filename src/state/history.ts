// Prompt history: Up/Down walk past prompts; the text being typed is kept as a draft.

export interface PromptHistory {
  readonly entries: readonly string[];
  /** entries.length means "not browsing" (showing the draft). */
  readonly index: number;
  readonly draft: string;
}

export const MAX_HISTORY = 500;

export const EMPTY_HISTORY: PromptHistory = { entries: [], index: 0, draft: '' };

/** Record a sent prompt (skipping blanks and an immediate repeat) and stop browsing. */
export function pushHistory(h: PromptHistory, text: string): PromptHistory {
  let entries = h.entries;
  if (text.trim() !== '' && entries[entries.length - 1] !== text) {
    entries = [...entries, text].slice(-MAX_HISTORY);
  }
  return { entries, index: entries.length, draft: '' };
}

export interface HistoryStep {
  history: PromptHistory;
  text: string;
}

/** Older entry; undefined when there is none. `current` is what the prompt shows now. */
export function historyUp(h: PromptHistory, current: string): HistoryStep | undefined {
  if (h.index === 0) return undefined;
  const draft = h.index === h.entries.length ? current : h.draft;
  const index = h.index - 1;
  return { history: { ...h, index, draft }, text: h.entries[index] ?? '' };
}

/** Newer entry, or back to the draft; undefined when not browsing. */
export function historyDown(h: PromptHistory): HistoryStep | undefined {
  if (h.index >= h.entries.length) return undefined;
  const index = h.index + 1;
  const text = index === h.entries.length ? h.draft : (h.entries[index] ?? '');
  return { history: { ...h, index }, text };
}
