// The settings screen's state: what the .env file said when the screen opened (`saved`), the edited
// values (`draft`, only what goes into the file), the environment underneath, the focused row, an
// inline edit with its live validation, y/n questions, and the "Test connection" results. Pure.
import type { CheckResult } from '../doctor/index.js';
import type { ConfigKey } from '../config/keys.js';
import { FIELDS, fieldSpec } from '../config/fields.js';
import { beginEdit, editApply, editInsert, pastedLine, type EditOp, type EditState } from './settingsEdit.js';
import type { LazyText, Messages } from '../i18n/index.js';

export type { EditOp, EditState } from './settingsEdit.js';

export type Values = Readonly<Partial<Record<ConfigKey, string>>>;

/** A UI preference kept in conf (e.g. the language): a choice, applied on Save, or at once when `instant`. */
export interface PrefField {
  id: string;
  label: string;
  hint: string;
  choices: readonly { value: string; label: string }[];
  /** Applies (and is kept) as soon as it changes, not on Save: never an unsaved edit. */
  instant?: boolean;
}

/** One "Test connection" result: the doctor's own check, its title prefixed with the check's label. */
export type ConnectionCheck = CheckResult;

export type Row = { kind: 'field'; key: ConfigKey } | { kind: 'pref'; id: string } | { kind: 'action'; id: 'test' | 'save' };

export type Question = 'overwrite' | 'discard';
export type Tone = 'ok' | 'info' | 'warn' | 'error';

export interface SettingsState {
  readonly rows: readonly Row[];
  readonly saved: Values;
  readonly draft: Values;
  readonly env: Values;
  readonly prefs: readonly PrefField[];
  readonly prefSaved: Readonly<Record<string, string>>;
  readonly prefDraft: Readonly<Record<string, string>>;
  readonly focus: number;
  readonly edit: EditState | undefined;
  readonly revealed: ConfigKey | undefined;
  readonly question: Question | undefined;
  readonly saving: boolean;
  readonly message: { tone: Tone; text: LazyText } | undefined;
  /** Results of the last "Test connection"; `run` tells a newer run from a stale one. */
  readonly test: { run: number; running: boolean; checks: readonly ConnectionCheck[] } | undefined;
}

export interface SettingsInit {
  /** Values in the file (dotenv's reading, empty ones left out). */
  file: Values;
  /** Values in the process environment. */
  env: Values;
  prefs?: readonly PrefField[];
  prefValues?: Readonly<Record<string, string>>;
}

export function initSettings(init: SettingsInit): SettingsState {
  const prefs = init.prefs ?? [];
  const prefValues = { ...init.prefValues };
  return {
    rows: [
      ...FIELDS.map((f): Row => ({ kind: 'field', key: f.key })),
      ...prefs.map((p): Row => ({ kind: 'pref', id: p.id })),
      { kind: 'action', id: 'test' },
      { kind: 'action', id: 'save' },
    ],
    saved: init.file,
    draft: init.file,
    env: init.env,
    prefs,
    prefSaved: prefValues,
    prefDraft: prefValues,
    focus: 0,
    edit: undefined,
    revealed: undefined,
    question: undefined,
    saving: false,
    message: undefined,
    test: undefined,
  };
}

export type SettingsAction =
  | { type: 'move'; by: number }
  | { type: 'focus'; row: number }
  /** Enter on a field: edit it (text) or step it (choice). */
  | { type: 'activate' }
  | { type: 'cycle'; by: 1 | -1 }
  | { type: 'reveal' }
  /** Start editing the focused text field with `text` typed or pasted over its value. */
  | { type: 'typeOver'; text: string }
  | { type: 'insert'; text: string }
  | { type: 'editOp'; op: EditOp }
  | { type: 'commit' }
  | { type: 'cancel' }
  | { type: 'ask'; question: Question }
  | { type: 'dismiss' }
  | { type: 'message'; tone: Tone; text: LazyText }
  | { type: 'saving' }
  /** The file now says `file` (written, or already so): it is the new baseline. */
  | { type: 'saved'; file: Values; text: LazyText }
  | { type: 'saveFailed'; tone: Tone; text: LazyText }
  | { type: 'testStart'; run: number }
  | { type: 'testCheck'; run: number; check: ConnectionCheck }
  | { type: 'testDone'; run: number; checks?: readonly ConnectionCheck[] };

export const focusedRow = (s: SettingsState): Row | undefined => s.rows[s.focus];

/** What applies for `key` when the file does not set it: the environment, else a choice's default. */
function inherited(s: SettingsState, key: ConfigKey): string | undefined {
  const spec = fieldSpec(key);
  return s.env[key] ?? (spec.kind === 'choice' ? spec.fallback : undefined);
}

export interface FieldView {
  key: ConfigKey;
  /** The value in effect once saved (file, else environment); undefined when unset. */
  value: string | undefined;
  source: 'file' | 'environment' | 'unset';
  /** Differs from the file as it was read. */
  dirty: boolean;
  /** The file sets it now and will not after saving. */
  removed: boolean;
}

export function fieldView(s: SettingsState, key: ConfigKey): FieldView {
  const own = s.draft[key];
  const value = own ?? s.env[key];
  const source = own !== undefined ? 'file' : s.env[key] !== undefined ? 'environment' : 'unset';
  return { key, value, source, dirty: own !== s.saved[key], removed: own === undefined && s.saved[key] !== undefined };
}

/** The keys to write: key → new value, '' to remove. */
export function pendingChanges(s: SettingsState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) if (s.draft[f.key] !== s.saved[f.key]) out[f.key] = s.draft[f.key] ?? '';
  return out;
}

