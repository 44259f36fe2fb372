// The chat's code cache (src/codeCache.ts), on real files with V8's own code cache: made once, used
// after, never trusted when it is damaged, made from another source, or not private, and never a
// reason to fail or to hang. Each "start" compiles a fresh copy of the script (another file name, the
// same time): V8 would otherwise answer a second compile of the same script from its in-memory cache.
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCached, flagsKey, SCRIPT_HEADER } from '../../src/codeCache.js';
// @ts-expect-error: a plain .mjs module without types
import { toScript } from '../../scripts/chatScript.mjs';

let root: string;
let file: string;
let dir: string;
let starts = 0;
const CODE = 'module.exports.sum = (a, b) => a + b; module.exports.twice = (s) => s + s;';
const script = (code: string) => (toScript as (c: string, n: number) => string)(code, 0);
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'openwork-codecache-'));
  file = join(root, 'chat.js');
  dir = join(root, 'home', 'cache');
  writeFileSync(file, script(CODE));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Compiles and runs (a copy of) the script as the loader does; its exports and the cache. */
function start(flags = '') {
  const copy = join(root, `chat-${++starts}.js`);
  copyFileSync(file, copy);
  // The cache names its script by size and time: each copy is "the same file" as long as chat.js is not changed.
  const seconds = Math.floor(statSync(file).mtimeMs / 1000);
  utimesSync(copy, seconds, seconds);
  const { fn, cache } = compileCached(copy, dir, flags);
  const module = { exports: {} as { sum(a: number, b: number): number; twice(s: string): string } };
  fn(module, module.exports);
  return { chat: module.exports, cache };
}

const hash = () => SCRIPT_HEADER.exec(readFileSync(file, 'utf8'))![1]!;
const cacheName = (flags = '') => `chat-${hash()}-${process.version}-${process.arch}${flags}.bin`;

