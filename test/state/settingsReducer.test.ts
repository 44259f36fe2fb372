// The settings screen's state and key bindings, without Ink.

import { describe, expect, it } from 'vitest';
import { keyWith } from '../helpers/keys.js';
import {
  fieldView,
  focusedRow,
  initSettings,
  isDirty,
  pendingChanges,
  pendingPrefs,
  settingsReducer,
  type ConnectionCheck,
  type SettingsAction,
  type SettingsState,
} from '../../src/state/settingsReducer.js';
import { settingsIntents, type SettingsIntent, type SettingsKey } from '../../src/state/settingsKeys.js';
import { CONFIG_KEYS, type ConfigKey } from '../../src/config/keys.js';
import { en, resolveText, type LazyText } from '../../src/i18n/index.js';

/** A message as the English screen says it. */
const said = (t: LazyText | undefined): string | undefined => (t === undefined ? undefined : resolveText(t, en));

const FILE = { ANTHROPIC_BASE_URL: 'http://127.0.0.1:3000', ANTHROPIC_API_KEY: 'sk-test-master' };
const start = (env: Partial<Record<ConfigKey, string>> = {}) => initSettings({ file: FILE, env });
const run = (s: SettingsState, ...actions: SettingsAction[]): SettingsState => actions.reduce(settingsReducer, s);
const focusOn = (s: SettingsState, key: ConfigKey): SettingsState => run(s, { type: 'focus', row: CONFIG_KEYS.indexOf(key) });