export function pendingPrefs(s: SettingsState): Record<string, string> | undefined {
  const changed = s.prefs.filter((p) => s.prefDraft[p.id] !== s.prefSaved[p.id]);
  return changed.length ? Object.fromEntries(changed.map((p) => [p.id, s.prefDraft[p.id] ?? ''])) : undefined;
}

export const isDirty = (s: SettingsState): boolean => Object.keys(pendingChanges(s)).length > 0 || pendingPrefs(s) !== undefined;

/** Puts a value into the draft; '' removes the key, and a value the file need not hold is left out. */
function withValue(s: SettingsState, key: ConfigKey, value: string): SettingsState {
  const { [key]: _old, ...rest } = s.draft;
  const skip = value === '' || (s.saved[key] === undefined && value === inherited(s, key));
  return { ...s, draft: skip ? rest : { ...rest, [key]: value } };
}

function startEdit(s: SettingsState, key: ConfigKey, replace: boolean, text?: string): SettingsState {
  return { ...s, edit: beginEdit(key, text ?? fieldView(s, key).value ?? '', replace), message: undefined };
}

function commit(s: SettingsState, edit: EditState): SettingsState {
  const { key, check } = edit;
  if (!check.ok) return { ...s, message: { tone: 'error', text: (m) => m.problems.keyed({ key, message: check.say(m) }) } };
  const next = withValue({ ...s, edit: undefined }, key, check.value);
  const removedButInherited = check.value === '' && s.env[key] !== undefined;
  const note = check.noteSay;
  const message = note
    ? { tone: 'info' as const, text: (m: Messages) => m.problems.keyed({ key, message: note(m) }) }
    : removedButInherited
      ? { tone: 'warn' as const, text: (m: Messages) => m.settings.leavesFile({ key }) }
      : undefined;
  return { ...next, message };
}

function cycle(s: SettingsState, row: Row | undefined, by: 1 | -1): SettingsState {
  if (row?.kind === 'pref') {
    const pref = s.prefs.find((p) => p.id === row.id);
    if (!pref?.choices.length) return s;
    const i = pref.choices.findIndex((c) => c.value === s.prefDraft[pref.id]);
    const next = pref.choices[(i + by + pref.choices.length) % pref.choices.length]!;
    const prefDraft = { ...s.prefDraft, [pref.id]: next.value };
    return { ...s, prefDraft, ...(pref.instant ? { prefSaved: { ...s.prefSaved, [pref.id]: next.value } } : {}) };
  }
  if (row?.kind !== 'field') return s;
  const choices = fieldSpec(row.key).choices;
  if (!choices) return s;
  const i = choices.indexOf(fieldView(s, row.key).value ?? inherited(s, row.key) ?? '');
  const next = choices[i < 0 ? 0 : (i + by + choices.length) % choices.length]!;
  return withValue(s, row.key, next);
}

export function settingsReducer(s: SettingsState, a: SettingsAction): SettingsState {
  const row = focusedRow(s);
  const edit = s.edit;
  switch (a.type) {
    case 'move': {
      const focus = Math.max(0, Math.min(s.rows.length - 1, s.focus + a.by));
      return focus === s.focus ? s : { ...s, focus, revealed: undefined };
    }
    case 'focus':
      return { ...s, focus: Math.max(0, Math.min(s.rows.length - 1, a.row)), revealed: undefined };
    case 'activate':
      if (row?.kind === 'pref') return cycle(s, row, 1);
      if (row?.kind !== 'field') return s;
      return fieldSpec(row.key).kind === 'choice' ? cycle(s, row, 1) : startEdit(s, row.key, fieldSpec(row.key).secret);
    case 'cycle':
      return edit ? s : cycle(s, row, a.by);
    case 'reveal': {
      const key = edit?.key ?? (row?.kind === 'field' ? row.key : undefined);
      if (!key || !fieldSpec(key).secret) return s;
      return { ...s, revealed: s.revealed === key ? undefined : key };
    }
    case 'typeOver': {
      if (edit || row?.kind !== 'field' || fieldSpec(row.key).kind === 'choice') return s;
      if (!pastedLine(a.text)) return s;
      const started = startEdit(s, row.key, true);
      return { ...started, edit: editInsert(started.edit!, a.text) };
    }
    case 'insert':
      return edit ? { ...s, edit: editInsert(edit, a.text) } : s;
    case 'editOp':
      return edit ? { ...s, edit: editApply(edit, a.op) } : s;
    case 'commit':
      return edit ? commit(s, edit) : s;
    case 'cancel':
      return edit ? { ...s, edit: undefined, message: undefined } : s;
    case 'ask':
      return { ...s, question: a.question };
    case 'dismiss':
      return { ...s, question: undefined };
    case 'message':
      return { ...s, message: { tone: a.tone, text: a.text } };
    case 'saving':
      return { ...s, saving: true, question: undefined, message: undefined };
    case 'saved':
      return { ...s, saving: false, saved: a.file, draft: a.file, prefSaved: s.prefDraft, message: { tone: 'ok', text: a.text } };
    case 'saveFailed':
      return { ...s, saving: false, message: { tone: a.tone, text: a.text } };
    case 'testStart':
      return { ...s, test: { run: a.run, running: true, checks: [] } };
    case 'testCheck':
      if (s.test?.run !== a.run) return s;
      return { ...s, test: { ...s.test, checks: [...s.test.checks.filter((c) => c.id !== a.check.id), a.check] } };
    case 'testDone':
      if (s.test?.run !== a.run) return s;
      return { ...s, test: { run: a.run, running: false, checks: a.checks ?? s.test.checks } };
  }
}
