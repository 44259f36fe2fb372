// The model-choice hook in a tiny component: pick, cycle, /model NAME (checked), and the check of
// the current model, which follows the runtime's listing (refetched when the generation changes).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import { Text } from 'ink';
import { cleanup, render } from 'ink-testing-library';
import type { ModelListing } from '../../src/runtime/types.js';
import { builtinModels, mergeModels } from '../../src/runtime/models.js';
import { useModelChoice, type ModelChoice, type ModelChoiceOptions } from '../../src/state/useModelChoice.js';
import { openPrefs } from '../../src/settings/prefs.js';
import { fakeRuntime, makeConfig } from '../helpers/fakeRuntime.js';
import { tempHome } from '../helpers/home.js';
import { waitFor } from '../components/harness.js';

afterEach(() => cleanup());

const listing = (...served: string[]): ModelListing => ({ status: 'ok', models: mergeModels(builtinModels(false), served.map((id) => ({ id }))) });

function mount(opts: ModelChoiceOptions) {
  const box: { current?: ModelChoice } = {};
  function Probe() {
    const choice = useModelChoice(opts);
    useEffect(() => {
      box.current = choice;
    });
    return <Text>{`model=${choice.model} recent=${choice.recent.join(',')} check=${choice.check ? (choice.check.ok ? 'ok' : choice.check.message) : '?'}`}</Text>;
  }
  const r = render(<Probe />);
  const frame = (): string => r.lastFrame() ?? '';
  const see = (text: string): Promise<string> => waitFor(() => frame().includes(text) && frame(), () => `${text} in ${frame()}`);
  const choice = (): ModelChoice => {
    if (!box.current) throw new Error('not rendered');
    return box.current;
  };
  return { frame, see, choice };
}

