// The built app in a real pseudo-terminal against the local LiteLLM-format server.
import { describe, expect, it } from 'vitest';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { keys } from '../helpers/keys.js';

const f = eachPtyApp({ server: { chunkDelayMs: 5 }, env: (url) => `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_TIMEOUT_MS=1500\n` });
let app: PtyApp | undefined;

describe('chat in a real terminal', () => {
  it('sends hello, streams the reply, stops a long reply with Esc, shows a 401 card and a timeout, exits with Ctrl+C twice', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet']);
    await app.waitFor(/LiteLLM 127\.0\.0\.1:\d+/);
    await app.waitFor('ready');

    app.write('hello');
    await app.waitFor('› hello');
    app.write(keys.enter);
    await app.waitFor('Hello from the proxy');
    await app.waitFor('ready');
    expect(f.server.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!.body).toMatchObject({ model: 'claude-3-5-sonnet', messages: [{ role: 'user', content: 'hello' }] });

    // A long reply, interrupted.
    f.server.options.chunkDelayMs = 20;
    f.server.setReply('claude-3-5-sonnet', Array.from({ length: 400 }, (_, i) => `word${i}`).join(' '));
    await typeLine(app, 'tell me more');
    await app.waitFor(/word\d+/);
    app.write(keys.esc);
    await app.waitFor(/interrupted/i);
    await app.waitFor('ready');
    expect(app.screen()).not.toContain('word399');

    // A wrong key: the error card, and the prompt still works.
    f.server.fault = '401';
    await typeLine(app, 'again');
    // The card whole: the key it names comes after the headline's first words.
    const screen = await app.waitFor([/refused the key/, 'sk-…ster']);
    expect(screen).toContain('sk-…ster');
    await app.waitFor('key refused ✗');
    expect(screen).not.toContain('sk-test-master');
    expect(screen).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    f.server.fault = 'none';
    f.server.setReply('claude-3-5-sonnet', 'back again');
    await typeLine(app, 'retry');
    await app.waitFor('back again');
    await app.waitFor('ready');

    // A proxy that starts a reply and then goes quiet: a stall after OPENWORK_TIMEOUT_MS, not a
    // "cut off" (the SDK adapters are a separate bundle from the chat, so their errors must still
    // be recognised there).
    f.server.fault = 'hang-after-headers';
    await typeLine(app, 'anyone there');
    await app.waitFor(/The reply from 127\.0\.0\.1:\d+ stopped part-way/);
    await app.waitFor(/1500 ms/);
    expect(app.screen()).not.toContain('✗ Reply cut off');
    f.server.fault = 'none';

    app.write(keys.ctrlC);
    await app.waitFor(/Ctrl\+C again/);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });

  it('a wrong key is shown as refused at launch, before any message; the right one as ✓ only once the proxy accepted it', async () => {
    f.home.writeEnv(`ANTHROPIC_BASE_URL=${f.server.url}\nANTHROPIC_API_KEY=sk-wrong-key-9f3e\n`);
    app = f.start(['--model', 'claude-3-5-sonnet']);
    await app.waitFor('key refused ✗');
    expect(app.screen()).not.toContain('key ✓');
    expect(f.server.requests.filter((r) => r.url.endsWith('/chat/completions'))).toEqual([]);
    app.kill();
    f.server.fault = 'hang'; // nothing answers: the key stays unknown, never ✓
    f.home.writeEnv(`ANTHROPIC_BASE_URL=${f.server.url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_TIMEOUT_MS=1500\n`);
    app = f.start(['--model', 'claude-3-5-sonnet']);
    await app.waitFor('key ?');
    f.server.fault = 'none';
    app.kill();
    app = f.start(['--model', 'claude-3-5-sonnet']);
    await app.waitFor('key ✓');
  });

  it("the seed guide's proxy (no drop_params): the first hello gets its reply with no error card, and the next run sends no refused request", async () => {
    const chats = () => f.server.requests.filter((r) => r.url.endsWith('/chat/completions'));
    app = f.start(['--model', 'claude-3-5-sonnet']);
    await app.waitFor('ready');
    await typeLine(app, 'hello');
    await app.waitFor('Hello from the proxy');
    // No count from the proxy without stream_options: the estimate, marked "~".
    await app.waitFor(/ready · ~\d+ tok/);
    expect(app.screen()).not.toContain('✗');
    expect(chats().map((r) => r.body.stream_options)).toEqual([{ include_usage: true }, undefined]);
    app.write(keys.ctrlC);
    await app.waitFor(/Ctrl\+C again/);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);

    app = f.start(['--model', 'claude-3-5-sonnet']);
    await app.waitFor('ready');
    await typeLine(app, 'hello again');
    await app.waitFor(/ready · ~\d+ tok/);
    expect(chats().slice(2).map((r) => r.body.stream_options)).toEqual([undefined]);
    expect(app.screen()).not.toContain('✗');
    expect(f.home.readLog().split('\n').filter((l) => l.includes('refused the optional parameter stream_options'))).toHaveLength(1);

    // A parameter the app did not add (it cannot leave it out): the card shows the proxy's message
    // whole, down to its last line, and a hint that names drop_params instead of "retry".
    f.server.fault = 'refuse-param';
    await typeLine(app, 'and now');
    const card = (await app.waitFor('Cooldown Deployments=[]')).replace(/[│\s]+/g, ' '); // the card wraps it
    expect(card).toContain("server said: AnthropicException - AnthropicException - anthropic does not support parameters: {'top_k': 40}");
    expect(card).toContain('`litellm_settings: drop_params: true` . Handle with `litellm.APIError`');
    expect(card).toContain('set `litellm_settings: drop_params: true` in the proxy');
    expect(card).not.toMatch(/→ The proxy or the model provider behind it had an error: retry/);
  });
});
