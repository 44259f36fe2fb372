// Issue 14: a reply of any size, and one that never ends, in a real terminal. Past the Markdown
// limit the app shows a plain tail, saves the whole reply to a file it names, stays up, and Esc
// stops an endless stream. (How fast and how much memory: `npm run bench`, not here.)
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from '../helpers/home.js';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { keys } from '../helpers/keys.js';
import { CUT_NOTE, PLAIN_AFTER } from '../../src/state/longReply.js';

const para = (i: number) => `Paragraph ${i}: ${'lorem ipsum dolor sit amet '.repeat(30)}`;
const REPLY = Array.from({ length: 700 }, (_, i) => para(i)).join('\n\n') + '\n\nthe very end';

const f = eachPtyApp({ server: { chunkSize: 512, models: [{ name: 'claude-3-5-sonnet', reply: REPLY }] } });
let app: PtyApp | undefined;

const savedFiles = () => {
  try {
    return readdirSync(join(f.home.dir, 'replies')).map((name) => join(f.home.dir, 'replies', name));
  } catch {
    return [];
  }
};
const lastChat = () => f.server.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!;

describe('a long reply', () => {
  it('past the limit: shown plain to its end, saved whole to the file it names, and the next turn still works', async () => {
    expect(REPLY.length).toBeGreaterThan(2 * 256 * 1024);
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 200, rows: 30 });
    await app.waitFor('ready');
    await typeLine(app, 'hello');
    await app.waitFor(/long reply \([\d.]+ [KM]B\): the whole reply is saved to/, 60_000);
    await app.waitFor(/ready · ~?\d+ tok/);
    expect(app.screen()).toContain('the very end');
    const files = savedFiles();
    expect(files).toHaveLength(1);
    expect(app.all().replace(/\n/g, '')).toContain(files[0]);
    expect(readFileSync(files[0]!, 'utf8')).toBe(REPLY);

    f.server.setReply('claude-3-5-sonnet', 'short answer');
    await typeLine(app, 'again');
    await app.waitFor('short answer');
    // What is sent back of the long reply: its Markdown part and a note, not megabytes.
    const sent = lastChat().body.messages.find((m: { role: string }) => m.role === 'assistant').content as string;
    expect(sent.length).toBeLessThan(REPLY.length);
    expect(sent.endsWith(CUT_NOTE)).toBe(true);
  });

  it('an endless stream: plain once past the limit, Esc stops it, the app stays up', async () => {
    f.server.fault = 'endless';
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 200, rows: 30 });
    await app.waitFor('ready');
    await typeLine(app, 'hello');
    await app.waitFor(/a long reply \([\d.]+ [KM]B so far\): the rest is shown plain, the whole reply goes to/, 60_000);
    await waitUntil(() => savedFiles().length === 1, 10_000, 'the reply file');
    app.write(keys.esc);
    await app.waitFor('⎿ interrupted');
    await app.waitFor(/long reply \([\d.]+ [KM]B\): the whole reply is saved to/);
    f.server.fault = 'none';
    // Everything that came: more than the Markdown part (the switch is at PLAIN_AFTER), from the start.
    const saved = readFileSync(savedFiles()[0]!, 'utf8');
    expect(saved.length).toBeGreaterThan(PLAIN_AFTER);
    expect(saved.startsWith(REPLY.slice(0, 1000))).toBe(true);
    f.server.setReply('claude-3-5-sonnet', 'still here');
    await typeLine(app, 'are you there');
    // The app is up and answers; how fast it is after a long stream is the bench's business (row "big").
    await app.waitFor('still here', 30_000);
  });
});
