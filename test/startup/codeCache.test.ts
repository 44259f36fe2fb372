// The chat's code cache (src/codeCache.ts), on real files with V8's own code cache: made once, used
// after, never trusted when V8 refuses it or when the file is not private, and never a reason to fail.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCached, SCRIPT_HEADER } from '../../src/codeCache.js';
// @ts-expect-error: a plain .mjs module without types
import { toScript } from '../../scripts/chatScript.mjs';

let root: string;
let file: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'openwork-codecache-'));
  file = join(root, 'chat.js');
  dir = join(root, 'home', 'cache');
  writeFileSync(file, (toScript as (c: string, n: number) => string)('module.exports.sum = (a, b) => a + b; module.exports.twice = (s) => s + s;', 0));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Compiles and runs the script as the loader does; its exports and the cache. */
function start() {
  const { fn, cache } = compileCached(file, dir);
  const module = { exports: {} as { sum(a: number, b: number): number; twice(s: string): string } };
  fn(module, module.exports);
  return { chat: module.exports, cache };
}

const hash = () => SCRIPT_HEADER.exec(readFileSync(file, 'utf8'))![1]!;

describe('the code cache', () => {
  it('is made by a run that has none, private to the user, and used by the next run as it is', () => {
    const first = start();
    expect(first.cache.state).toBe('none');
    expect(first.chat.sum(2, 3)).toBe(5);
    expect(first.cache.save()).toBeUndefined();
    expect(first.cache.file).toBe(join(dir, `chat-${hash()}-${process.version}-${process.arch}.bin`));
    expect(statSync(first.cache.file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const made = statSync(first.cache.file);

    const second = start();
    expect(second.cache.state).toBe('used');
    expect(second.chat.twice('ab')).toBe('abab');
    expect(second.cache.save()).toBeUndefined();
    const after = statSync(second.cache.file);
    expect([after.ino, after.mtimeMs]).toEqual([made.ino, made.mtimeMs]); // a used cache is not written again
  });

  it('that V8 refuses (damaged, or made by another Node) is replaced, and the code runs all the same', () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const cacheFile = join(dir, `chat-${hash()}-${process.version}-${process.arch}.bin`);
    writeFileSync(cacheFile, Buffer.alloc(4096, 7), { mode: 0o600 });
    const first = start();
    expect(first.cache.state).toBe('rejected');
    expect(first.chat.sum(1, 1)).toBe(2);
    expect(first.cache.save()).toBeUndefined();
    expect(readFileSync(cacheFile).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(start().cache.state).toBe('used');
  });

  it('that others could have written is never read, and is replaced by a private one', () => {
    start().cache.save();
    const cacheFile = start().cache.file;
    chmodSync(cacheFile, 0o666);
    const run = start();
    expect(run.cache.state).toBe('ignored');
    expect(run.chat.sum(4, 4)).toBe(8);
    expect(run.cache.save()).toBeUndefined();
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(start().cache.state).toBe('used');
  });

  it("of an older build goes when a new one is saved, with a half-written file a killed run left; this build's for another Node stays", () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const older = join(dir, `chat-0123456789abcdef-${process.version}-${process.arch}.bin`);
    const otherNode = join(dir, `chat-${hash()}-v99.0.0-${process.arch}.bin`);
    const orphan = join(dir, `chat-${hash()}-${process.version}-${process.arch}.bin.12345.tmp`);
    const fresh = join(dir, `chat-${hash()}-${process.version}-${process.arch}.bin.99999.tmp`);
    const unrelated = join(dir, 'notes.txt');
    for (const f of [older, otherNode, orphan, fresh, unrelated]) writeFileSync(f, 'x', { mode: 0o600 });
    const old = (Date.now() - 5 * 60_000) / 1000;
    utimesSync(orphan, old, old);
    expect(start().cache.save()).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual([`chat-${hash()}-${process.version}-${process.arch}.bin`, `chat-${hash()}-${process.version}-${process.arch}.bin.99999.tmp`, `chat-${hash()}-v99.0.0-${process.arch}.bin`, 'notes.txt'].sort());
  });

  it('that cannot be written says why and changes nothing else', () => {
    writeFileSync(join(root, 'home'), 'a file where the folder would be');
    const run = start();
    expect(run.cache.state).toBe('none');
    expect(run.cache.save()).toMatch(/ENOTDIR|EEXIST/);
    expect(run.chat.sum(2, 2)).toBe(4);
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses a file that is not a chat script', () => {
    writeFileSync(file, '(function () {})');
    expect(() => compileCached(file, dir)).toThrow(/not a chat script/);
  });
});
