// The model picker's state: a filter query, the rows (current model pinned, recent models, then the
// rest grouped by source under headers), a cursor that skips headers, and a scrolled window. Pure.
import type { ModelEntry, ModelListing } from '../runtime/types.js';
import { availability, entryFor } from './modelSwitch.js';
import { fuzzyMatch } from './fuzzy.js';

export { fuzzyMatch } from './fuzzy.js';

/** The groups, each under a header (its title is the catalog's `picker.groups`). */
export type PickerGroup = 'current' | 'recent' | 'proxy' | 'builtin';

const GROUP_ORDER: readonly PickerGroup[] = ['current', 'recent', 'proxy', 'builtin'];

export interface PickerItem {
  entry: ModelEntry;
  group: PickerGroup;
}

export type PickerRow =
  | { kind: 'header'; group: PickerGroup }
  | { kind: 'model'; group: PickerGroup; entry: ModelEntry; positions: number[] };

export interface PickerState {
  query: string;
  /** Every model, in group order, before filtering. */
  items: PickerItem[];
  /** What the list shows for the query: headers and matching models. */
  rows: PickerRow[];
  /** Index in `rows` of the selected model row; -1 when nothing matches. */
  cursor: number;
  /** Index in `rows` of the first visible row. */
  scroll: number;
  /** Visible list rows. */
  height: number;
}

export type PickerMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

export type PickerAction =
  | { type: 'load'; listing: ModelListing | undefined; current: string; recent: readonly string[] }
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'setQuery'; query: string }
  | { type: 'move'; to: PickerMove }
  | { type: 'resize'; height: number };

/** Current model first, then recent ones, then the listing's other models by source. */
export function pickerItems(listing: ModelListing | undefined, current: string, recent: readonly string[]): PickerItem[] {
  const seen = new Set<string>();
  const items: PickerItem[] = [];
  const add = (entry: ModelEntry, group: PickerGroup): void => {
    if (seen.has(entry.id)) return;
    seen.add(entry.id);
    items.push({ entry, group });
  };
  if (current) add(entryFor(current, listing), 'current');
  for (const name of recent) if (name) add(entryFor(name, listing), 'recent');
  for (const entry of listing?.models ?? []) add(entry, entry.source === 'proxy' ? 'proxy' : 'builtin');
  return items;
}

/** The rows for a query: matches only, best first within each group, a header over each group. */
export function pickerRows(items: readonly PickerItem[], query: string): PickerRow[] {
  const rows: PickerRow[] = [];
  for (const group of GROUP_ORDER) {
    const matches = items
      .filter((it) => it.group === group)
      .map((it, i) => ({ it, i, m: matchEntry(query, it.entry) }))
      .filter((x): x is typeof x & { m: NonNullable<typeof x.m> } => x.m !== undefined);
    if (!matches.length) continue;
    if (query.trim()) matches.sort((a, b) => b.m.score - a.m.score || a.i - b.i);
    rows.push({ kind: 'header', group });
    for (const { it, m } of matches) rows.push({ kind: 'model', group, entry: it.entry, positions: m.positions });
  }
  return rows;
}

/** Match the name; fall back to the label (e.g. "Sonnet 4.5"), scored a little lower and not highlighted. */
function matchEntry(query: string, entry: ModelEntry): { score: number; positions: number[] } | undefined {
  const byId = fuzzyMatch(query, entry.id);
  const byLabel = entry.label ? fuzzyMatch(query, entry.label) : undefined;
  if (byLabel && (!byId || byLabel.score - 1 > byId.score)) return { score: byLabel.score - 1, positions: [] };
  return byId;
}

const isModel = (row: PickerRow | undefined): row is Extract<PickerRow, { kind: 'model' }> => row?.kind === 'model';

function firstModel(rows: readonly PickerRow[]): number {
  return rows.findIndex(isModel);
}

