// The /role picker's state: what is typed, the roles that match it, and the one selected. Pure.
import type { RoleChoice } from './useSystemPrompt.js';

export interface RolePickerState {
  readonly query: string;
  /** undefined while the roles folder is being read. */
  readonly roles: readonly RoleChoice[] | undefined;
  readonly cursor: number;
}

export type RolePickerAction =
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'setQuery'; query: string }
  | { type: 'roles'; roles: readonly RoleChoice[] }
  | { type: 'move'; to: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'; page?: number };

export const INITIAL_ROLE_PICKER: RolePickerState = { query: '', roles: undefined, cursor: 0 };

/** The roles whose name or description holds the query (any case), in the folder's order. */
export function matchingRoles(s: RolePickerState): readonly RoleChoice[] {
  const q = s.query.trim().toLowerCase();
  const all = s.roles ?? [];
  return q ? all.filter((r) => r.name.toLowerCase().includes(q) || r.about.toLowerCase().includes(q)) : all;
}

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, max));

export function rolePickerReducer(s: RolePickerState, a: RolePickerAction): RolePickerState {
  switch (a.type) {
    case 'type':
      return { ...s, query: s.query + a.text.replace(/[\r\n\t]+/g, ' '), cursor: 0 };
    case 'backspace':
      return s.query === '' ? s : { ...s, query: [...s.query].slice(0, -1).join(''), cursor: 0 };
    case 'setQuery':
      return s.query === a.query ? s : { ...s, query: a.query, cursor: 0 };
    case 'roles':
      return { ...s, roles: a.roles, cursor: 0 };
    case 'move': {
      const last = matchingRoles(s).length - 1;
      if (last < 0) return s;
      const page = Math.max(1, a.page ?? 5);
      const to = { up: s.cursor - 1, down: s.cursor + 1, pageUp: s.cursor - page, pageDown: s.cursor + page, home: 0, end: last }[a.to];
      const cursor = clamp(to, last);
      return cursor === s.cursor ? s : { ...s, cursor };
    }
  }
}

/** The rows to draw in `rows` screen rows (one row each), keeping the cursor in view. */
export function visibleRoles(cursor: number, count: number, rows: number): { start: number; end: number } {
  const fits = Math.max(1, rows);
  const start = clamp(cursor - Math.floor(fits / 2), Math.max(0, count - fits));
  return { start, end: Math.min(count, start + fits) };
}
