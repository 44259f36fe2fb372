// Issue 14: a reply of any size, and one that never ends, in a real terminal. Past the Markdown
// limit the app shows a plain tail, saves the whole reply to a file it names, stays up, and Esc
// stops an endless stream. (How fast and how much memory: `npm run bench`, not here.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';
import { CUT_NOTE, PLAIN_AFTER } from '../../src/state/chat.js';

const para = (i: number) => `Paragraph ${i}: ${'lorem ipsum dolor sit amet '.repeat(30)}`;
const REPLY = Array.from({ length: 700 }, (_, i) => para(i)).join('\n\n') + '\n\nthe very end';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;

beforeEach(async () => {
  home = tempHome();
  server = await startServer({ chunkSize: 512, models: [{ name: 'claude-3-5-sonnet', reply: REPLY }] });
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
});
afterEach(async () => {
  app?.kill();
  app = undefined;
  await server.close();
  home.cleanup();
});

const savedFiles = () => {
  try {
    return readdirSync(join(home.dir, 'replies')).map((f) => join(home.dir, 'replies', f));
  } catch {
    return [];
  }
};
const lastChat = () => server.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!;

describe('a long reply', () => {
  it('past the limit: shown plain to its end, saved whole to the file it names, and the next turn still works', async () => {
    expect(REPLY.length).toBeGreaterThan(2 * 256 * 1024);
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 200, rows: 30 });
    await app.waitFor('ready');
    await typeLine(app, 'hello');
    await app.waitFor(/long reply \([\d.]+ [KM]B\): the whole reply is saved to/, 60_000);
    await app.waitFor(/ready · ~?\d+ tok/);
    expect(app.screen()).toContain('the very end');
    const files = savedFiles();
    expect(files).toHaveLength(1);
    expect(app.all().replace(/\n/g, '')).toContain(files[0]);
    expect(readFileSync(files[0]!, 'utf8')).toBe(REPLY);

    server.setReply('claude-3-5-sonnet', 'short answer');
    await typeLine(app, 'again');
    await app.waitFor('short answer');
    // What is sent back of the long reply: its Markdown part and a note, not megabytes.
    const sent = lastChat().body.messages.find((m: { role: string }) => m.role === 'assistant').content as string;
    expect(sent.length).toBeLessThan(REPLY.length);
    expect(sent.endsWith(CUT_NOTE)).toBe(true);
  });

  it('an endless stream: plain once past the limit, Esc stops it, the app stays up', async () => {
    server.fault = 'endless';
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 200, rows: 30 });
    await app.waitFor('ready');
    await typeLine(app, 'hello');
    await app.waitFor(/a long reply \([\d.]+ [KM]B so far\): the rest is shown plain, the whole reply goes to/, 60_000);
    await waitUntil(() => savedFiles().length === 1, 10_000, 'the reply file');
    app.write(keys.esc);
    await app.waitFor('⎿ interrupted');
    await app.waitFor(/long reply \([\d.]+ [KM]B\): the whole reply is saved to/);
    server.fault = 'none';
    // Everything that came: more than the Markdown part (the switch is at PLAIN_AFTER), from the start.
    const saved = readFileSync(savedFiles()[0]!, 'utf8');
    expect(saved.length).toBeGreaterThan(PLAIN_AFTER);
    expect(saved.startsWith(REPLY.slice(0, 1000))).toBe(true);
    server.setReply('claude-3-5-sonnet', 'still here');
    await typeLine(app, 'are you there');
    await app.waitFor('still here');
  });
});