function lastModel(rows: readonly PickerRow[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (isModel(rows[i])) return i;
  return -1;
}

/** The model row at or after `i` (or, failing that, before it). */
function modelNear(rows: readonly PickerRow[], i: number, dir: 1 | -1): number {
  for (let j = i; j >= 0 && j < rows.length; j += dir) if (isModel(rows[j])) return j;
  for (let j = i - dir; j >= 0 && j < rows.length; j -= dir) if (isModel(rows[j])) return j;
  return -1;
}

/** A name the proxy does not serve must match clearly better to take the cursor. */
const NOT_SERVED_PENALTY = 5;

/** The best match for the query (first on ties), or the first model row with no query. */
function bestRow(rows: readonly PickerRow[], query: string): number {
  if (!query.trim()) return firstModel(rows);
  let best = -1;
  let bestScore = -Infinity;
  rows.forEach((row, i) => {
    if (!isModel(row)) return;
    const penalty = availability(row.entry) === 'missing' ? NOT_SERVED_PENALTY : 0;
    const s = (matchEntry(query, row.entry)?.score ?? -Infinity) - penalty;
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

/** Keep the cursor (and its group header, when it is the group's first row) inside the window. */
export function keepVisible(rows: readonly PickerRow[], cursor: number, scroll: number, height: number): number {
  const h = Math.max(1, height);
  const max = Math.max(0, rows.length - h);
  if (cursor < 0) return Math.min(scroll, max);
  let s = scroll;
  const top = rows[cursor - 1]?.kind === 'header' ? cursor - 1 : cursor;
  if (top < s) s = top;
  if (cursor >= s + h) s = cursor - h + 1;
  return Math.max(0, Math.min(s, max));
}

function withRows(state: PickerState, rows: PickerRow[], cursor: number): PickerState {
  const scroll = keepVisible(rows, cursor, cursor === firstModel(rows) ? 0 : state.scroll, state.height);
  return { ...state, rows, cursor, scroll };
}

function refilter(state: PickerState, query: string): PickerState {
  const rows = pickerRows(state.items, query);
  return withRows({ ...state, query }, rows, bestRow(rows, query));
}

export function createPicker(opts: {
  listing: ModelListing | undefined;
  current: string;
  recent: readonly string[];
  height: number;
  query?: string;
}): PickerState {
  const items = pickerItems(opts.listing, opts.current, opts.recent);
  const empty: PickerState = { query: '', items, rows: [], cursor: -1, scroll: 0, height: Math.max(1, opts.height) };
  return refilter(empty, opts.query ?? '');
}

function move(state: PickerState, to: PickerMove): PickerState {
  const { rows, cursor } = state;
  if (cursor < 0) return state;
  const page = Math.max(1, state.height - 1);
  let next = cursor;
  switch (to) {
    case 'up':
      for (let j = cursor - 1; j >= 0; j--) if (isModel(rows[j])) { next = j; break; }
      break;
    case 'down':
      for (let j = cursor + 1; j < rows.length; j++) if (isModel(rows[j])) { next = j; break; }
      break;
    case 'pageUp':
      next = cursor - page <= 0 ? firstModel(rows) : modelNear(rows, cursor - page, -1);
      break;
    case 'pageDown':
      next = cursor + page >= rows.length - 1 ? lastModel(rows) : modelNear(rows, cursor + page, 1);
      break;
    case 'home':
      next = firstModel(rows);
      break;
    case 'end':
      next = lastModel(rows);
      break;
  }
  const scroll = keepVisible(rows, next, next === firstModel(rows) ? 0 : state.scroll, state.height);
  return next === cursor && scroll === state.scroll ? state : { ...state, cursor: next, scroll };
}

export function pickerReducer(state: PickerState, action: PickerAction): PickerState {
  switch (action.type) {
    case 'load': {
      const items = pickerItems(action.listing, action.current, action.recent);
      const rows = pickerRows(items, state.query);
      const selected = selectedModel(state);
      const kept = selected === undefined ? -1 : rows.findIndex((r) => isModel(r) && r.entry.id === selected);
      return withRows({ ...state, items }, rows, kept >= 0 ? kept : bestRow(rows, state.query));
    }
    case 'type': {
      // eslint-disable-next-line no-control-regex
      const text = action.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
      return text ? refilter(state, state.query + text) : state;
    }
    case 'backspace': {
      if (!state.query) return state;
      return refilter(state, Array.from(state.query).slice(0, -1).join(''));
    }
    case 'setQuery':
      return action.query === state.query ? state : refilter(state, action.query);
    case 'move':
      return move(state, action.to);
    case 'resize': {
      const height = Math.max(1, action.height);
      if (height === state.height) return state;
      return { ...state, height, scroll: keepVisible(state.rows, state.cursor, state.scroll, height) };
    }
  }
}

/** The selected model's entry, if any row is selected. */
export function selectedEntry(state: PickerState): ModelEntry | undefined {
  const row = state.rows[state.cursor];
  return isModel(row) ? row.entry : undefined;
}

export function selectedModel(state: PickerState): string | undefined {
  return selectedEntry(state)?.id;
}

/** The rows in the window, with how many are hidden above and below. */
export function visibleRows(state: PickerState): { rows: { row: PickerRow; index: number }[]; above: number; below: number } {
  const end = Math.min(state.rows.length, state.scroll + state.height);
  const rows = state.rows.slice(state.scroll, end).map((row, i) => ({ row, index: state.scroll + i }));
  return { rows, above: state.scroll, below: state.rows.length - end };
}

/** 200000 → "200k", 1047576 → "1M". */
export function formatContext(tokens: number): string {
  if (tokens >= 1_000_000) return `${+(tokens / 1_000_000).toFixed(1)}M`;
  if (tokens >= 1000) return `${Math.round(tokens / 1000)}k`;
  return String(tokens);
}

/** "200k · $3/$15" (context window · USD per million input/output tokens), where known. */
export function modelDetails(entry: ModelEntry): string {
  const parts: string[] = [];
  if (entry.contextWindow) parts.push(formatContext(entry.contextWindow));
  if (entry.inputCostPerMTok !== undefined && entry.outputCostPerMTok !== undefined) {
    parts.push(`$${+entry.inputCostPerMTok.toFixed(4)}/$${+entry.outputCostPerMTok.toFixed(4)}`);
  }
  return parts.join(' · ');
}