describe('settings state', () => {
  it('one row per field, then Test connection and Save; values and where they come from', () => {
    const s = start({ OPENWORK_TIMEOUT_MS: '5000', ANTHROPIC_BASE_URL: 'http://env:1' });
    expect(s.rows.map((r) => (r.kind === 'field' ? r.key : r.kind === 'action' ? r.id : r.id))).toEqual([...CONFIG_KEYS, 'test', 'save']);
    expect(fieldView(s, 'ANTHROPIC_BASE_URL')).toEqual({ key: 'ANTHROPIC_BASE_URL', value: 'http://127.0.0.1:3000', source: 'file', dirty: false, removed: false });
    expect(fieldView(s, 'OPENWORK_TIMEOUT_MS')).toMatchObject({ value: '5000', source: 'environment' });
    expect(fieldView(s, 'OPENAI_API_KEY')).toMatchObject({ value: undefined, source: 'unset' });
    expect(isDirty(s)).toBe(false);
  });

  it('Up/Down stay within the rows', () => {
    let s = start();
    s = run(s, { type: 'move', by: -1 });
    expect(s.focus).toBe(0);
    s = run(s, { type: 'move', by: 100 });
    expect(focusedRow(s)).toEqual({ kind: 'action', id: 'save' });
  });

  it('editing validates as you type; Enter keeps a valid value (normalised, with the note)', () => {
    let s = run(start(), { type: 'activate' });
    expect(s.edit).toMatchObject({ key: 'ANTHROPIC_BASE_URL', buffer: { text: 'http://127.0.0.1:3000', cursor: 21 }, replace: false });
    s = run(s, { type: 'editOp', op: 'killStart' }, { type: 'insert', text: '10.0.0.1:4000' });
    expect(s.edit?.check).toMatchObject({ ok: false, message: 'add http:// or https:// in front, e.g. http://10.0.0.1:4000' });
    s = run(s, { type: 'commit' });
    expect(s.edit).toBeDefined(); // invalid: still editing, never kept
    expect(s.message?.tone).toBe('error');
    expect(pendingChanges(s)).toEqual({});
    s = run(s, { type: 'editOp', op: 'home' }, { type: 'insert', text: 'http://' }, { type: 'editOp', op: 'end' }, { type: 'insert', text: '/v1/' });
    expect(s.edit?.check).toMatchObject({ ok: true, value: 'http://10.0.0.1:4000', note: 'dropped the trailing /v1 (the app adds it where needed)' });
    s = run(s, { type: 'commit' });
    expect(s.edit).toBeUndefined();
    expect(s.message?.tone).toBe('info');
    expect(said(s.message?.text)).toBe('ANTHROPIC_BASE_URL: dropped the trailing /v1 (the app adds it where needed)');
    expect(fieldView(s, 'ANTHROPIC_BASE_URL')).toMatchObject({ value: 'http://10.0.0.1:4000', source: 'file', dirty: true });
    expect(pendingChanges(s)).toEqual({ ANTHROPIC_BASE_URL: 'http://10.0.0.1:4000' });
  });

  it('Esc (cancel) drops the edit and keeps the old value', () => {
    const s = run(start(), { type: 'activate' }, { type: 'insert', text: 'garbage' }, { type: 'cancel' });
    expect(s.edit).toBeUndefined();
    expect(fieldView(s, 'ANTHROPIC_BASE_URL').value).toBe('http://127.0.0.1:3000');
    expect(isDirty(s)).toBe(false);
  });

  it('a secret starts selected: a paste replaces it, trimmed; Backspace clears it', () => {
    let s = run(focusOn(start(), 'ANTHROPIC_API_KEY'), { type: 'activate' });
    expect(s.edit).toMatchObject({ replace: true, buffer: { text: 'sk-test-master' } });
    s = run(s, { type: 'insert', text: '  "sk-new-key-0001"\n' });
    expect(s.edit).toMatchObject({ replace: false, buffer: { text: '  "sk-new-key-0001"' } });
    s = run(s, { type: 'commit' });
    expect(pendingChanges(s)).toEqual({ ANTHROPIC_API_KEY: 'sk-new-key-0001' });
    s = run(s, { type: 'activate' }, { type: 'editOp', op: 'backspace' });
    expect(s.edit?.buffer.text).toBe('');
    s = run(s, { type: 'commit' });
    expect(fieldView(s, 'ANTHROPIC_API_KEY')).toMatchObject({ value: undefined, source: 'unset', removed: true });
    expect(pendingChanges(s)).toEqual({ ANTHROPIC_API_KEY: '' });
  });

  it('moving the caret first keeps the value for editing in place', () => {
    const s = run(focusOn(start(), 'ANTHROPIC_API_KEY'), { type: 'activate' }, { type: 'editOp', op: 'left' }, { type: 'insert', text: 'X' });
    expect(s.edit?.buffer.text).toBe('sk-test-masteXr');
  });

  it('clearing a value the environment also sets removes it from the file and says the environment applies', () => {
    const s = run(start({ ANTHROPIC_BASE_URL: 'http://env:9' }), { type: 'activate' }, { type: 'editOp', op: 'killStart' }, { type: 'commit' });
    expect(pendingChanges(s)).toEqual({ ANTHROPIC_BASE_URL: '' });
    expect(fieldView(s, 'ANTHROPIC_BASE_URL')).toMatchObject({ value: 'http://env:9', source: 'environment', removed: true });
    expect(said(s.message?.text)).toMatch(/environment's value then applies/);
  });

  it('typing on a text field starts editing with what was typed', () => {
    const s = run(focusOn(start(), 'OPENWORK_TIMEOUT_MS'), { type: 'typeOver', text: '3' }, { type: 'insert', text: '0000' });
    expect(s.edit).toMatchObject({ key: 'OPENWORK_TIMEOUT_MS', buffer: { text: '30000' } });
    expect(s.edit?.check).toEqual({ ok: true, value: '30000' });
  });

  it('a choice cycles both ways; back at the inherited value it leaves the file alone', () => {
    let s = focusOn(start(), 'OPENWORK_PROXY_FORMAT');
    expect(fieldView(s, 'OPENWORK_PROXY_FORMAT').value).toBeUndefined();
    s = run(s, { type: 'cycle', by: 1 });
    expect(fieldView(s, 'OPENWORK_PROXY_FORMAT')).toMatchObject({ value: 'openai', dirty: true });
    s = run(s, { type: 'activate' }); // Enter steps a choice too
    expect(fieldView(s, 'OPENWORK_PROXY_FORMAT').value).toBe('anthropic');
    s = run(s, { type: 'cycle', by: -1 }, { type: 'cycle', by: -1 });
    expect(pendingChanges(s)).toEqual({}); // auto is the default: nothing to write
    s = run(s, { type: 'cycle', by: -1 });
    expect(pendingChanges(s)).toEqual({ OPENWORK_PROXY_FORMAT: 'anthropic' });
  });

  it('reveal toggles for the focused secret only, and hides again on moving', () => {
    let s = run(start(), { type: 'reveal' });
    expect(s.revealed).toBeUndefined(); // the URL is no secret
    s = run(focusOn(s, 'ANTHROPIC_API_KEY'), { type: 'reveal' });
    expect(s.revealed).toBe('ANTHROPIC_API_KEY');
    s = run(s, { type: 'move', by: 1 });
    expect(s.revealed).toBeUndefined();
  });

  it('an instant preference is kept as it changes (never an unsaved edit)', () => {
    const lang = { id: 'lang', label: 'Language', hint: '', instant: true, choices: [{ value: 'system', label: 'System' }, { value: 'zh-CN', label: '简体中文' }] };
    let s = initSettings({ file: FILE, env: {}, prefs: [lang], prefValues: { lang: 'system' } });
    s = run(s, { type: 'focus', row: CONFIG_KEYS.length }, { type: 'cycle', by: 1 });
    expect(s.prefDraft).toEqual({ lang: 'zh-CN' });
    expect(s.prefSaved).toEqual({ lang: 'zh-CN' });
    expect(isDirty(s)).toBe(false);
  });

  it('after a save the written values are the new baseline', () => {
    let s = run(start(), { type: 'activate' }, { type: 'editOp', op: 'killStart' }, { type: 'insert', text: 'http://b:2' }, { type: 'commit' });
    s = run(s, { type: 'saving' }, { type: 'saved', file: { ...FILE, ANTHROPIC_BASE_URL: 'http://b:2' }, text: 'Saved' });
    expect(isDirty(s)).toBe(false);
    expect(s.message).toEqual({ tone: 'ok', text: 'Saved' });
  });

  it('test results stream in; a stale run is ignored', () => {
    const check: ConnectionCheck = { id: 'address', status: 'pass', title: 'Address: ok', detail: [] };
    let s = run(start(), { type: 'testStart', run: 1 }, { type: 'testStart', run: 2 });
    s = run(s, { type: 'testCheck', run: 1, check }, { type: 'testCheck', run: 2, check });
    expect(s.test).toEqual({ run: 2, running: true, checks: [check] });
    s = run(s, { type: 'testDone', run: 2 });
    expect(s.test?.running).toBe(false);
  });

  it('UI preferences are choices saved with the rest', () => {
    const prefs = [{ id: 'lang', label: 'Language', hint: 'interface language', choices: [{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '中文' }] }];
    let s = initSettings({ file: {}, env: {}, prefs, prefValues: { lang: 'en' } });
    expect(s.rows.at(-3)).toEqual({ kind: 'pref', id: 'lang' });
    s = run(s, { type: 'focus', row: s.rows.length - 3 }, { type: 'cycle', by: 1 });
    expect(pendingPrefs(s)).toEqual({ lang: 'zh-CN' });
    expect(isDirty(s)).toBe(true);
  });
});

const k = keyWith;
const intents = (s: SettingsState, input: string, key: Partial<SettingsKey> = {}, raw = input): SettingsIntent[] => settingsIntents(s, input, k(key), raw);

describe('settings keys', () => {
  const browsing = start();
  const editing = run(start(), { type: 'activate' });
  const asking = run(start(), { type: 'ask', question: 'discard' });

  it('browsing: move, edit, cycle, reveal, save, test, leave', () => {
    expect(intents(browsing, '', { downArrow: true })).toEqual([{ type: 'move', by: 1 }]);
    expect(intents(browsing, '', { tab: true, shift: true })).toEqual([{ type: 'move', by: -1 }]);
    expect(intents(browsing, '', { return: true }, '\r')).toEqual([{ type: 'activate' }]);
    expect(intents(browsing, ' ')).toEqual([{ type: 'cycle', by: 1 }]);
    expect(intents(browsing, '', { leftArrow: true })).toEqual([{ type: 'cycle', by: -1 }]);
    expect(intents(browsing, 'r', { ctrl: true })).toEqual([{ type: 'reveal' }]);
    expect(intents(browsing, 's', { ctrl: true })).toEqual([{ type: 'save' }]);
    expect(intents(browsing, 't', { ctrl: true })).toEqual([{ type: 'test' }]);
    expect(intents(browsing, '', { escape: true })).toEqual([{ type: 'back' }]);
    expect(intents(browsing, 'c', { ctrl: true })).toEqual([{ type: 'back' }]);
    expect(intents(browsing, 'sk-pasted')).toEqual([{ type: 'typeOver', text: 'sk-pasted' }]);
    expect(intents(browsing, '[200~', {}, '\x1b[200~')).toEqual([]); // a paste marker is not text
  });

  it('Enter on the action rows runs them', () => {
    const onTest = run(browsing, { type: 'focus', row: CONFIG_KEYS.length });
    const onSave = run(browsing, { type: 'focus', row: CONFIG_KEYS.length + 1 });
    expect(intents(onTest, '', { return: true }, '\r')).toEqual([{ type: 'test' }]);
    expect(intents(onSave, '', { return: true }, '\r')).toEqual([{ type: 'save' }]);
  });

  it('editing: text keys edit, Enter keeps, Esc and Ctrl+C cancel (never leave the screen)', () => {
    expect(intents(editing, 'x')).toEqual([{ type: 'insert', text: 'x' }]);
    expect(intents(editing, '', { backspace: true }, '\x7f')).toEqual([{ type: 'editOp', op: 'backspace' }]);
    expect(intents(editing, '', { delete: true }, '\x1b[3~')).toEqual([{ type: 'editOp', op: 'delete' }]);
    expect(intents(editing, '', { leftArrow: true }, '\x1b[D')).toEqual([{ type: 'editOp', op: 'left' }]);
    expect(intents(editing, 'u', { ctrl: true }, '\x15')).toEqual([{ type: 'editOp', op: 'killStart' }]);
    expect(intents(editing, '', { return: true }, '\r')).toEqual([{ type: 'commit' }]);
    expect(intents(editing, '', { downArrow: true }, '\x1b[B')).toEqual([{ type: 'commit' }, { type: 'move', by: 1 }]);
    expect(intents(editing, '', { escape: true }, '\x1b')).toEqual([{ type: 'cancel' }]);
    expect(intents(editing, 'c', { ctrl: true }, '\x03')).toEqual([{ type: 'cancel' }]);
    expect(intents(editing, 's', { ctrl: true }, '\x13')).toEqual([{ type: 'save' }]);
  });

  it('a question takes only y, n, Esc or Ctrl+C', () => {
    expect(intents(asking, 'y')).toEqual([{ type: 'answer', yes: true }]);
    expect(intents(asking, 'N')).toEqual([{ type: 'answer', yes: false }]);
    expect(intents(asking, '', { escape: true })).toEqual([{ type: 'answer', yes: false }]);
    expect(intents(asking, 'c', { ctrl: true })).toEqual([{ type: 'answer', yes: false }]);
    expect(intents(asking, 'x')).toEqual([]);
    expect(intents(asking, 's', { ctrl: true })).toEqual([]);
  });
});
