// The settings screen on a real RuntimeService (watching a temp $OPENWORK_HOME) and two local
// LiteLLM test servers: Test connection checks the edited values before they are saved, Save
// writes the file with its comments, and the runtime's watcher moves the next chat to the new proxy.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noticeWords } from '../../src/words/notices.js';
import { readFileSync } from 'node:fs';
import { cleanup, render } from 'ink-testing-library';
import { SettingsScreen } from '../../src/components/SettingsScreen.js';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { keys } from '../helpers/keys.js';
import { renderInTerminal, settle, waitFor } from './harness.js';

const KEY = 'sk-test-master';
const MODEL = 'claude-3-5-sonnet';
const seed = (url: string): string =>
  `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=${KEY}\n# 超时\n`;
const ctrl = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) - 96);

let home: TempHome;
let servers: TestServer[] = [];
let runtime: RuntimeService | undefined;
let unmount: (() => void) | undefined;

beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  cleanup();
  unmount?.();
  unmount = undefined;
  runtime?.close();
  runtime = undefined;
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  home.cleanup();
});

async function server(name: string, reply: string): Promise<TestServer> {
  const s = await startServer({ name });
  s.setReply(MODEL, reply);
  servers.push(s);
  return s;
}

async function text(events: AsyncIterable<ChatEvent>): Promise<string> {
  let out = '';
  for await (const ev of events) if (ev.type === 'text') out += ev.text;
  return out;
}

describe('SettingsScreen with the real runtime', () => {
  it('tests the edited address before saving, saves it with comments kept, and the next chat goes there', async () => {
    const a = await server('A', 'from A');
    const b = await server('B', 'from B');
    home.writeEnv(seed(a.url));
    runtime = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile, { debug: false }), watch: true, debounceMs: 30 });
    await runtime.ready();
    expect(await text(runtime.chat({ model: MODEL, messages: [{ role: 'user', content: 'hi' }] }))).toBe('from A');

    // A real (virtual) terminal tall enough for every check line.
    const term = renderInTerminal(<SettingsScreen envPath={home.envPath} env={{}} runtime={runtime} model={MODEL} color={false} onClose={() => {}} isActive />, 100, 40);
    const see = (t: string | RegExp): Promise<string> =>
      waitFor(() => (typeof t === 'string' ? term.frame().includes(t) : t.test(term.frame())) && term.frame(), `${String(t)} in:\n${term.frame()}`, 10_000);
    const press = term.press;
    unmount = term.unmount;

    await see(`now: LiteLLM at 127.0.0.1:${a.port}`);
    await press(keys.enter, keys.ctrlU, b.url, keys.enter);
    await see(/ANTHROPIC_BASE_URL\s+http:\/\/127\.0\.0\.1:\d+\s+file · edited/);

    // Test connection runs on the edited, unsaved values: it reaches B.
    await press(ctrl('t'));
    await see('all 6 checks passed');
    // (the screen's scrolled part follows its content a frame later: wait for the last line)
    const tested = await see(/Request: claude-3-5-sonnet answered/);
    expect(tested).toContain('all 6 checks passed');
    expect(tested).toContain(`Server: LiteLLM 1.39.5 at 127.0.0.1:${b.port}`);
    expect(tested).toContain('Key: the proxy accepted the key sk-…ster');
    expect(b.requests.some((q) => q.url === '/v1/chat/completions')).toBe(true);
    expect(readFileSync(home.envPath, 'utf8')).toBe(seed(a.url)); // still unsaved
    expect(runtime.getState().connection.baseUrl).toBe(a.url);

    await press(ctrl('s'));
    await see('✔ Saved');
    expect(readFileSync(home.envPath, 'utf8')).toBe(seed(b.url));

    // The runtime's watcher applies it: no second code path.
    await waitUntil(() => runtime!.getState().connection.baseUrl === b.url && !runtime!.getState().detecting, 5000, 'switch to B');
    expect(noticeWords(runtime.getState().notice!)).toBe(`switched to LiteLLM at 127.0.0.1:${b.port}`);
    await see(`now: LiteLLM at 127.0.0.1:${b.port}`);
    const before = b.requests.length;
    expect(await text(runtime.chat({ model: MODEL, messages: [{ role: 'user', content: 'hi again' }] }))).toBe('from B');
    expect(b.requests.slice(before).some((q) => q.url === '/v1/chat/completions' && q.body.messages[0].content === 'hi again')).toBe(true);
  });

  it('Test connection reports a wrong key before it is saved', async () => {
    const a = await server('A', 'from A');
    home.writeEnv(seed(a.url));
    runtime = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile, { debug: false }), watch: true, debounceMs: 30 });
    const r = render(<SettingsScreen envPath={home.envPath} env={{}} runtime={runtime} model={MODEL} color={false} onClose={() => {}} isActive />);
    const frame = (): string => r.lastFrame() ?? '';
    await waitFor(() => frame().includes('ANTHROPIC_API_KEY'), 'the screen');
    for (const s of [keys.down, keys.enter, 'sk-wrong-key-4321', keys.enter, ctrl('t')]) {
      r.stdin.write(s);
      await settle();
    }
    const f = await waitFor(() => /problems? found/.test(frame()) && frame(), `a failure in:\n${frame()}`, 10_000);
    expect(f).toMatch(/✖ Key: .*sk-…4321/);
    // 24 rows: only what did not pass is listed, so the screen stays shorter than the terminal.
    expect(f).not.toContain('✔ Address');
    expect(f).toContain('1 problem found (3 passed, 2 skipped)');
    expect(f.split('\n').length).toBeLessThanOrEqual(24);
    expect(f).not.toContain('sk-wrong-key-4321');
    // The fix is said as it is true on this screen: not "open settings with Ctrl+S".
    expect(f).toContain('→ Check ANTHROPIC_API_KEY above (Enter edits it), then test again.');
    expect(f).not.toContain('open settings with Ctrl+S');
    expect(readFileSync(home.envPath, 'utf8')).toBe(seed(a.url));
    // The key in use was not the one tested: the status bar's key state is not touched.
    expect(runtime.getState().keyRefused).toBeFalsy();
  });

  it("Ctrl+T's key verdict on the settings in use is the status bar's: refused, then accepted again", async () => {
    const a = await server('A', 'from A');
    home.writeEnv(seed(a.url));
    runtime = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile, { debug: false }), watch: false });
    await runtime.listModels();
    expect(runtime.getState()).toMatchObject({ keyAccepted: true });
    a.options.masterKey = 'sk-rotated-by-the-admin'; // the proxy stops taking the key in use
    const r = render(<SettingsScreen envPath={home.envPath} env={{}} runtime={runtime} model={MODEL} color={false} onClose={() => {}} isActive />);
    const frame = (): string => r.lastFrame() ?? '';
    await waitFor(() => frame().includes('ANTHROPIC_API_KEY'), 'the screen');
    r.stdin.write(ctrl('t'));
    await waitFor(() => /problems? found/.test(frame()), `a failure in:\n${frame()}`, 10_000);
    expect(runtime.getState()).toMatchObject({ keyRefused: true, keyAccepted: false });
    a.options.masterKey = KEY;
    r.stdin.write(ctrl('t'));
    await waitFor(() => frame().includes('checks passed'), `a pass in:\n${frame()}`, 10_000);
    expect(runtime.getState()).toMatchObject({ keyRefused: false, keyAccepted: true });
  });
});
