// `@path` in the chat's prompt: Tab completes, the note under the draft gives size and tokens against
// the model's context window (the proxy's /model/info), the file goes with the message (checked in
// the request the server received), a binary file is refused, over the window it asks first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';
import { startApp, type PtyApp } from '../helpers/pty.js';
import { keys } from '../helpers/keys.js';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;
let work: string;

beforeEach(async () => {
  home = tempHome();
  // The proxy says the model's window is 2,000 tokens (~8,000 characters).
  server = await startServer({
    dropParams: true,
    models: [
      { name: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', reply: 'Read it.', modelInfo: { max_input_tokens: 2000, supports_vision: true } },
      { name: 'text-only', underlying: 'openai/text-only', reply: 'Read it.', modelInfo: { supports_vision: false } },
    ],
  });
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
  work = mkdtempSync(join(tmpdir(), 'openwork-work-'));
  writeFileSync(join(work, 'notes.txt'), 'buy milk\x1b]0;pwned\x07\nfix the bike\n');
  mkdirSync(join(work, 'docs'));
  writeFileSync(join(work, 'docs', 'a.md'), '# A\n');
  writeFileSync(join(work, 'docs', 'b.md'), '# B\n');
  writeFileSync(join(work, 'blob.dat'), Buffer.from([0, 1, 2, 3, 0, 255, 0, 0, 9, 8]));
  writeFileSync(join(work, 'shot.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24, 7)]));
  writeFileSync(join(work, 'big.txt'), 'lorem ipsum '.repeat(1000)); // 12,000 characters: ~3,000 tokens
});
afterEach(async () => {
  app?.kill();
  await app?.exit; // it writes to its home (log, sessions.db) until it exits: remove the home after that
  app = undefined;
  await server.close();
  home.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const chats = () => server.requests.filter((r) => r.url.endsWith('/chat/completions')).map((r) => r.body);
const lastUser = () => chats().at(-1)?.messages.at(-1)?.content as string | undefined;
async function answered(a: PtyApp, n: number): Promise<void> {
  await waitUntil(() => chats().length >= n && (a.screen().match(/Read it\./g) ?? []).length >= 1 && /\bready · /.test(a.screen()), 15_000, `reply ${n}`);
}

describe('@path in the chat prompt', { timeout: 90_000 }, () => {
  it('Tab completes, the note shows size and tokens against the window, the file is sent fenced and clean', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cwd: work, cols: 100, rows: 30 });
    await app.waitFor(/key ✓ +ready/);
    app.write('sum up @no');
    await app.waitFor('› sum up @no');
    app.write(keys.tab);
    await app.waitFor('› sum up @notes.txt');
    await app.waitFor(/Attaches notes\.txt 32 B · ~\d+ tokens · \d+% of the 2k-token context/);
    app.write(keys.enter);
    await answered(app, 1);
    expect(lastUser()).toBe('sum up @notes.txt\n\nFile: notes.txt (32 B)\n```\nbuy milk\nfix the bike\n```');
    expect(app.screen()).toMatch(/Attached notes\.txt 32 B \(~\d+ tokens\)/);

    // A folder: Tab lists what matches, then completes; its listing is attached.
    app.write('what is in @d');
    await app.waitFor(/› what is in @d$/m); // a key apart from the text (one chunk would be a paste)
    app.write(keys.tab);
    await app.waitFor('› what is in @docs/');
    app.write(keys.tab);
    await app.waitFor('docs/a.md  docs/b.md');
    for (let i = 0; i < 4; i++) app.write(keys.backspace); // back to "@d"
    await app.waitFor(/› what is in @d$/m);
    app.write('ocs');
    await app.waitFor(/Attaches docs\/ 2 entries/);
    app.write(keys.enter);
    await waitUntil(() => chats().length === 2, 15_000, 'the second request');
    expect(lastUser()).toBe('what is in @docs\n\nFolder: docs (2 entries)\n```\na.md\nb.md\n```');
  });

  it('a binary file is refused before anything is sent; over the window Enter asks, and Enter again sends', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cwd: work, cols: 100, rows: 30 });
    await app.waitFor(/key ✓ +ready/);
    app.write('read @blob.dat');
    await app.waitFor('blob.dat was not attached: it is a binary file');
    app.write(keys.enter);
    // The notice, then the prompt drawn again below it with the draft kept: the whole frame, not
    // the notice alone (CI on Node 24 read the screen between the two).
    await app.waitFor(/Nothing was sent\.[\s\S]*› read @blob\.dat[\s\S]*ready/);
    expect(chats()).toHaveLength(0);

    app.write(keys.ctrlU);
    app.write('read @big.txt');
    await app.waitFor(/over claude-3-5-sonnet's 2k-token context: Enter asks/);
    app.write(keys.enter);
    await app.waitFor(/This message is ~[\d.]+k? tokens with the conversation so far, over claude-3-5-sonnet's 2k-token\s+context window/);
    expect(chats()).toHaveLength(0);
    app.write(keys.enter);
    await waitUntil(() => chats().length === 1, 15_000, 'the request sent anyway');
    expect(lastUser()).toContain('File: big.txt (11.7 KB)');
  });

  it('an image goes as an image part to a model that takes images; to one that does not, a refusal and nothing sent', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cwd: work, cols: 100, rows: 30 });
    await app.waitFor(/key ✓ +ready/);
    app.write('what is @shot.png');
    await app.waitFor(/Attaches shot\.png 32 B image/);
    app.write(keys.enter);
    await answered(app, 1);
    const content = chats()[0].messages.at(-1).content;
    expect(content).toEqual([
      { type: 'text', text: 'what is @shot.png\n\nImage: shot.png (32 B, attached)' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24, 7)]).toString('base64')}` } },
    ]);
    app.write('/model text-only\r');
    await app.waitFor('model: text-only');
    app.write('and @shot.png');
    await app.waitFor(/Attaches shot\.png/);
    app.write(keys.enter);
    await app.waitFor('text-only does not take images');
    expect(chats()).toHaveLength(1);
  });
});
