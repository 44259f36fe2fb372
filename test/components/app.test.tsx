import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { keys } from '../helpers/keys.js';
import { failure, fakeRuntime, reply } from '../helpers/fakeRuntime.js';
import { MODEL, renderApp, waitFor } from './harness.js';

afterEach(() => cleanup());

/** The prompt row of the frame (the line starting with the prompt marker, above the status bar). */
const promptLine = (frame: string): string => frame.split('\n').filter((l) => l.startsWith('› ')).at(-1) ?? '';
const promptIs = (app: { frame(): string }, text: string): Promise<boolean> =>
  waitFor(() => promptLine(app.frame()) === text, () => `prompt "${text}", got "${promptLine(app.frame())}"`);

describe('chat', () => {
  it('sends the prompt and streams the reply labelled with the model', async () => {
    const runtime = fakeRuntime();
    runtime.script(reply('Hello there, friend.'));
    const app = await renderApp({}, runtime);
    await app.press('hello', keys.enter);
    const frame = await app.see('Hello there, friend.');
    expect(frame).toContain(`● ${MODEL}`);
    expect(frame).toContain('› hello');
    expect(runtime.requests[0]).toEqual({ model: MODEL, messages: [{ role: 'user', content: 'hello' }] });
  });

  it('sends the whole conversation with each request', async () => {
    const runtime = fakeRuntime();
    runtime.script(reply('one'), reply('two'));
    const app = await renderApp({}, runtime);
    await app.press('first', keys.enter);
    await app.see('ready · ');
    await app.press('second', keys.enter);
    await waitFor(() => runtime.requests.length === 2);
    expect(runtime.requests[1]?.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'one' },
      { role: 'user', content: 'second' },
    ]);
  });

  it('a reply that throws: an "unexpected" card on screen, the cause in the log (never on the screen)', async () => {
    const runtime = fakeRuntime();
    const logged: string[] = [];
    runtime.logError = (line) => logged.push(line);
    runtime.chat = () =>
      (async function* fails(): AsyncGenerator<never> {
        throw new TypeError('chunk went missing');
      })();
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    const frame = await app.see('The reply failed unexpectedly.');
    expect(frame).not.toContain('chunk went missing');
    expect(logged).toEqual(['[Chat] a reply failed unexpectedly: TypeError: chunk went missing']);
  });

  it('shows waiting, then streaming, then the last reply tokens and cost', async () => {
    const runtime = fakeRuntime();
    runtime.script([
      { type: 'start', model: MODEL, mode: 'litellm' },
      { type: 'hold' },
      { type: 'text', text: 'tok ' },
      { type: 'hold' },
      { type: 'usage', outputTokens: 42, cost: 0.0123 },
      { type: 'done', stopReason: 'end' },
    ]);
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    await app.see(/waiting \d+ s of \d+ s · Esc stops/);
    runtime.release();
    await app.see(/streaming/);
    runtime.release();
    const frame = await app.see('ready · 42 tok · $0.01');
    expect(frame).not.toContain('streaming');
  });

  it('Esc stops a streaming reply: the partial stays, marked interrupted, and the signal aborts', async () => {
    const runtime = fakeRuntime();
    runtime.script([{ type: 'text', text: 'partial answer' }, { type: 'hold' }, { type: 'text', text: 'never shown' }]);
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    await app.see('partial answer');
    await app.press(keys.esc);
    const frame = await app.see('interrupted');
    expect(frame).toContain('partial answer');
    expect(runtime.calls[0]?.signal.aborted).toBe(true);
    expect(frame).not.toContain('never shown');
  });

  it('the first Ctrl+C stops a reply without exiting, and says a second one exits', async () => {
    const runtime = fakeRuntime();
    runtime.script([{ type: 'text', text: 'streaming text' }, { type: 'hold' }]);
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    await app.see('streaming text');
    await app.press(keys.ctrlC);
    await app.see('interrupted');
    expect(runtime.calls[0]?.signal.aborted).toBe(true);
    await app.see('Press Ctrl+C again to exit');
  });

  it('drops events that a cancelled turn still yields', async () => {
    const runtime = fakeRuntime({ ignoreAbort: true });
    runtime.script([{ type: 'text', text: 'kept' }, { type: 'hold' }, { type: 'text', text: 'LEAKED' }, { type: 'done', stopReason: 'end' }]);
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    await app.see('kept');
    await app.press(keys.esc);
    await app.see('interrupted');
    runtime.release();
    await waitFor(() => runtime.calls[0]?.ended, 'the stream to play out');
    await app.press('x'); // one more render
    expect(app.frame()).not.toContain('LEAKED');
  });

  it('shows an error card with message, hint and masked key, and the prompt stays usable', async () => {
    const runtime = fakeRuntime();
    runtime.script(
      [failure({ maskedKey: 'sk-…1234', keyVar: 'ANTHROPIC_API_KEY', detail: 'Authentication Error' })],
      reply('second try worked'),
    );
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    const frame = await app.see('The proxy refused the key (401 Unauthorized).');
    expect(frame).toContain('Check ANTHROPIC_API_KEY in your .env');
    expect(frame).toContain('sk-…1234 (ANTHROPIC_API_KEY)');
    expect(frame).toContain('HTTP 401');
    expect(frame).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
    await app.press('again', keys.enter);
    await app.see('second try worked');
    // The failed prompt got no answer, so it is not sent again as history.
    expect(runtime.requests[1]?.messages).toEqual([{ role: 'user', content: 'again' }]);
  });

  it('lists the models the proxy serves on a model error', async () => {
    const runtime = fakeRuntime();
    runtime.script([failure({ kind: 'model', fact: { id: 'model', model: 'claude-3-5-sonet', served: ['claude-3-5-sonnet', 'claude-3-5-haiku'] }, servedModels: ['claude-3-5-sonnet', 'claude-3-5-haiku'] })]);
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    await app.see('served: claude-3-5-sonnet, claude-3-5-haiku');
  });

  it('keeps a partial reply cut by an error', async () => {
    const runtime = fakeRuntime();
    runtime.script([{ type: 'text', text: 'half a rep' }, failure({ kind: 'stream_cut', fact: { id: 'streamCut', host: '127.0.0.1:4000' } }, true)]);
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    const frame = await app.see('The reply from 127.0.0.1:4000 was cut off before it finished.');
    expect(frame).toContain('half a rep');
    expect(frame).toContain('reply cut off');
  });

  it('strips control sequences from model output', async () => {
    const runtime = fakeRuntime();
    runtime.script(reply('safe\x1b[2J\x1b]0;pwned\x07 text\x07'));
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    const frame = await app.see('safe');
    await app.see('ready');
    expect(app.frame()).not.toContain('\x1b]0;');
    expect(frame).not.toContain('\x1b[2J');
  });

  it('keeps typed text and says so when Enter is pressed during a reply', async () => {
    const runtime = fakeRuntime();
    runtime.script([{ type: 'text', text: 'busy' }, { type: 'hold' }, { type: 'done', stopReason: 'end' }]);
    const app = await renderApp({}, runtime);
    await app.press('hi', keys.enter);
    await app.see('busy');
    await app.press('next', keys.enter);
    await app.see('Still replying');
    expect(promptLine(app.frame())).toBe('› next');
    expect(runtime.calls).toHaveLength(1);
    runtime.release();
  });
});

