import { describe, expect, it } from 'vitest';
import type { ModelListing } from '../../src/runtime/types.js';
import { builtinModels, mergeModels } from '../../src/runtime/models.js';
import { checkLine, checkModel, nextRecent, withRecent, type CheckResult } from '../../src/state/modelSwitch.js';
import { messagesFor } from '../../src/i18n/index.js';

/** A check without its `say` (the words in another language), for comparing. */
type Checked = { ok: true } | { ok: false; suggestion?: string; message: string };
const words = (r: CheckResult): Checked => {
  if (r.ok) return r;
  const { say: _say, ...rest } = r;
  return rest;
};
import { pickerIntent, pickerIntents } from '../../src/state/modelKeys.js';
import { keyAction } from '../../src/state/keymap.js';
import { keyWith } from '../helpers/keys.js';

const seedProxy: ModelListing = {
  status: 'ok',
  models: mergeModels(builtinModels(true), [{ id: 'claude-3-5-sonnet' }, { id: 'claude-3-5-haiku-20241022' }, { id: 'team-fast' }]),
};
const emptyProxy: ModelListing = { status: 'ok', models: mergeModels(builtinModels(false), []) };
const direct: ModelListing = { status: 'none', models: builtinModels(false) };
const refused: ModelListing = {
  status: 'error',
  models: builtinModels(false),
  error: { kind: 'auth', fact: { id: 'auth', server: 'proxy', status: 401 } },
};

describe('checkModel', () => {
  const cases: [string, string, ModelListing | undefined, Checked][] = [
    ['a served alias', 'claude-3-5-sonnet', seedProxy, { ok: true }],
    ['a served name with spaces around it', '  team-fast ', seedProxy, { ok: true }],
    [
      'a dated built-in the proxy serves under its alias',
      'claude-3-5-sonnet-20241022',
      seedProxy,
      { ok: false, suggestion: 'claude-3-5-sonnet', message: 'The proxy does not serve claude-3-5-sonnet-20241022; the nearest name it serves is claude-3-5-sonnet.' },
    ],
    [
      'a "-latest" name not in the listing at all',
      'claude-3-5-haiku-latest',
      seedProxy,
      { ok: false, suggestion: 'claude-3-5-haiku-20241022', message: 'The proxy does not serve claude-3-5-haiku-latest; the nearest name it serves is claude-3-5-haiku-20241022.' },
    ],
    [
      'a wrong case of a served name',
      'Claude-3-5-Sonnet',
      seedProxy,
      { ok: false, suggestion: 'claude-3-5-sonnet', message: 'The proxy does not serve Claude-3-5-Sonnet; the nearest name it serves is claude-3-5-sonnet.' },
    ],
    [
      'an unrelated name: the served names, nearest first',
      'llama-3',
      seedProxy,
      { ok: false, message: 'The proxy does not serve llama-3. It serves: team-fast, claude-3-5-haiku-20241022, claude-3-5-sonnet.' },
    ],
    ['a built-in gpt model the proxy lacks (sent to OpenAI directly)', 'gpt-4o', seedProxy, { ok: true }],
    ['a proxy that serves nothing', 'claude-3-5-sonnet', emptyProxy, { ok: false, message: 'The proxy does not serve claude-3-5-sonnet, and it lists no models.' }],
    ['Anthropic direct: any name (nothing to check against)', 'claude-some-future-model', direct, { ok: true }],
    ['the listing failed: the name cannot be checked, so it goes through', 'anything', refused, { ok: true }],
    ['no listing yet', 'anything', undefined, { ok: true }],
    ['an empty name', '  ', seedProxy, { ok: false, message: 'No model name given.' }],
  ];
  it.each(cases)('%s', (_what, name, listing, expected) => {
    expect(words(checkModel(name, listing))).toEqual(expected);
  });
});

describe('checkLine', () => {
  it('says how to switch when a model cannot be used', () => {
    expect(checkLine({ ok: true })).toBeUndefined();
    expect(checkLine(checkModel('claude-3-5-sonnet-20241022', seedProxy))).toBe(
      'The proxy does not serve claude-3-5-sonnet-20241022; the nearest name it serves is claude-3-5-sonnet. Switch with /model claude-3-5-sonnet, or pick another with Ctrl+P.',
    );
    expect(checkLine(checkModel(' ', seedProxy))).toBe('No model name given. Pick another with Ctrl+P.');
  });

  it('says it again in Chinese', () => {
    const line = checkLine(checkModel('claude-3-5-sonnet-20241022', seedProxy), messagesFor('zh-CN'));
    expect(line).toContain('claude-3-5-sonnet-20241022');
    expect(line).toContain('/model claude-3-5-sonnet');
    expect(line).toContain('Ctrl+P');
  });
});

