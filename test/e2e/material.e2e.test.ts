// Material in, answers out, in the chat: the built app in a real pseudo-terminal against the local server.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from '../helpers/home.js';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';

const f = eachPtyApp();
let app: PtyApp | undefined;

const chatBodies = () => f.server.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => r.body);

describe('system prompt and roles in the chat', () => {
  it('--role reviewer: every request carries the role as its system message, with the role\'s model', async () => {
    mkdirSync(join(f.home.dir, 'roles'));
    writeFileSync(join(f.home.dir, 'roles', 'reviewer.md'), '---\nmodel: claude-3-5-haiku-20241022\n---\nYou review code.\n');
    app = f.start(['--role', 'reviewer'], { cols: 100, rows: 30 });
    await app.waitFor('ready');
    await typeLine(app, 'first');
    await app.waitFor(/\bhi\b/);
    await app.waitFor('ready');
    await typeLine(app, 'second');
    await waitUntil(() => chatBodies().at(-1)?.messages.at(-1)?.content === 'second', 10_000, 'the second request');
    for (const body of chatBodies()) {
      expect(body.model).toBe('claude-3-5-haiku-20241022');
      expect(body.messages[0]).toEqual({ role: 'system', content: 'You review code.' });
    }
    expect(chatBodies().at(-1).messages.slice(1)).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'hi' },
      { role: 'user', content: 'second' },
    ]);
  });

  it('an unknown --role: the chat does not start, the error names the roles folder', async () => {
    app = f.start(['--role', 'nobody']);
    expect(await app.exit).toBe(2);
    expect(app.output()).toContain('no role "nobody"');
    expect(f.server.requests).toEqual([]);
  });
});
