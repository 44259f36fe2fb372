// The model picker overlay, driven by real key sequences: against a scripted runtime for the
// interaction, and against a real RuntimeService + the local LiteLLM test server for the states.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { ModelListing, Runtime } from '../../src/runtime/types.js';
import { builtinModels, mergeModels } from '../../src/runtime/models.js';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import { ModelPicker, type ModelPickerProps } from '../../src/components/ModelPicker.js';
import { fakeRuntime } from '../helpers/fakeRuntime.js';
import { keys } from '../helpers/keys.js';
import { refusedPort, startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { anthropicAt } from '../helpers/anthropicDirect.js';
import { defaultModel, modelLife } from '../../src/config/modelLife.js';
import { settle, waitFor } from './harness.js';

const KEY = 'sk-test-master';
const seedListing: ModelListing = {
  status: 'ok',
  models: mergeModels(builtinModels(false), [
    { id: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022' },
    { id: 'claude-3-5-haiku-20241022', underlying: 'anthropic/claude-3-5-haiku-20241022' },
  ]),
};

let home: TempHome;
let servers: TestServer[] = [];
let runtimes: RuntimeService[] = [];
beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  cleanup();
  for (const r of runtimes) r.close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  runtimes = [];
  home.cleanup();
});

async function server(opts: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const s = await startServer(opts);
  servers.push(s);
  return s;
}

function realRuntime(env: string, fetch?: typeof globalThis.fetch): RuntimeService {
  home.writeEnv(env);
  const logger = createFileLogger(home.logFile, { debug: false });
  const r = new RuntimeService({ envPath: home.envPath, env: {}, logger, watch: false, ...(fetch ? { fetch } : {}) });
  runtimes.push(r);
  return r;
}

function picker(runtime: Runtime, props: Partial<ModelPickerProps> = {}) {
  const onPick = vi.fn<(m: string) => void>();
  const onClose = vi.fn<() => void>();
  const r = render(
    <ModelPicker runtime={runtime} current="claude-sonnet-4-5-20250929" recent={[]} onPick={onPick} onClose={onClose} isActive height={20} color={false} {...props} />,
  );
  const frame = (): string => r.lastFrame() ?? '';
  const see = (text: string | RegExp): Promise<string> =>
    waitFor(() => {
      const f = frame();
      return (typeof text === 'string' ? f.includes(text) : text.test(f)) && f;
    }, () => `${String(text)} in the frame:\n${frame()}`);
  const press = async (...seq: string[]): Promise<void> => {
    await settle();
    for (const s of seq) {
      r.stdin.write(s);
      await settle();
    }
  };
  /** The row the cursor is on. */
  const selected = (): string => frame().split('\n').find((l) => l.startsWith('› ')) ?? '';
  /** Waits until the cursor's row matches (or, with `not`, stops matching): the frame after a key. */
  const cursorOn = (text: string | RegExp, not = false): Promise<string> =>
    waitFor(() => {
      const row = selected();
      return (typeof text === 'string' ? row.includes(text) : text.test(row)) !== not && row;
    }, () => `the cursor ${not ? 'off' : 'on'} ${String(text)} in the frame:\n${frame()}`);
  return { onPick, onClose, frame, see, press, selected, cursorOn, rerender: r.rerender };
}

