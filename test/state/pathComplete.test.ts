import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { completeMention, mentionAtCaret } from '../../src/state/pathComplete.js';

describe('@path completion', () => {
  const root = mkdtempSync(join(tmpdir(), 'openwork-complete-'));
  mkdirSync(join(root, 'src', 'slash'), { recursive: true });
  writeFileSync(join(root, 'src', 'app.tsx'), 'x');
  writeFileSync(join(root, 'src', 'args.ts'), 'x');
  writeFileSync(join(root, 'src', 'slash', 'copy.ts'), 'x');
  writeFileSync(join(root, 'README.md'), 'x');
  writeFileSync(join(root, '.env'), 'x');
  // A real folder on disk, read the way the prompt reads it.
  const list = (dir: string) => {
    try {
      return readdirSync(resolve(root, dir), { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
    } catch {
      return undefined;
    }
  };
  const tab = (text: string, cursor = text.length) => completeMention(text, cursor, list);

  it('finds the @word the caret ends, not an e-mail address', () => {
    expect(mentionAtCaret('look at @sr', 11)).toEqual({ start: 8, typed: 'sr' });
    expect(mentionAtCaret('mail me@x', 9)).toBeUndefined();
    expect(mentionAtCaret('@', 1)).toEqual({ start: 0, typed: '' });
  });

  it('one match: a folder gets its slash, a file a space; several: their shared start and the list', () => {
    expect(tab('explain @s')).toMatchObject({ text: 'explain @src/', cursor: 13, candidates: [] });
    expect(tab('explain @src/a')).toMatchObject({ text: 'explain @src/a', candidates: ['src/app.tsx', 'src/args.ts'] });
    expect(tab('explain @src/ap')).toMatchObject({ text: 'explain @src/app.tsx ', candidates: [] });
    expect(tab('@src/sl')).toMatchObject({ text: '@src/slash/' });
    expect(tab('@src/slash/')).toMatchObject({ text: '@src/slash/copy.ts ' });
  });

  it('text after the caret stays; hidden files only when a dot is typed; nothing to complete: undefined', () => {
    const t = 'see @REA and more';
    expect(tab(t, 8)).toEqual({ text: 'see @README.md and more', cursor: 14, candidates: [] });
    expect(tab('@')!.candidates).toEqual(['README.md', 'src/']);
    expect(tab('@.e')).toMatchObject({ text: '@.env ' });
    expect(tab('@nothing')).toBeUndefined();
    expect(tab('@nodir/x')).toBeUndefined();
    expect(tab('plain words')).toBeUndefined();
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));
});
