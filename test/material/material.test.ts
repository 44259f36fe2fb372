// The pure pieces of attaching material: mentions, fences, sizes, image types, roles, JSON lines, flags.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMentions, readAttachment } from '../../src/material/attach.js';
import { fenceFor, fencedDocument, formatSize } from '../../src/material/document.js';
import { imageType } from '../../src/material/images.js';
import { isRole, loadRole, parseRole, roleNames } from '../../src/material/roles.js';
import { jsonLine } from '../../src/commands/promptOutput.js';
import { parseArgs, UsageError } from '../../src/args.js';
import { takesImages } from '../../src/runtime/models.js';
import { tempHome, type TempHome } from '../helpers/home.js';

let home: TempHome | undefined;
afterEach(() => home?.cleanup());

describe('mentions', () => {
  it('finds @path words at the start or after white space, quoted paths with spaces, not e-mail addresses', () => {
    expect(findMentions('@a.txt and @src/app.tsx, mail me@host.com or @"my notes.md"').map((m) => m.name)).toEqual(['a.txt', 'src/app.tsx,', 'my notes.md']);
  });
  it('records where each sits', () => {
    expect(findMentions('see @x.md')).toEqual([{ name: 'x.md', start: 4, end: 9 }]);
  });
});

describe('documents', () => {
  it('sizes in B, KB, MB', () => {
    expect([900, 1536, 10 * 1024, 3_500_000].map(formatSize)).toEqual(['900 B', '1.5 KB', '10 KB', '3.3 MB']);
  });
  it('a fence longer than any backtick run inside, so the text cannot close it', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ```` b')).toBe('`````');
    expect(fencedDocument('T', 'x\n````\ny')).toBe('T\n`````\nx\n````\ny\n`````');
  });
  it('escape sequences and control characters in attached text are removed; tabs and newlines stay', () => {
    expect(fencedDocument('T', 'a\x1b]52;c;aGk=\x07b\tc\u202e\n')).toBe('T\n```\nab\tc\n```');
  });
});

describe('attachments', () => {
  it('by content: a PNG named .txt is an image; a text file named .png is refused as not an image only if binary', async () => {
    home = tempHome();
    mkdirSync(home.dir, { recursive: true });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    writeFileSync(join(home.dir, 'pic.txt'), png);
    writeFileSync(join(home.dir, 'notes.png'), 'just text');
    expect(await readAttachment('pic.txt', join(home.dir, 'pic.txt'))).toMatchObject({ kind: 'image', mediaType: 'image/png' });
    expect(await readAttachment('notes.png', join(home.dir, 'notes.png'))).toMatchObject({ kind: 'text', text: 'just text' });
  });
  it('image types from their first bytes', () => {
    const b = (hex: string) => Buffer.from(hex, 'hex');
    expect(imageType(b('ffd8ffe0'))).toBe('image/jpeg');
    expect(imageType(Buffer.from('GIF89a'))).toBe('image/gif');
    expect(imageType(Buffer.concat([Buffer.from('RIFF'), b('00000000'), Buffer.from('WEBP')]))).toBe('image/webp');
    expect(imageType(Buffer.from('RIFF....WAVE'))).toBeUndefined();
    expect(imageType(Buffer.from('<svg'))).toBeUndefined();
  });
  it('which models take images: proxy models by supports_vision, Claude names elsewhere', () => {
    expect(takesImages('x', { id: 'x', source: 'proxy', served: true, vision: true }, true)).toBe(true);
    expect(takesImages('claude-3-5-sonnet', { id: 'claude-3-5-sonnet', source: 'proxy', served: true }, true)).toBe(false);
    expect(takesImages('claude-3-5-sonnet', undefined, true)).toBe(false);
    expect(takesImages('claude-opus-4-1', undefined, false)).toBe(true);
    expect(takesImages('claude-2.1', undefined, false)).toBe(false);
  });
});

describe('roles', () => {
  it('the body is the system prompt; front matter may name a model and a description', async () => {
    expect(await parseRole('r', '/r.md', '---\nmodel: m1\ndescription: reviews\n---\n\nBe brief.\n')).toEqual({ name: 'r', system: 'Be brief.', model: 'm1', description: 'reviews' });
    expect(await parseRole('r', '/r.md', 'No front matter.\n---\nstill body')).toEqual({ name: 'r', system: 'No front matter.\n---\nstill body' });
  });
  it('a front matter that is not key: value lines is a problem, not a silent empty role', async () => {
    const r = await parseRole('r', '/r.md', '---\n- a\n- b\n---\nbody');
    expect(isRole(r)).toBe(false);
    expect(r).toMatchObject({ kind: 'invalid' });
  });
  it('lists NAME.md files; a name is never a path', async () => {
    home = tempHome();
    mkdirSync(join(home.dir, 'roles'), { recursive: true });
    writeFileSync(join(home.dir, 'roles', 'b.md'), 'B');
    writeFileSync(join(home.dir, 'roles', 'a.md'), 'A');
    writeFileSync(join(home.dir, 'roles', 'notes.txt'), 'x');
    writeFileSync(join(home.dir, 'secret.md'), 'S');
    expect(await roleNames(home.dir)).toEqual(['a', 'b']);
    expect(await loadRole(home.dir, '../secret')).toMatchObject({ kind: 'missing', known: ['a', 'b'] });
  });
});

describe('json lines', () => {
  it('one line, C1 controls, line separators and bidi overrides escaped, parsing back to the same text', () => {
    const text = 'a\u009bb\u2028c\u202ed\u001be';
    const line = jsonLine({ text });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(line)).toEqual({ text });
  });
});

describe('flags', () => {
  it('--system, --system-file, --role for -p and the chat', () => {
    expect(parseArgs(['--role', 'reviewer'])).toMatchObject({ command: { kind: 'tui' }, role: 'reviewer' });
    expect(parseArgs(['-p', 'x', '--system=be brief'])).toMatchObject({ system: 'be brief' });
    expect(parseArgs(['--system-file', 'a.md'])).toMatchObject({ systemFile: 'a.md' });
  });
  it.each([[['--system', 'a', '--system-file', 'b']], [['--role', 'r', '--system', 's']], [['models', '--role', 'r']], [['--output-format', 'json']], [['-p', 'x', '--output-format', 'xml']]])(
    'rejects %j',
    (argv) => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
    },
  );
});