describe('model picker: keys', () => {
  it('lists served models first, type to filter, Enter picks the best match', async () => {
    const p = picker(fakeRuntime({ models: seedListing }));
    const frame = await p.see('served by the proxy');
    expect(frame.indexOf('served by the proxy')).toBeLessThan(frame.indexOf('built in'));
    await p.press('h', 'a', 'i');
    await p.see('Switch model › hai');
    expect(p.selected()).toContain('claude-3-5-haiku-20241022');
    await p.press(keys.enter);
    expect(p.onPick).toHaveBeenCalledWith('claude-3-5-haiku-20241022');
    expect(p.onClose).not.toHaveBeenCalled();
  });

  it('arrows move the cursor over the group headers; Backspace widens the filter', async () => {
    const p = picker(fakeRuntime({ models: seedListing }), { current: 'claude-3-5-sonnet', recent: ['claude-3-5-sonnet', 'claude-3-5-haiku-20241022'] });
    await p.see('recent');
    expect(p.selected()).toContain('claude-3-5-sonnet');
    await p.press(keys.down);
    await p.cursorOn('claude-3-5-haiku-20241022');
    await p.press(keys.down);
    await p.cursorOn(/claude-sonnet-5-5/);
    await p.press(keys.up, 'x', 'y', 'z');
    await p.see('nothing matches "xyz"');
    await p.press(keys.backspace, keys.backspace, keys.backspace);
    await p.see('type to filter');
    await p.press(keys.up, keys.up, keys.enter);
    expect(p.onPick).toHaveBeenLastCalledWith('claude-3-5-sonnet');
  });

  it('Esc closes with nothing picked', async () => {
    const p = picker(fakeRuntime({ models: seedListing }));
    await p.see('served by the proxy');
    await p.press(keys.down, keys.esc);
    await waitFor(() => p.onClose.mock.calls.length === 1, 'onClose');
    expect(p.onPick).not.toHaveBeenCalled();
  });

  it('marks a built-in the proxy lacks, and asks before using it: y takes the proxy name', async () => {
    const p = picker(fakeRuntime({ models: seedListing }));
    await p.see('not served · use claude-3-5-sonnet');
    await p.press(...'sonnet-2024'.split(''));
    expect(p.selected()).toContain('claude-3-5-sonnet-20241022');
    expect(p.selected()).toContain('✗');
    await p.press(keys.enter);
    await p.see('The proxy does not serve claude-3-5-sonnet-20241022. Use claude-3-5-sonnet instead? (y/n)');
    expect(p.onPick).not.toHaveBeenCalled();
    await p.press('y');
    expect(p.onPick).toHaveBeenCalledWith('claude-3-5-sonnet');
  });

  it('n keeps the current model (as /model NAME does) and goes back to the list; so does Esc', async () => {
    const p = picker(fakeRuntime({ models: seedListing }), { initialQuery: 'sonnet-2024' });
    await p.see('not served · use claude-3-5-sonnet');
    await p.press(keys.enter);
    await p.see('(y/n)');
    await p.press(keys.esc);
    await p.see('Enter pick');
    expect(p.onClose).not.toHaveBeenCalled();
    await p.press(keys.enter);
    await p.see('(y/n)');
    await p.press('n');
    await p.see('Enter pick');
    expect(p.onPick).not.toHaveBeenCalled();
    expect(p.onClose).not.toHaveBeenCalled();
  });

  it('a typed name that matches nothing is checked like any other', async () => {
    const p = picker(fakeRuntime({ models: seedListing }), { initialQuery: 'team-xyz' });
    await p.see('nothing matches "team-xyz"');
    await p.press(keys.enter);
    await p.see('The proxy does not serve team-xyz. Use it anyway? (y/n)');
    await p.press('n');
    await p.see('Enter pick');
    await p.press(keys.enter, 'y');
    expect(p.onPick).toHaveBeenCalledWith('team-xyz');
  });

  it('shows a window of the list with what is hidden, and pages through it', async () => {
    const p = picker(fakeRuntime({ models: { status: 'none', models: builtinModels(true) } }), { height: 8 });
    await p.see('↓ ');
    expect(p.frame()).not.toContain('↑ ');
    await p.press(keys.end);
    await p.see('↑ ');
    await p.cursorOn('o4-mini');
    await p.press('\x1b[5~'); // PageUp
    await p.cursorOn('o4-mini', true);
    await p.press(keys.home);
    await p.cursorOn('claude-sonnet-4-5-20250929');
    await p.press('\x1b[6~'); // PageDown
    await p.cursorOn('claude-sonnet-4-5-20250929', true);
  });

  it('ignores keys while inactive', async () => {
    const p = picker(fakeRuntime({ models: seedListing }), { isActive: false });
    await p.see('served by the proxy');
    await p.press(keys.esc, keys.enter);
    expect(p.onClose).not.toHaveBeenCalled();
    expect(p.onPick).not.toHaveBeenCalled();
  });

  it('says it is loading until the listing comes', async () => {
    let resolve: (l: ModelListing) => void = () => {};
    const runtime = fakeRuntime();
    runtime.listModels = () => new Promise((r) => (resolve = r));
    const p = picker(runtime, { recent: ['claude-3-5-haiku-20241022'] });
    const frame = await p.see('asking the proxy for its models…');
    // The current and recent models can be picked while it loads.
    expect(frame).toContain('claude-sonnet-4-5-20250929');
    expect(frame).toContain('claude-3-5-haiku-20241022');
    resolve(seedListing);
    await p.see('serves 2 models');
  });
});