describe('keys and commands', () => {
  it('/help lists commands and every key binding', async () => {
    const app = await renderApp();
    await app.press('/help', keys.enter);
    const frame = await app.see('Keys');
    for (const text of ['/model [name]', '/settings', '/new', '/resume', '/rename TITLE', '/export [file]', '/quit', 'Ctrl+J / Alt+Enter', 'Esc', 'Ctrl+C', 'Ctrl+D', 'Ctrl+S', 'Tab', 'Up / Down']) {
      expect(frame).toContain(text);
    }
  });

  it('shows a menu while typing / and completes with Tab', async () => {
    const app = await renderApp();
    await app.press('/');
    await app.see('/settings');
    await app.press('c');
    await app.see('a new conversation (also /clear)');
    await app.press('/h'.slice(1)); // now "/ch": no match
    await app.press(keys.backspace, keys.backspace, 'h', keys.tab);
    await promptIs(app, '› /help');
  });

  it('/model NAME switches model and reports it; bare /model opens the picker', async () => {
    const onModelChange = vi.fn();
    const runtime = fakeRuntime();
    const app = await renderApp({ onModelChange }, runtime);
    await app.press('/model claude-3-5-haiku', keys.enter);
    await app.see('model: claude-3-5-haiku');
    expect(onModelChange).toHaveBeenCalledWith('claude-3-5-haiku');
    await app.press('hi', keys.enter);
    await waitFor(() => runtime.requests[0]?.model === 'claude-3-5-haiku');
    await app.see('● claude-3-5-haiku');
    await app.press('/model', keys.enter);
    await app.see('Switch model');
    await app.press(keys.esc);
    await waitFor(() => !app.frame().includes('Switch model'), 'the picker to close');
  });

  it('/settings and Ctrl+S open the settings screen; Esc returns to the chat; unknown commands answer with a line', async () => {
    const app = await renderApp();
    await app.press('/settings', keys.enter);
    await app.see('ANTHROPIC_BASE_URL');
    await app.press(keys.esc);
    await waitFor(() => !app.frame().includes('ANTHROPIC_BASE_URL'), 'settings to close');
    await app.press('\x13');
    await app.see('ANTHROPIC_BASE_URL');
    await app.press(keys.esc);
    await waitFor(() => !app.frame().includes('ANTHROPIC_BASE_URL'), 'settings to close');
    await app.press('/bogus', keys.enter);
    await app.see('unknown command /bogus');
  });

  it('Up recalls earlier prompts and Down returns to the draft', async () => {
    const app = await renderApp();
    await app.press('first', keys.enter);
    await app.see('ready · ');
    await app.press('second', keys.enter);
    await app.see(/ready · .*\n/);
    await waitFor(() => app.frame().split('› second').length > 1);
    await app.press('dra', keys.up);
    await promptIs(app, '› second');
    await app.press(keys.up);
    await promptIs(app, '› first');
    await app.press(keys.down, keys.down);
    await promptIs(app, '› dra');
  });

  it('edits by character, CJK and emoji included', async () => {
    const app = await renderApp();
    await app.press('helo', keys.left, 'l');
    await promptIs(app, '› hello');
    await app.press(keys.ctrlE, keys.ctrlU, '你好😀世界', keys.left, keys.left, keys.backspace);
    await promptIs(app, '› 你好世界');
    await app.press(keys.home, keys.delete, keys.end, '!');
    await promptIs(app, '› 好世界!');
    await app.press(keys.ctrlA, keys.right, keys.ctrlK);
    await promptIs(app, '› 好');
    await app.press(keys.ctrlE, ' and more', keys.ctrlW);
    await promptIs(app, '› 好 and'); // (the frame drops the trailing space)
  });

  it('Ctrl+J, Alt+Enter and pasted newlines make a multi-line message', async () => {
    const runtime = fakeRuntime();
    const app = await renderApp({}, runtime);
    await app.press('a', keys.ctrlJ, 'b', keys.altEnter, 'c', keys.enter);
    await waitFor(() => runtime.requests.length === 1);
    expect(runtime.requests[0]?.messages[0]?.content).toBe('a\nb\nc');
    await app.see('ready · ');
    await app.press('pasted\r\nlines\rhere');
    await app.see('  here');
    await app.press(keys.enter);
    await waitFor(() => runtime.requests.length === 2);
    expect(runtime.requests[1]?.messages.at(-1)?.content).toBe('pasted\nlines\nhere');
  });

  it('Ctrl+C right after a reply ends arms the exit (it does not wait for a render)', async () => {
    const runtime = fakeRuntime();
    runtime.script(reply('done quickly'));
    const app = await renderApp({}, runtime);
    await app.press('hi');
    app.stdin.write(keys.enter);
    await waitFor(() => runtime.calls[0]?.ended, 'the stream to end');
    app.stdin.write(keys.ctrlC);
    await app.see('Press Ctrl+C again to exit');
    expect(app.frame()).not.toContain('interrupted');
  });

  it('Ctrl+C once warns, and the warning names the second press', async () => {
    const app = await renderApp();
    await app.press(keys.ctrlC);
    await app.see('Press Ctrl+C again to exit');
  });
});

