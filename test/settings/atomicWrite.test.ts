import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  atomicWrite,
  folderAccess,
  readIfExists,
} from '../../src/settings/atomicWrite.js';

const posix = process.platform !== 'win32';
const modeOf = (path: string): number => fs.statSync(path).mode & 0o777;

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'openwork-atomic-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('atomicWrite', () => {
  it('creates a missing folder 0700 and the file 0600', () => {
    const home = join(root, 'nested', '.openwork');
    const file = join(home, '.env');
    const result = atomicWrite(file, 'A=1\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('A=1\n');
    expect(result.createdDir).toBe(true);
    if (posix) {
      expect(modeOf(home)).toBe(0o700);
      expect(modeOf(file)).toBe(0o600);
      expect(result.dir).toEqual({ mode: 0o700, open: false });
    }
  });

  it("leaves an existing folder's permissions alone and reports them", () => {
    const home = join(root, 'home');
    fs.mkdirSync(home);
    fs.chmodSync(home, 0o755);
    const result = atomicWrite(join(home, '.env'), 'A=1\n');
    expect(result.createdDir).toBe(false);
    if (posix) {
      expect(modeOf(home)).toBe(0o755);
      expect(result.dir).toEqual({ mode: 0o755, open: true });
      expect(folderAccess(home)).toEqual({ mode: 0o755, open: true });
    }
    expect(folderAccess(join(root, 'missing'))).toBeUndefined();
  });

  it('tightens a looser file to 0600 and replaces its content whole', () => {
    const file = join(root, '.env');
    fs.writeFileSync(file, 'OLD=1\n');
    fs.chmodSync(file, 0o644);
    atomicWrite(file, '\uFEFFNEW=2\r\n');
    expect(fs.readFileSync(file)).toEqual(Buffer.from('\uFEFFNEW=2\r\n', 'utf8'));
    if (posix) expect(modeOf(file)).toBe(0o600);
    expect(fs.readdirSync(root)).toEqual(['.env']);
  });

  it('leaves the target untouched and no temp file when interrupted before the rename', () => {
    const file = join(root, '.env');
    fs.writeFileSync(file, 'KEEP=me\n');
    fs.chmodSync(file, 0o600);
    let seen = '';
    expect(() =>
      atomicWrite(file, 'HALF=written\n', {
        beforeRename: (temp) => {
          seen = temp;
          expect(fs.readFileSync(temp, 'utf8')).toBe('HALF=written\n'); // fully written first
          if (posix) expect(modeOf(temp)).toBe(0o600);
          throw new Error('power cut');
        },
      }),
    ).toThrow('power cut');
    expect(seen.startsWith(root)).toBe(true); // the temp file sits in the same folder
    expect(fs.readFileSync(file, 'utf8')).toBe('KEEP=me\n');
    expect(fs.readdirSync(root)).toEqual(['.env']);
  });

  it('creates nothing when a first write is interrupted', () => {
    const file = join(root, '.env');
    expect(() =>
      atomicWrite(file, 'A=1\n', {
        beforeRename: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('removes the temp file when the rename itself fails', () => {
    const target = join(root, '.env');
    fs.mkdirSync(target); // a folder where the file should be: rename fails
    fs.writeFileSync(join(target, 'inside'), 'x');
    expect(() => atomicWrite(target, 'A=1\n')).toThrow();
    expect(fs.readdirSync(root)).toEqual(['.env']);
    expect(fs.readdirSync(target)).toEqual(['inside']);
  });

  it.runIf(posix)('writes through a symlink instead of replacing it', () => {
    const real = join(root, 'dotfiles');
    fs.mkdirSync(real);
    fs.writeFileSync(join(real, 'env'), 'A=1\n');
    const home = join(root, 'home');
    fs.mkdirSync(home);
    fs.symlinkSync(join(real, 'env'), join(home, '.env'));
    atomicWrite(join(home, '.env'), 'A=2\n');
    expect(fs.lstatSync(join(home, '.env')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(join(real, 'env'), 'utf8')).toBe('A=2\n');
    expect(fs.readdirSync(real)).toEqual(['env']);
  });
});

describe('readIfExists', () => {
  it('reads text, mtime and a content hash; undefined when missing', () => {
    const file = join(root, '.env');
    expect(readIfExists(file)).toBeUndefined();
    expect(readIfExists(join(root, 'no', 'such', '.env'))).toBeUndefined();
    fs.writeFileSync(file, '\uFEFFNAME=中文\n');
    const snap = readIfExists(file);
    expect(snap?.text).toBe('\uFEFFNAME=中文\n');
    expect(snap?.mtimeMs).toBe(fs.statSync(file).mtimeMs);
    expect(snap?.hash).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  });
});