describe('nextRecent', () => {
  it('cycles through the recent models in order and wraps around', () => {
    const recent = ['a', 'b', 'c'];
    expect(nextRecent('a', recent)).toBe('b');
    expect(nextRecent('b', recent)).toBe('c');
    expect(nextRecent('c', recent)).toBe('a');
  });

  it('starts at the most recent when the current model is not in the list', () => {
    expect(nextRecent('x', ['a', 'b'])).toBe('a');
  });

  it('has nothing to switch to with no other recent model', () => {
    expect(nextRecent('a', [])).toBeUndefined();
    expect(nextRecent('a', ['a'])).toBeUndefined();
    expect(nextRecent('a', ['a', 'a'])).toBeUndefined();
  });

  it('skips names that are not usable', () => {
    expect(nextRecent('a', ['a', 'b', 'c'], (m) => m !== 'b')).toBe('c');
    expect(nextRecent('a', ['a', 'b'], () => false)).toBeUndefined();
  });

  it('withRecent puts the model first, once, and caps the list', () => {
    expect(withRecent('b', ['a', 'b', 'c'])).toEqual(['b', 'a', 'c']);
    expect(withRecent('z', ['a', 'b', 'c'], 3)).toEqual(['z', 'a', 'b']);
  });
});

const k = keyWith;

describe('model keys', () => {
  it('Ctrl+P opens the picker; Ctrl+O and Alt+M cycle recent models (as Ink reports them)', () => {
    expect(keyAction('chat', 'p', k({ ctrl: true }))).toBe('openPicker');
    expect(keyAction('chat', 'o', k({ ctrl: true }))).toBe('cycle');
    expect(keyAction('chat', 'm', k({ meta: true }))).toBe('cycle');
    expect(keyAction('chat', 'p', k({}))).toBeUndefined();
    expect(keyAction('chat', 'm', k({}))).toBeUndefined();
  });

  it('maps the picker keys', () => {
    expect(pickerIntent('', k({ escape: true, meta: true }))).toEqual({ type: 'close' });
    expect(pickerIntent('c', k({ ctrl: true }))).toEqual({ type: 'close' });
    expect(pickerIntent('\r', k({ return: true }))).toEqual({ type: 'pick' });
    expect(pickerIntent('', k({ upArrow: true }))).toEqual({ type: 'move', to: 'up' });
    expect(pickerIntent('', k({ downArrow: true }))).toEqual({ type: 'move', to: 'down' });
    expect(pickerIntent('n', k({ ctrl: true }))).toEqual({ type: 'move', to: 'down' });
    expect(pickerIntent('', k({ pageUp: true }))).toEqual({ type: 'move', to: 'pageUp' });
    expect(pickerIntent('', k({ pageDown: true }))).toEqual({ type: 'move', to: 'pageDown' });
    expect(pickerIntent('', k({ home: true }))).toEqual({ type: 'move', to: 'home' });
    expect(pickerIntent('', k({ end: true }))).toEqual({ type: 'move', to: 'end' });
    expect(pickerIntent('', k({ delete: true }), '\x7f')).toEqual({ type: 'backspace' });
    expect(pickerIntent('u', k({ ctrl: true }))).toEqual({ type: 'setQuery', query: '' });
    expect(pickerIntent('r', k({ ctrl: true }))).toEqual({ type: 'refresh' });
    expect(pickerIntent('s', k({}))).toEqual({ type: 'type', text: 's' });
    expect(pickerIntent('x', k({ ctrl: true }))).toBeUndefined();
    expect(pickerIntent('[15~', k({}), '\x1b[15~')).toBeUndefined();
  });

  it('takes text that came with its Enter in one chunk as the keys one by one: typed, then picked', () => {
    expect(pickerIntents('sonnet\r', k({}))).toEqual([{ type: 'type', text: 'sonnet' }, { type: 'pick' }]);
    expect(pickerIntents('two words\n', k({}))).toEqual([{ type: 'type', text: 'two words' }, { type: 'pick' }]);
    expect(pickerIntents('x\r\n', k({}))).toEqual([{ type: 'type', text: 'x' }, { type: 'pick' }]);
    expect(pickerIntents('\r', k({ return: true }))).toEqual([{ type: 'pick' }]);
    // line breaks inside: pasted text for the one-line filter, not a pick
    expect(pickerIntents('a\rb\r', k({}))).toEqual([{ type: 'type', text: 'a\rb\r' }]);
    expect(pickerIntents('s', k({}))).toEqual([{ type: 'type', text: 's' }]);
    expect(pickerIntents('x', k({ ctrl: true }))).toEqual([]);
    expect(pickerIntents('\x1b\r', k({ meta: true, return: true }), '\x1b\r')).toEqual([{ type: 'pick' }]);
  });
});

describe('gpt-* names', () => {
  const proxyOnly: ModelListing = { status: 'ok', models: [{ id: 'claude-3-5-sonnet', source: 'proxy', served: true }] };
  it('are checked against the proxy when there is no OpenAI key (no direct route)', () => {
    expect(checkModel('gpt-4o-mini-bogus', proxyOnly).ok).toBe(false);
  });
  it('go to OpenAI directly when the OpenAI models are listed (OPENAI_API_KEY set)', () => {
    const withOpenAI: ModelListing = { ...proxyOnly, models: [...proxyOnly.models, { id: 'gpt-4o', source: 'builtin', served: false }] };
    expect(checkModel('gpt-4o-mini', withOpenAI).ok).toBe(true);
  });
});
