// The chat's code cache in use (src/codeCache.ts, dist/chat.js): the first start in a home makes it
// right after its first frame, the next start uses it as it is, and a damaged one never stops the
// chat: it is replaced.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { waitUntil } from '../helpers/home.js';
import { keys } from '../helpers/keys.js';

const f = eachPtyApp();
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const cacheDir = () => join(f.home.dir, 'cache');
const cacheFiles = () => {
  try {
    return readdirSync(cacheDir()).filter((n) => n.endsWith('.bin'));
  } catch {
    return [];
  }
};
/** The cache this build makes on this Node (the app runs on the tests' Node). */
const cacheName = () => `chat-${/^\/\/ openwork-tui chat ([0-9a-f]{16})\n/.exec(readFileSync(join(DIST, 'chat.js'), 'utf8'))![1]}-${process.version}-${process.arch}.bin`;
const count = (text: string, part: string) => text.split(part).length - 1;

async function chatAndQuit(app: PtyApp): Promise<void> {
  await app.waitFor(/key ✓ +ready/);
  await typeLine(app, 'hi');
  await app.waitFor('Hello from the proxy');
  app.write(keys.ctrlC);
  app.write(keys.ctrlC);
  expect(await app.exit).toBe(0);
}

describe("the chat's code cache", () => {
  it('is made by the first start, private; the next start uses it unchanged and chats', async () => {
    const first = f.start(['--model', 'claude-3-5-sonnet']);
    await first.waitFor('ready');
    await waitUntil(() => f.home.readLog().includes('code cache made'), 10_000, 'the code cache to be made');
    await chatAndQuit(first);
    expect(cacheFiles()).toEqual([cacheName()]);
    const file = join(cacheDir(), cacheName());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const made = statSync(file);

    await chatAndQuit(f.start(['--model', 'claude-3-5-sonnet']));
    const after = statSync(file);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([made.ino, made.mtimeMs, made.size]);
    const log = f.home.readLog();
    expect(count(log, '[Startup] code cache')).toBe(1); // the first start's "made"; nothing from the second
  });

  it('a damaged cache: the chat starts and works all the same, and the cache is replaced', async () => {
    mkdirSync(cacheDir(), { recursive: true, mode: 0o700 });
    const file = join(cacheDir(), cacheName());
    const junk = Buffer.alloc(64 * 1024, 0x5a);
    writeFileSync(file, junk, { mode: 0o600 });
    const app = f.start(['--model', 'claude-3-5-sonnet']);
    await waitUntil(() => f.home.readLog().includes('code cache replaced (rejected)'), 10_000, 'the damaged cache to be replaced');
    await chatAndQuit(app);
    expect(readFileSync(file).equals(junk)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
