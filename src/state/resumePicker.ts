// The /resume picker's state: what is typed, the sessions that match it, and the one selected.
// Pure; the search itself runs in the component (the store answers synchronously, in milliseconds).
import type { SearchHit } from '../history/store.js';

export interface ResumePickerState {
  readonly query: string;
  readonly hits: readonly SearchHit[];
  readonly cursor: number;
}

export type ResumePickerAction =
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'setQuery'; query: string }
  | { type: 'results'; hits: readonly SearchHit[] }
  | { type: 'move'; to: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'; page?: number };

export const INITIAL_RESUME_PICKER: ResumePickerState = { query: '', hits: [], cursor: 0 };

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

export function resumePickerReducer(s: ResumePickerState, a: ResumePickerAction): ResumePickerState {
  switch (a.type) {
    case 'type':
      // Typed text is one line: pasted line breaks become spaces.
      return { ...s, query: s.query + a.text.replace(/[\r\n\t]+/g, ' ') };
    case 'backspace':
      return s.query === '' ? s : { ...s, query: [...s.query].slice(0, -1).join('') };
    case 'setQuery':
      return s.query === a.query ? s : { ...s, query: a.query };
    case 'results':
      return { ...s, hits: a.hits, cursor: 0 };
    case 'move': {
      const last = s.hits.length - 1;
      if (last < 0) return s;
      const page = Math.max(1, a.page ?? 5);
      const to = { up: s.cursor - 1, down: s.cursor + 1, pageUp: s.cursor - page, pageDown: s.cursor + page, home: 0, end: last }[a.to];
      const cursor = clamp(to, last);
      return cursor === s.cursor ? s : { ...s, cursor };
    }
  }
}

/** The hits to draw in `rows` screen rows (two rows each), keeping the cursor in view. */
export function visibleHits(s: ResumePickerState, rows: number): { start: number; end: number } {
  const fits = Math.max(1, Math.floor(rows / 2));
  const start = clamp(s.cursor - Math.floor(fits / 2), Math.max(0, s.hits.length - fits));
  return { start, end: Math.min(s.hits.length, start + fits) };
}