describe('status bar and welcome', () => {
  it('shows the connection, model and key', async () => {
    const app = await renderApp();
    const frame = await app.see('LiteLLM 127.0.0.1:3000');
    expect(frame).toContain(MODEL);
    expect(frame).toContain('key ✓');
    expect(frame).toContain('ready');
  });

  it('shows Anthropic direct, an unreachable proxy and a missing key', async () => {
    const runtime = fakeRuntime({ connection: { mode: 'anthropic', host: undefined, baseUrl: undefined }, config: { credential: undefined } });
    const app = await renderApp({}, runtime);
    await app.see('Anthropic direct');
    await app.see('no key');
    runtime.setConnection({ mode: 'litellm', host: '10.0.0.5:4000', unreachable: true });
    await app.see('LiteLLM 10.0.0.5:4000 (unreachable)');
    runtime.setConnection({ mode: 'gateway', host: 'gw.example:443', unreachable: false });
    await app.see('gateway gw.example:443');
  });

  it('shows a runtime notice', async () => {
    const runtime = fakeRuntime();
    const app = await renderApp({}, runtime);
    runtime.notice({ id: 'switched', connection: { mode: 'litellm', baseUrl: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', unreachable: false, via: 'probe' } });
    await app.see('switched to LiteLLM at 127.0.0.1:3000');
  });

  it('welcomes a first run with what to configure, and opens the settings screen', async () => {
    const app = await renderApp({ firstRun: true });
    const frame = await app.see('Welcome to openwork-tui');
    expect(frame).toContain('ANTHROPIC_BASE_URL');
    expect(frame).toContain('ANTHROPIC_API_KEY');
    expect(frame).toContain('/tmp/openwork-test/.env');
    // The card stays in the scrollback after a save: it describes the settings, not a state that changes.
    expect(frame).not.toContain('No connection is configured');
    await app.see('Test connection');
    await app.press(keys.esc);
    await waitFor(() => !app.frame().includes('Test connection'), 'settings to close');
    await app.see('Send a message');
  });

  it('no welcome otherwise', async () => {
    const app = await renderApp();
    expect(app.frame()).not.toContain('Welcome');
  });
});

describe('one owner of the keyboard', () => {
  it('keys typed right after Ctrl+P go to the picker, not the prompt', async () => {
    const app = await renderApp();
    app.stdin.write('\x10');
    app.stdin.write('h');
    app.stdin.write('a');
    await app.see('Switch model › ha');
    expect(promptLine(app.frame())).not.toContain('ha');
    await app.press(keys.esc);
    await waitFor(() => !app.frame().includes('Switch model'), 'the picker to close');
    await promptIs(app, '› Send a message · / for commands · Ctrl+C twice to exit');
  });

  it('Esc in the picker closes it without stopping anything or changing the model', async () => {
    const onModelChange = vi.fn();
    const app = await renderApp({ onModelChange });
    await app.press('\x10');
    await app.see('Switch model');
    await app.press(keys.down, keys.esc);
    await waitFor(() => !app.frame().includes('Switch model'), 'the picker to close');
    expect(onModelChange).not.toHaveBeenCalled();
  });
});

describe('/debug', () => {
  it('turns the request log on and off and says where it is', async () => {
    let on = false;
    const app = await renderApp({ requestLog: { file: '/tmp/x/logs/openwork-tui.log', toggle: () => (on = !on) } });
    await app.press('/debug', keys.enter);
    await app.see('request log on: one line per request in /tmp/x/logs/openwork-tui.log');
    expect(on).toBe(true);
    await app.press('/debug', keys.enter);
    await app.see('request log off');
    expect(on).toBe(false);
  });
});

describe('a default model the proxy does not serve', () => {
  const listing = {
    status: 'ok' as const,
    models: [
      { id: 'claude-3-5-sonnet', source: 'proxy' as const, served: true },
      { id: 'claude-3-5-haiku-20241022', source: 'proxy' as const, served: true },
      { id: MODEL, source: 'builtin' as const, served: false },
    ],
  };

  it('is replaced by a served model when nobody chose it, and the next request uses it', async () => {
    const runtime = fakeRuntime({ models: listing });
    runtime.script(reply('ok'));
    const onModelChange = vi.fn();
    const app = await renderApp({ modelChosen: false, onModelChange }, runtime);
    await app.see(`model: claude-3-5-sonnet — the proxy does not serve the default ${MODEL}`);
    expect(onModelChange).toHaveBeenCalledWith('claude-3-5-sonnet');
    await app.press('hello', keys.enter);
    await waitFor(() => runtime.requests[0]?.model === 'claude-3-5-sonnet');
  });

  it('Ctrl+O says which recent model it skips and why, instead of "no other recent model"', async () => {
    const runtime = fakeRuntime({ models: listing });
    const app = await renderApp({ model: 'claude-3-5-sonnet', recentModels: ['claude-3-5-sonnet', MODEL] }, runtime);
    await app.see('claude-3-5-sonnet');
    await waitFor(() => runtime.listCalls > 0);
    await app.press('\x0f');
    await app.see(`Skipped ${MODEL}: a recent model this proxy does not serve — Ctrl+P picks one`);
    expect(app.frame()).not.toContain('No other recent model');
    expect(app.frame()).toContain('· claude-3-5-sonnet ·');
  });

  it('is only warned about when the user chose it', async () => {
    const runtime = fakeRuntime({ models: listing });
    const app = await renderApp({ modelChosen: true }, runtime);
    await app.see(`The proxy does not serve ${MODEL}`);
    expect(app.frame()).toContain(`● LiteLLM 127.0.0.1:3000 · ${MODEL}`);
  });
});