describe('model picker: against a LiteLLM proxy', () => {
  it('lists what the proxy serves, with context window and price from /model/info', async () => {
    const s = await server({
      models: [
        { name: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', modelInfo: { max_input_tokens: 200000, input_cost_per_token: 0.000003, output_cost_per_token: 0.000015 } },
        { name: 'team-fast', underlying: 'anthropic/claude-3-5-haiku-20241022' },
      ],
    });
    const p = picker(realRuntime(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`));
    const frame = await p.see(`LiteLLM at 127.0.0.1:${s.port} serves 2 models`);
    expect(frame).toMatch(/✓ claude-3-5-sonnet\s+200k · \$3\/\$15/);
    expect(frame).toMatch(/✓ team-fast/);
    expect(frame).toMatch(/✗ claude-3-5-sonnet-20241022 .*not served · use claude-3-5-sonnet/);
    await p.press('f', 'a', 's', 't', keys.enter);
    expect(p.onPick).toHaveBeenCalledWith('team-fast');
  });

  it('an unreachable proxy: says so, and the built-ins are still usable', async () => {
    const port = await refusedPort();
    const p = picker(realRuntime(`ANTHROPIC_BASE_URL=http://127.0.0.1:${port}\nANTHROPIC_API_KEY=${KEY}\n`));
    const frame = await p.see(`Cannot reach http://127.0.0.1:${port}`);
    expect(frame).toContain('Built-in models are still usable');
    expect(frame).not.toContain('not served');
    await p.press('h', 'a', 'i', 'k', 'u', '-', '4', keys.enter);
    expect(p.onPick).toHaveBeenCalledWith('claude-haiku-4-5-20251001');
  });

  it('a refused key (401): the proxy refused to list, which key was sent, and the hint', async () => {
    const s = await server();
    const p = picker(realRuntime(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=sk-wrong-key-1234\n`));
    const frame = await p.see('The proxy refused to list its models.');
    expect(frame).toContain('401 Unauthorized');
    expect(frame).toContain('ANTHROPIC_API_KEY');
    expect(frame).not.toContain('sk-wrong-key-1234');
  });

  it('listing forbidden (403 JSON) is reported the same way', async () => {
    const s = await server();
    s.fault = '403-json';
    const p = picker(realRuntime(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`));
    const frame = await p.see('The proxy refused to list its models.');
    expect(frame).toContain('403 Forbidden');
  });

  it('refreshes when .env points at another proxy (the runtime generation changes)', async () => {
    const a = await server({ models: [{ name: 'alpha-model' }] });
    const b = await server({ models: [{ name: 'beta-model' }, { name: 'gamma-model' }] });
    const runtime = realRuntime(`ANTHROPIC_BASE_URL=${a.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    const p = picker(runtime);
    await p.see('alpha-model');
    home.writeEnv(`ANTHROPIC_BASE_URL=${b.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    await runtime.reload();
    const frame = await p.see('gamma-model');
    expect(frame).toContain(`127.0.0.1:${b.port} serves 2 models`);
    expect(frame).not.toContain('alpha-model');
  });

  it("deprecated models show their end-of-life date from the Anthropic SDK's table (a gateway serving them)", async () => {
    const s = await server({ flavor: 'anthropic', models: [{ name: 'claude-sonnet-4-5-20250929' }, { name: 'claude-opus-4-5-20251101' }, { name: defaultModel() }] });
    const p = picker(realRuntime(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\nOPENWORK_PROXY_FORMAT=anthropic\n`));
    const frame = await p.see('serves 3 models');
    const eol = (id: string): string => {
      const life = modelLife(id);
      return life.state === 'retired' ? `retired ${life.date}` : life.state === 'deprecated' ? `end of life ${life.date}` : 'current';
    };
    // By the clock: 2026-11-30 is past (retired); 2027-01-22 is ahead until that day.
    expect(eol('claude-sonnet-4-5-20250929')).toBe('retired 2026-11-30');
    expect(frame).toMatch(new RegExp(`✓ claude-sonnet-4-5-20250929 .*${eol('claude-sonnet-4-5-20250929')}`));
    expect(frame).toMatch(new RegExp(`✓ claude-opus-4-5-20251101 .*${eol('claude-opus-4-5-20251101')}`));
    const def = frame.split('\n').find((l) => l.includes(`✓ ${defaultModel()}`));
    expect(def).toBeDefined();
    expect(def).not.toMatch(/end of life|retired/);
  });

  it('Anthropic direct: the built-ins, nothing marked', async () => {
    // The key is checked at Anthropic's /v1/models: here a local server's (never off loopback).
    const s = await server({ flavor: 'anthropic' });
    const p = picker(realRuntime(`ANTHROPIC_API_KEY=${KEY}\n`, anthropicAt(s.url)));
    const frame = await p.see('Anthropic direct: built-in models');
    expect(frame).not.toMatch(/[✓✗]/);
  });
});