describe('the code cache', () => {
  it('is made by a run that has none, private to the user, and used by the next run as it is', () => {
    const first = start();
    expect(first.cache.state).toBe('none');
    expect(first.chat.sum(2, 3)).toBe(5);
    expect(first.cache.save()).toBeUndefined();
    expect(first.cache.file).toBe(join(dir, cacheName()));
    expect(statSync(first.cache.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const made = statSync(first.cache.file);

    const second = start();
    expect(second.cache.state).toBe('used');
    expect(second.chat.twice('ab')).toBe('abab');
    expect(second.cache.save()).toBeUndefined();
    const after = statSync(second.cache.file);
    expect([after.ino, after.mtimeMs]).toEqual([made.ino, made.mtimeMs]); // a used cache is not written again
    expect(readdirSync(dir)).toEqual([cacheName()]);
  });

  it('damaged anywhere (one byte), made from another script file, or refused by V8 is never used, and is replaced', () => {
    start().cache.save();
    const cacheFile = join(dir, cacheName());
    const good = readFileSync(cacheFile);
    // The header (magic, format, the script's size and time, the checksum) and V8's data, start to end.
    for (const at of [0, 4, 8, 12, 20, 23, 24, 100, good.length >> 1, good.length - 1]) {
      const bad = Buffer.from(good);
      bad[at] = bad[at]! ^ 0x20;
      writeFileSync(cacheFile, bad, { mode: 0o600 });
      const run = start();
      expect([at, run.cache.state]).toEqual([at, 'rejected']);
      expect(run.chat.sum(1, 1)).toBe(2);
    }
    // Whole, for this script, but not V8's (another V8 made it, or junk): V8 refuses it.
    const junk = Buffer.alloc(4096, 7);
    const head = Buffer.from(good.subarray(0, 24));
    head.writeUInt32BE(crc32(junk) >>> 0, 20);
    writeFileSync(cacheFile, Buffer.concat([head, junk]), { mode: 0o600 });
    expect(start().cache.state).toBe('rejected');
    writeFileSync(cacheFile, good, { mode: 0o600 });
    expect(start().cache.state).toBe('used');
    // The same header and length, other code (a hand edit of dist/chat.js): its file's time differs.
    writeFileSync(file, readFileSync(file, 'utf8').replace('a + b', 'b + a'));
    const later = Math.floor(statSync(file).mtimeMs / 1000) + 60; // the test's copies keep whole seconds
    utimesSync(file, later, later);
    const other = start();
    expect(other.cache.state).toBe('rejected');
    expect(other.chat.sum(1, 2)).toBe(3);
    expect(other.cache.save()).toBeUndefined();
    expect(start().cache.state).toBe('used');
  });

  it('that others could have written, a link to another file, or not a plain file is never read; a file like that is replaced by a private one', () => {
    start().cache.save();
    const cacheFile = join(dir, cacheName());
    const good = readFileSync(cacheFile);
    chmodSync(cacheFile, 0o666);
    expect(start().cache.state).toBe('ignored');
    rmSync(cacheFile);
    writeFileSync(join(root, 'elsewhere.bin'), good, { mode: 0o600 });
    symlinkSync(join(root, 'elsewhere.bin'), cacheFile);
    expect(start().cache.state).toBe('ignored');
    rmSync(cacheFile);
    linkSync(join(root, 'elsewhere.bin'), cacheFile); // a hard link: someone else's name for the same data
    expect(start().cache.state).toBe('ignored');
    rmSync(cacheFile);
    execFileSync('mkfifo', [cacheFile]); // opening it must not block the start
    const run = start();
    expect(run.cache.state).toBe('ignored');
    expect(run.chat.sum(4, 4)).toBe(8);
    expect(run.cache.save()).toBeUndefined();
    expect(statSync(cacheFile).isFile()).toBe(true);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root, 'elsewhere.bin')).equals(good)).toBe(true); // never written through
    expect(start().cache.state).toBe('used');
  });

  it('in a folder others can write is neither read nor written', () => {
    start().cache.save();
    chmodSync(dir, 0o777);
    const run = start();
    expect(run.cache.state).toBe('ignored');
    expect(run.chat.sum(2, 2)).toBe(4);
    const before = statSync(join(dir, cacheName())).mtimeMs;
    expect(run.cache.save()).toMatch(/not a private folder/);
    expect(statSync(join(dir, cacheName())).mtimeMs).toBe(before);
    chmodSync(dir, 0o700);
    expect(start().cache.state).toBe('used');
  });

  it('keeps a file per set of Node flags, and the newest four caches; a half-written file a killed run left goes', () => {
    expect(flagsKey([], undefined)).toBe('');
    const big = flagsKey(['--max-old-space-size=4096'], undefined);
    expect(big).toMatch(/^-[0-9a-f]+$/);
    expect(flagsKey([], '--max-old-space-size=4096')).toBe(big);
    expect(flagsKey(['--stack-size=2000'], undefined)).not.toBe(big);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const old = (Date.now() - 5 * 60_000) / 1000;
    const older = ['chat-0123456789abcdef-v18.0.0-x64.bin', 'chat-1123456789abcdef-v18.0.0-x64.bin', 'chat-2123456789abcdef-v18.0.0-x64.bin', 'chat-3123456789abcdef-v18.0.0-x64.bin'];
    for (const [i, f] of older.entries()) {
      writeFileSync(join(dir, f), 'x', { mode: 0o600 });
      utimesSync(join(dir, f), old + i, old + i);
    }
    const orphan = `${cacheName()}.12345.abc.tmp`;
    const fresh = `${cacheName()}.99999.def.tmp`;
    writeFileSync(join(dir, orphan), 'x', { mode: 0o600 });
    utimesSync(join(dir, orphan), old, old);
    writeFileSync(join(dir, fresh), 'x', { mode: 0o600 });
    writeFileSync(join(dir, 'notes.txt'), 'x', { mode: 0o600 });
    expect(start().cache.save()).toBeUndefined();
    expect(start(big).cache.save()).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual([cacheName(), cacheName(big), older[3], older[2], fresh, 'notes.txt'].sort());
    expect(start(big).cache.state).toBe('used');
    expect(start().cache.state).toBe('used');
  });

  it('that cannot be written says why, leaves nothing behind and changes nothing else', () => {
    writeFileSync(join(root, 'home'), 'a file where the folder would be');
    const run = start();
    expect(run.cache.state).toBe('ignored');
    expect(run.cache.save()).toMatch(/not a private folder/);
    expect(run.chat.sum(2, 2)).toBe(4);
    expect(existsSync(dir)).toBe(false);
    rmSync(join(root, 'home'));
    mkdirSync(join(dir, cacheName()), { recursive: true, mode: 0o700 }); // a folder at the cache's name
    const blocked = start();
    expect(blocked.cache.state).toBe('ignored');
    expect(blocked.cache.save()).toMatch(/EISDIR|EEXIST|ENOTEMPTY|directory/i);
    expect(readdirSync(dir)).toEqual([cacheName()]); // no temporary file left
  });

  it('refuses a file that is not a chat script', () => {
    writeFileSync(file, '(function () {})');
    expect(() => compileCached(file, dir)).toThrow(/not a chat script/);
  });
});
