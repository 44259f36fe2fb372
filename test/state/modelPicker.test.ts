import { describe, expect, it } from 'vitest';
import type { ModelEntry, ModelListing } from '../../src/runtime/types.js';
import { builtinModels, mergeModels } from '../../src/runtime/models.js';
import { en } from '../../src/i18n/index.js';
import {
  createPicker,
  formatContext,
  fuzzyMatch,
  keepVisible,
  modelDetails,
  pickerReducer,
  selectedModel,
  visibleRows,
  type PickerAction,
  type PickerState,
} from '../../src/state/modelPicker.js';

/** What the runtime lists for the seed proxy (claude-3-5-sonnet alias + a haiku served under its own name). */
const proxyListing: ModelListing = {
  status: 'ok',
  models: mergeModels(builtinModels(false), [
    { id: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', contextWindow: 200_000, inputCostPerMTok: 3, outputCostPerMTok: 15 },
    { id: 'claude-3-5-haiku-20241022', underlying: 'anthropic/claude-3-5-haiku-20241022' },
  ]),
};
const direct: ModelListing = { status: 'none', models: builtinModels(false) };

const run = (state: PickerState, ...actions: PickerAction[]): PickerState => actions.reduce(pickerReducer, state);
const type = (text: string): PickerAction => ({ type: 'type', text });
const move = (to: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end'): PickerAction => ({ type: 'move', to });

/** The rows as text: "# header" and "  name", with ">" on the cursor. */
function lines(s: PickerState): string[] {
  return s.rows.map((r, i) => (r.kind === 'header' ? `# ${en.picker.groups[r.group]}` : `${i === s.cursor ? '>' : ' '} ${r.entry.id}`));
}
const models = (s: PickerState): string[] => s.rows.flatMap((r) => (r.kind === 'model' ? [r.entry.id] : []));

describe('fuzzy matching', () => {
  it('matches subsequences case-insensitively and rejects the rest', () => {
    expect(fuzzyMatch('C35S', 'claude-3-5-sonnet')?.positions).toEqual([0, 7, 9, 11]);
    expect(fuzzyMatch('sonnet', 'claude-3-5-haiku')).toBeUndefined();
    expect(fuzzyMatch('', 'anything')).toEqual({ score: 0, positions: [] });
    expect(fuzzyMatch('son 45', 'claude-sonnet-4-5-20250929')).toBeDefined();
  });

  it('prefers contiguous runs at word starts over scattered letters', () => {
    const run = fuzzyMatch('haiku', 'claude-3-5-haiku-20241022')!;
    const scattered = fuzzyMatch('haiku', 'chatbot-inkjet-bu')!;
    expect(run.score).toBeGreaterThan(scattered.score);
    expect(run.positions).toEqual([11, 12, 13, 14, 15]);
  });

  it('picks the best alignment, not the first one', () => {
    // "son" occurs scattered early (s…o…n) and contiguous later: the contiguous word start wins.
    expect(fuzzyMatch('son', 'claude-3-5-sonnet')?.positions).toEqual([11, 12, 13]);
  });

  it('ranks a prefix match above a match in the middle, and an exact match above all', () => {
    expect(fuzzyMatch('gpt', 'gpt-4o')!.score).toBeGreaterThan(fuzzyMatch('gpt', 'my-gpt-4o')!.score);
    expect(fuzzyMatch('gpt-4o', 'gpt-4o')!.score).toBeGreaterThan(fuzzyMatch('gpt-4o', 'gpt-4o-mini')!.score);
  });
});

describe('model picker rows', () => {
  it('pins the current model, then recent ones, then the rest grouped by source under headers', () => {
    const s = createPicker({ listing: proxyListing, current: 'claude-3-5-sonnet', recent: ['claude-3-5-sonnet', 'claude-3-5-haiku-20241022'], height: 30 });
    expect(lines(s).slice(0, 6)).toEqual([
      '# current',
      '> claude-3-5-sonnet',
      '# recent',
      '  claude-3-5-haiku-20241022',
      '# built in',
      '  claude-sonnet-5-5',
    ]);
    // Each model appears once.
    expect(new Set(models(s)).size).toBe(models(s).length);
  });

  it('shows the proxy group before the built-ins, and marks built-ins the proxy lacks with its nearest name', () => {
    const s = createPicker({ listing: proxyListing, current: 'claude-sonnet-4-5-20250929', recent: [], height: 30 });
    const titles = s.rows.flatMap((r) => (r.kind === 'header' ? [en.picker.groups[r.group]] : []));
    expect(titles).toEqual(['current', 'served by the proxy', 'built in']);
    const entry = (id: string): ModelEntry | undefined => s.items.find((i) => i.entry.id === id)?.entry;
    expect(entry('claude-3-5-sonnet-20241022')).toMatchObject({ served: false, suggestion: 'claude-3-5-sonnet' });
    expect(entry('claude-3-5-sonnet')).toMatchObject({ served: true });
    expect(s.items[0]).toMatchObject({ group: 'current', entry: { id: 'claude-sonnet-4-5-20250929', served: false } });
  });

  it('pins a current or recent model the listing does not know (a --model name), marked not served', () => {
    const s = createPicker({ listing: proxyListing, current: 'my-team-model', recent: ['claude-3-5-sonnet-latest'], height: 30 });
    expect(s.items[0]).toMatchObject({ group: 'current', entry: { id: 'my-team-model', served: false } });
    expect(s.items[1]).toMatchObject({ group: 'recent', entry: { id: 'claude-3-5-sonnet-latest', served: false, suggestion: 'claude-3-5-sonnet' } });
    // With nothing to check against, nothing is marked.
    const loading = createPicker({ listing: undefined, current: 'my-team-model', recent: [], height: 30 });
    expect(loading.items).toEqual([{ group: 'current', entry: { id: 'my-team-model', source: 'builtin', served: undefined } }]);
  });

  it('filters with the query, keeps the groups, ranks within them and puts the cursor on the best served match', () => {
    const s = run(createPicker({ listing: proxyListing, current: 'claude-sonnet-4-5-20250929', recent: [], height: 30 }), type('h'), type('a'), type('i'));
    expect(lines(s)).toEqual([
      '# served by the proxy',
      '> claude-3-5-haiku-20241022',
      '# built in',
      '  claude-haiku-5-5',
      '  claude-haiku-4-5-20251001',
    ]);
    expect(s.query).toBe('hai');
    // A not-served name wins the cursor only when it matches clearly better.
    expect(selectedModel(run(s, type('ku-5')))).toBe('claude-haiku-5-5');
  });

  it('backspace widens the filter again; no match leaves no cursor', () => {
    const base = createPicker({ listing: direct, current: 'claude-sonnet-4-5-20250929', recent: [], height: 30 });
    const none = run(base, type('zzz'));
    expect(none.rows).toEqual([]);
    expect(none.cursor).toBe(-1);
    expect(selectedModel(none)).toBeUndefined();
    const back = run(none, { type: 'backspace' }, { type: 'backspace' }, { type: 'backspace' });
    expect(back.query).toBe('');
    expect(models(back)).toEqual(models(base));
    expect(run(base, { type: 'backspace' })).toBe(base);
  });

  it('matches on the label too ("opus 4.8")', () => {
    const s = run(createPicker({ listing: direct, current: '', recent: [], height: 30 }), type('Opus 4.8'));
    expect(selectedModel(s)).toBe('claude-opus-4-8');
  });

  it('drops control characters typed into the filter', () => {
    const base = createPicker({ listing: direct, current: 'x', recent: [], height: 30 });
    expect(run(base, type('\x1b\x07'))).toBe(base);
    expect(run(base, type('ha\tiku')).query).toBe('haiku');
  });
});

describe('model picker cursor and window', () => {
  // 1 header + 9 built-ins under "built in", after "current" (header + 1 row): 12 rows.
  const base = (): PickerState => createPicker({ listing: direct, current: 'claude-opus-4-8', recent: ['claude-3-5-haiku-20241022'], height: 5 });

  it('starts on the current model with its header in view', () => {
    const s = base();
    expect(selectedModel(s)).toBe('claude-opus-4-8');
    expect(s.scroll).toBe(0);
    expect(visibleRows(s).rows.map((r) => r.row.kind)).toEqual(['header', 'model', 'header', 'model', 'header']);
  });

  it('Up/Down skip the group headers and stop at the ends', () => {
    let s = run(base(), move('down'));
    expect(selectedModel(s)).toBe('claude-3-5-haiku-20241022');
    s = run(s, move('down'));
    expect(s.rows[s.cursor - 1]?.kind).toBe('header');
    expect(selectedModel(s)).toBe('claude-sonnet-5-5');
    s = run(s, move('up'), move('up'));
    expect(selectedModel(s)).toBe('claude-opus-4-8');
    expect(run(s, move('up'))).toBe(s);
    const end = run(s, move('end'));
    expect(run(end, move('down'))).toBe(end);
  });

  it('scrolls to keep the cursor visible, and shows a group header with its first row', () => {
    let s = base();
    for (let i = 0; i < 4; i++) s = run(s, move('down'));
    expect(selectedModel(s)).toBe('claude-haiku-5-5');
    expect(s.cursor).toBe(7);
    expect(s.scroll).toBe(3);
    s = run(s, move('end'));
    expect(s.cursor).toBe(s.rows.length - 1);
    expect(s.scroll).toBe(s.rows.length - s.height);
    expect(visibleRows(s)).toMatchObject({ above: s.rows.length - 5, below: 0 });
    s = run(s, move('home'));
    expect(s.scroll).toBe(0);
    // Up onto the first row of the built-ins brings its header into view.
    s = run(s, move('end'));
    while (selectedModel(s) !== 'claude-sonnet-5-5') s = run(s, move('up'));
    expect(s.rows[s.scroll]).toMatchObject({ kind: 'header', group: 'builtin' });
  });

  it('PageUp/PageDown move by a page (height - 1) and land on models', () => {
    let s = run(base(), move('pageDown'));
    expect(s.cursor).toBe(1 + 4);
    expect(selectedModel(s)).toBe('claude-sonnet-5-5');
    expect(s.rows[s.cursor]?.kind).toBe('model');
    s = run(s, move('pageDown'), move('pageDown'));
    expect(s.cursor).toBe(s.rows.length - 1);
    s = run(s, move('pageUp'));
    expect(s.cursor).toBe(s.rows.length - 1 - 4);
    s = run(s, move('pageUp'), move('pageUp'));
    expect(selectedModel(s)).toBe('claude-opus-4-8');
    expect(s.scroll).toBe(0);
  });

  it('keeps the window valid when resized', () => {
    let s = run(base(), move('end'));
    s = run(s, { type: 'resize', height: 20 });
    expect(s.scroll).toBe(0);
    s = run(s, { type: 'resize', height: 2 });
    expect(s.cursor).toBeGreaterThanOrEqual(s.scroll);
    expect(s.cursor).toBeLessThan(s.scroll + 2);
    expect(keepVisible([], -1, 3, 5)).toBe(0);
  });

  it('a new listing keeps the cursor on the same model', () => {
    let s = createPicker({ listing: undefined, current: 'claude-3-5-haiku-20241022', recent: ['claude-3-5-sonnet'], height: 10 });
    s = run(s, move('down'));
    expect(selectedModel(s)).toBe('claude-3-5-sonnet');
    s = run(s, { type: 'load', listing: proxyListing, current: 'claude-3-5-haiku-20241022', recent: ['claude-3-5-sonnet'] });
    expect(selectedModel(s)).toBe('claude-3-5-sonnet');
    expect(s.items.length).toBe(proxyListing.models.length);
  });
});

describe('model details', () => {
  it('formats context window and price per million tokens', () => {
    expect(formatContext(200_000)).toBe('200k');
    expect(formatContext(1_047_576)).toBe('1M');
    expect(formatContext(1_500_000)).toBe('1.5M');
    expect(formatContext(512)).toBe('512');
    expect(modelDetails({ id: 'x', source: 'proxy', served: true, contextWindow: 200_000, inputCostPerMTok: 3, outputCostPerMTok: 15 })).toBe('200k · $3/$15');
    expect(modelDetails({ id: 'x', source: 'builtin', served: undefined, inputCostPerMTok: 0.15, outputCostPerMTok: 0.6 })).toBe('$0.15/$0.6');
    expect(modelDetails({ id: 'x', source: 'proxy', served: true })).toBe('');
  });
});
