// Issue 4 end to end: the picker in a real terminal, against a proxy that serves two models.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { startServer } from '../helpers/llmServer.js';
import { defaultModel } from '../../src/config/modelLife.js';
import { keys } from '../helpers/keys.js';

const f = eachPtyApp({ server: {
    models: [
      { name: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', reply: 'sonnet here' },
      { name: 'claude-3-5-haiku-20241022', reply: 'haiku here' },
    ],
  } });
let app: PtyApp | undefined;

const lastChat = () => f.server.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1);

describe('model picker in a real terminal', () => {
  it('shows that the seed guide\'s dated name is not served, switches to the served name by keyboard, and the next reply uses it', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet-20241022'], { cols: 100, rows: 30 });
    // Seen at once, before anything is sent.
    await app.waitFor(/does not serve claude-3-5-sonnet-20241022/);

    app.write('\x10'); // Ctrl+P
    await app.waitFor('Switch model');
    await app.waitFor(/not served · use claude-3-5-sonnet/);
    app.write('haiku');
    await app.waitFor('Switch model › haiku');
    app.write(keys.enter);
    await app.waitFor('model: claude-3-5-haiku-20241022');

    app.write('hello');
    await app.waitFor('› hello');
    app.write(keys.enter);
    await app.waitFor('haiku here');
    expect(lastChat()!.body.model).toBe('claude-3-5-haiku-20241022');
    expect(app.screen()).toContain('● claude-3-5-haiku-20241022');

    // Picking the not-served built-in offers the proxy's name instead.
    app.write('\x10');
    await app.waitFor('Switch model');
    app.write('20241022');
    await app.waitFor('Switch model › 20241022');
    app.write('sonnet');
    await app.waitFor(/Switch model › 20241022sonnet|nothing matches/);
    app.write(keys.ctrlU);
    app.write('sonnet-2024');
    await app.waitFor('Switch model › sonnet-2024');
    app.write(keys.enter);
    await app.waitFor(/Use claude-3-5-sonnet instead\? \(y\/n\)/);
    app.write('y');
    await app.waitFor('model: claude-3-5-sonnet');
    app.write('again');
    await app.waitFor('› again');
    app.write(keys.enter);
    await app.waitFor('sonnet here');
    expect(lastChat()!.body.model).toBe('claude-3-5-sonnet');
    // The transcript is kept: the earlier reply is still there.
    expect(app.screen()).toContain('haiku here');

    app.write(keys.ctrlC);
    await app.waitFor(/Ctrl\+C again/);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);

    // The choice persists for this connection.
    const prefs = JSON.parse(readFileSync(join(f.home.dir, 'preferences.json'), 'utf8'));
    expect(prefs.models[`proxy ${f.server.url}`].selected).toBe('claude-3-5-sonnet');
  });
});

describe('a retired model in a real terminal', () => {
  it("the status line warns while a model past its end of life (the Anthropic SDK's table) is in use; the default has none", async () => {
    const gw = await startServer({ flavor: 'anthropic', models: [{ name: 'claude-sonnet-4-5-20250929', reply: 'old one' }, { name: defaultModel(), reply: 'new one' }] });
    try {
      f.home.writeEnv(`ANTHROPIC_BASE_URL=${gw.url}\nANTHROPIC_API_KEY=sk-test-master\nOPENWORK_PROXY_FORMAT=anthropic\n`);
      app = f.start(['--model', 'claude-sonnet-4-5-20250929'], { cols: 100, rows: 30 });
      await app.waitFor('claude-sonnet-4-5-20250929 (retired 2026-11-30)');
      app.kill();
      // No --model, nothing saved: the default (newest Sonnet not deprecated), no warning.
      app = f.start([], { cols: 100, rows: 30 });
      const screen = await app.waitFor(`${defaultModel()} · key`);
      expect(screen).not.toContain('retired');
      await typeLine(app, 'hello');
      await app.waitFor('new one');
      expect(gw.requests.filter((r) => r.url === '/v1/messages').at(-1)!.body.model).toBe(defaultModel());
    } finally {
      await gw.close();
    }
  });
});
