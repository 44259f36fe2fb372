// Issue 14: nothing a server sends reaches the terminal raw — the chat in a real terminal (a pty,
// read by a real terminal emulator) against a server whose model names, version, errors and replies
// carry window titles, clipboard writes, screen clears, C1 controls and bidi overrides.
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../helpers/home.js';
import { type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { keys } from '../helpers/keys.js';
import { cleaned, hostile, leaks } from '../helpers/hostile.js';

const f = eachPtyApp({ server: {
    version: hostile('v'),
    models: [
      { name: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', reply: `fine ${hostile('r')} reply` },
      { name: hostile('m'), underlying: `anthropic/${hostile('u')}`, reply: `evil ${hostile('q')} reply` },
    ],
  } });
let app: PtyApp | undefined;

function clean(a: PtyApp): void {
  expect(leaks(a.output())).toEqual([]);
  expect(a.titles()).toEqual([]);
}

describe('a hostile server in the chat', () => {
  it('the model picker, the status bar and the reply label show a hostile model name cleaned, and the real name is what is sent', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 30 });
    await app.waitFor('ready');
    app.write('\x10'); // Ctrl+P
    await app.waitFor(cleaned('m'));
    clean(app);
    app.write('mabc');
    await app.waitFor('Switch model › mabc');
    app.write(keys.enter);
    await app.waitFor(`model: ${cleaned('m')}`);
    app.write('hello');
    await app.waitFor('› hello');
    app.write(keys.enter);
    await app.waitFor(`evil ${cleaned('q')} reply`);
    expect(app.screen()).toContain(`● ${cleaned('m')}`);
    const chats = f.server.requests.filter((r) => r.url.endsWith('/chat/completions'));
    expect(chats.at(-1)!.body.model).toBe(hostile('m'));
    clean(app);
  });

  it('/doctor shows a hostile LiteLLM version and model list cleaned', async () => {
    app = f.start(['--model', hostile('m')], { cols: 120, rows: 40 });
    await app.waitFor('ready');
    app.write('/doctor');
    await app.waitFor('› /doctor');
    app.write(keys.enter);
    await app.waitFor(/checks? (passed|failed)/, 15_000);
    expect(app.all()).toContain(cleaned('v'));
    clean(app);
  });

  it('an error card and Test connection show a hostile error message cleaned', async () => {
    f.server.options.faultMessage = hostile('e');
    f.server.fault = '500';
    // --debug=body logs each response's body, the hostile error message in it.
    app = f.start(['--debug=body', '--model', 'claude-3-5-sonnet'], { cols: 120, rows: 40 });
    await app.waitFor('ready');
    app.write('hi');
    await app.waitFor('› hi');
    app.write(keys.enter);
    await app.waitFor(cleaned('e'));
    clean(app);
    app.write('\x13'); // Ctrl+S
    await app.waitFor('Test connection');
    app.write('\x14'); // Ctrl+T
    await app.waitFor(/problem/, 15_000);
    await waitUntil(() => app!.output().split(cleaned('e')).length > 2, 10_000, 'the error in the checks');
    clean(app);
    // The log keeps server text, escaped (\x9b): `openwork-tui logs`, cat and less cannot act on it.
    const log = f.home.readLog();
    expect(log).toContain(cleaned('e'));
    expect(log).toContain('j\\u202ek');
    expect(log).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  });
});

describe('a server that sends too much', () => {
  it('64 KB of response headers: the card says the headers were too large', async () => {
    f.server.fault = 'huge-headers';
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 120, rows: 40 });
    await app.waitFor('ready');
    app.write('hi');
    await app.waitFor('› hi');
    app.write(keys.enter);
    await app.waitFor(/response headers too large to read \(UND_ERR_HEADERS_OVERFLOW\)/);
  });
});