describe('useModelChoice', () => {
  it('pick switches, puts the model first in the recent list and persists it', async () => {
    const onModelChange = vi.fn();
    const h = mount({ initial: 'a', recent: ['a', 'b'], onModelChange });
    await h.see('model=a recent=a,b');
    h.choice().pick('c');
    await h.see('model=c recent=c,a,b');
    h.choice().pick('b');
    await h.see('model=b recent=b,c,a');
    expect(onModelChange.mock.calls).toEqual([['c'], ['b']]);
  });

  it('cycle goes round the recent models without reordering them, persisting each', async () => {
    const onModelChange = vi.fn();
    const h = mount({ initial: 'a', recent: ['a', 'b', 'c'], onModelChange });
    await h.see('model=a');
    expect(h.choice().cycle()).toBe('b');
    expect(h.choice().cycle()).toBe('c');
    expect(h.choice().cycle()).toBe('a');
    await h.see('model=a recent=a,b,c');
    expect(onModelChange.mock.calls).toEqual([['b'], ['c'], ['a']]);
  });

  it('cycle from a --model name keeps that name reachable; with no other model it does nothing', async () => {
    const h = mount({ initial: 'x', recent: ['a'] });
    await h.see('model=x');
    expect(h.choice().cycle()).toBe('a');
    await h.see('model=a recent=x,a');
    expect(h.choice().cycle()).toBe('x');
    const lone = mount({ initial: 'a', recent: ['a'] });
    await lone.see('model=a');
    expect(lone.choice().cycle()).toBeUndefined();
  });

  it('checks the current model against the proxy, and again after .env changes', async () => {
    const runtime = fakeRuntime({ models: listing('claude-3-5-sonnet') });
    const h = mount({ initial: 'claude-3-5-sonnet-20241022', recent: [], runtime });
    await h.see('check=The proxy does not serve');
    await waitFor(() => h.choice().check, 'the check');
    expect(h.choice().check).toMatchObject({
      ok: false,
      suggestion: 'claude-3-5-sonnet',
      message: 'The proxy does not serve claude-3-5-sonnet-20241022; the nearest name it serves is claude-3-5-sonnet.',
    });
    runtime.listModels = async () => listing('claude-3-5-sonnet-20241022');
    runtime.setState({ generation: 2 });
    await h.see('check=ok');
  });

  it('cycle skips recent models the proxy does not serve', async () => {
    const runtime = fakeRuntime({ models: listing('a', 'c') });
    const h = mount({ initial: 'a', recent: ['a', 'b', 'c'], runtime });
    await h.see('check=ok');
    expect(h.choice().cycle()).toBe('c');
  });

  it('switchTo (for /model NAME) switches only to a model the proxy serves', async () => {
    const onModelChange = vi.fn();
    const runtime = fakeRuntime({ models: listing('claude-3-5-sonnet') });
    const h = mount({ initial: 'claude-3-5-sonnet', recent: [], runtime, onModelChange });
    await h.see('check=ok');
    await expect(h.choice().switchTo('claude-3-5-sonnet-20241022')).resolves.toMatchObject({
      ok: false,
      suggestion: 'claude-3-5-sonnet',
      message: 'The proxy does not serve claude-3-5-sonnet-20241022; the nearest name it serves is claude-3-5-sonnet.',
    });
    expect(onModelChange).not.toHaveBeenCalled();
    await expect(h.choice().switchTo(' claude-3-5-sonnet ')).resolves.toEqual({ ok: true });
    expect(onModelChange).toHaveBeenCalledWith('claude-3-5-sonnet');
  });

  it('wired to the preferences as cli.tsx does, a pick and a cycle survive a new run', async () => {
    const home = tempHome();
    try {
      const key = 'proxy http://127.0.0.1:3000';
      const prefs = openPrefs(home.dir);
      prefs.selectModel(key, 'claude-3-5-haiku-20241022');
      const h = mount({ initial: prefs.selectedModel(key) ?? 'default', recent: prefs.recentModels(key), onModelChange: (m) => prefs.selectModel(key, m) });
      await h.see('model=claude-3-5-haiku-20241022');
      h.choice().pick('claude-3-5-sonnet');
      expect(h.choice().cycle()).toBe('claude-3-5-haiku-20241022');
      const next = openPrefs(home.dir);
      expect(next.selectedModel(key)).toBe('claude-3-5-haiku-20241022');
      expect(next.recentModels(key)).toEqual(['claude-3-5-haiku-20241022', 'claude-3-5-sonnet']);
      expect(next.recentModels('anthropic')).toEqual([]);
    } finally {
      home.cleanup();
    }
  });

  it('when .env switches to another connection, loads that connection\'s saved model and recent list', async () => {
    const saved: Record<string, { selected?: string; recent: string[] }> = {
      'proxy http://127.0.0.1:3000': { selected: 'claude-3-5-sonnet', recent: ['claude-3-5-sonnet', 'team-fast'] },
      anthropic: { selected: 'claude-opus-4-8', recent: ['claude-opus-4-8'] },
    };
    const onModelChange = vi.fn();
    const runtime = fakeRuntime({ models: listing('claude-3-5-sonnet', 'team-fast') });
    const h = mount({ initial: 'claude-3-5-sonnet', recent: ['claude-3-5-sonnet', 'team-fast'], runtime, onModelChange, savedFor: (k) => saved[k] ?? { recent: [] } });
    await h.see('model=claude-3-5-sonnet recent=claude-3-5-sonnet,team-fast check=ok');
    runtime.listModels = async () => ({ status: 'none', models: builtinModels(false) });
    runtime.setState({ config: makeConfig({ baseUrl: undefined }), generation: 2 });
    await h.see('model=claude-opus-4-8 recent=claude-opus-4-8 check=ok');
    // A connection with nothing saved keeps the model (the check says whether it is served there).
    runtime.listModels = async () => listing('other');
    runtime.setState({ config: makeConfig({ baseUrl: 'http://10.0.0.9:4000' }), generation: 3 });
    await h.see('model=claude-opus-4-8 recent= check=The proxy does not serve claude-opus-4-8');
    expect(onModelChange).not.toHaveBeenCalled();
  });
});
