// The save path end to end: edited fields → EnvDocument → atomicWrite → the file on disk.
// Byte identity: after a save, the file equals the old text with only the edited line replaced.
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIfExists } from '../../src/settings/atomicWrite.js';
import { applyEnvChanges, saveEnv } from '../../src/settings/saveEnv.js';

const posix = process.platform !== 'win32';
const modeOf = (path: string): number => fs.statSync(path).mode & 0o777;
const NEW_URL = 'http://10.0.0.7:4000';

let root: string;
let file: string;
beforeEach(() => {
  root = fs.mkdtempSync(join(tmpdir(), 'openwork-save-'));
  file = join(root, '.openwork', '.env');
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function seed(text: string): void {
  fs.mkdirSync(join(root, '.openwork'), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o600 });
}
const bytes = (): Buffer => fs.readFileSync(file);
/** Save `changes` over the file as it is now; expect it to be written. */
function save(changes: Record<string, string | undefined>): void {
  const result = saveEnv(file, changes, { base: readIfExists(file) });
  expect(result.status).toBe('saved');
}

/**
 * Each fixture holds the line that sets ANTHROPIC_BASE_URL (the one dotenv uses) and what that line
 * must become when the URL is edited: everything else has to stay byte for byte.
 */
interface Fixture {
  text: string;
  line: string;
  edited: string;
}
const FIXTURES: Record<string, Fixture> = {
  'seed guide (Chinese comments, blank lines)': {
    text: '# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=http://127.0.0.1:3000\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=sk-test-master\n\n',
    line: 'ANTHROPIC_BASE_URL=http://127.0.0.1:3000',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL}`,
  },
  'double quotes and inline comment': {
    text: '# proxy\nANTHROPIC_BASE_URL="http://127.0.0.1:3000" # the team proxy\nANTHROPIC_API_KEY=\'sk-x\'\n',
    line: 'ANTHROPIC_BASE_URL="http://127.0.0.1:3000" # the team proxy',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL} # the team proxy`,
  },
  '# inside quotes elsewhere': {
    text: 'NOTE="a # not a comment" # real comment\nANTHROPIC_BASE_URL=http://old:1\nPASS=\'p#ss\'\n',
    line: 'ANTHROPIC_BASE_URL=http://old:1',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL}`,
  },
  export: {
    text: 'export ANTHROPIC_API_KEY=sk-1\nexport  ANTHROPIC_BASE_URL = http://old:1   # keep\n',
    line: 'export  ANTHROPIC_BASE_URL = http://old:1   # keep',
    edited: `export  ANTHROPIC_BASE_URL = ${NEW_URL}   # keep`,
  },
  CRLF: {
    text: '# windows\r\nANTHROPIC_BASE_URL=http://old:1\r\n\r\nANTHROPIC_API_KEY=sk-1\r\n',
    line: 'ANTHROPIC_BASE_URL=http://old:1',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL}`,
  },
  'no trailing newline': {
    text: 'ANTHROPIC_API_KEY=sk-1\nANTHROPIC_BASE_URL=http://old:1',
    line: 'ANTHROPIC_BASE_URL=http://old:1',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL}`,
  },
  BOM: {
    text: '\uFEFF# bom\nANTHROPIC_BASE_URL=http://old:1\nX=1\n',
    line: 'ANTHROPIC_BASE_URL=http://old:1',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL}`,
  },
  'duplicate keys (the last one is used, and edited)': {
    text: 'ANTHROPIC_BASE_URL=http://first:1\n# later override\nANTHROPIC_BASE_URL=http://second:2 # wins\n',
    line: 'ANTHROPIC_BASE_URL=http://second:2 # wins',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL} # wins`,
  },
  'multi-line values around it': {
    text: 'CERT="-----BEGIN-----\nabc\n-----END-----"\nANTHROPIC_BASE_URL=http://old:1\nRAW=\'two\nlines\'\n',
    line: 'ANTHROPIC_BASE_URL=http://old:1',
    edited: `ANTHROPIC_BASE_URL=${NEW_URL}`,
  },
  'unknown keys and odd spacing': {
    text: 'MY_TOOL_SETTING=42\n  ANTHROPIC_BASE_URL=http://old:1\nYAML: style\n',
    line: '  ANTHROPIC_BASE_URL=http://old:1',
    edited: `  ANTHROPIC_BASE_URL=${NEW_URL}`,
  },
};

describe('saveEnv: only the edited line changes', () => {
  for (const [name, f] of Object.entries(FIXTURES)) {
    it(`${name}: byte-identical except the edited line`, () => {
      expect(f.text.split(f.line).length).toBe(2); // the line occurs exactly once
      seed(f.text);
      save({ ANTHROPIC_BASE_URL: NEW_URL });
      const expected = f.text.replace(f.line, f.edited);
      expect(bytes()).toEqual(Buffer.from(expected, 'utf8'));
      expect(parse(expected.replace(/^\uFEFF/, '')).ANTHROPIC_BASE_URL).toBe(NEW_URL);
    });

    it(`${name}: a new key is appended, the rest kept byte for byte`, () => {
      seed(f.text);
      save({ OPENWORK_TIMEOUT_MS: '30000' });
      const text = bytes().toString('utf8');
      expect(text.startsWith(f.text)).toBe(true);
      const eol = /\r\n/.test(f.text) ? '\r\n' : '\n';
      const added = text.slice(f.text.length);
      expect(added.replace(/^(\r\n|\n)/, '').replace(/(\r\n|\n)$/, '')).toBe('OPENWORK_TIMEOUT_MS=30000');
      if (/[\r\n]$/.test(f.text)) expect(added).toBe(`OPENWORK_TIMEOUT_MS=30000${eol}`);
      else expect(added).toBe(`${eol}OPENWORK_TIMEOUT_MS=30000`); // no trailing newline stays so
    });
  }

  it('a cleared field removes the key (every duplicate), nothing else', () => {
    const f = FIXTURES['duplicate keys (the last one is used, and edited)']!;
    seed(f.text);
    save({ ANTHROPIC_BASE_URL: '' });
    expect(bytes().toString('utf8')).toBe('# later override\n');
  });

  it('several changes at once: edit, add, remove', () => {
    seed('# c1\nANTHROPIC_BASE_URL=http://old:1\n# c2\nANTHROPIC_API_KEY=sk-old\nOPENWORK_PROXY_FORMAT=openai\n');
    save({ ANTHROPIC_BASE_URL: NEW_URL, ANTHROPIC_API_KEY: 'sk-new-0001', OPENWORK_PROXY_FORMAT: undefined, ANTHROPIC_AUTH_TOKEN: 'tok-1' });
    expect(bytes().toString('utf8')).toBe(`# c1\nANTHROPIC_BASE_URL=${NEW_URL}\n# c2\nANTHROPIC_API_KEY=sk-new-0001\nANTHROPIC_AUTH_TOKEN=tok-1\n`);
  });

  it('values that need quoting are written so dotenv reads them back', () => {
    const text = applyEnvChanges('A=1\n', { B: 'has # hash', C: "it's" });
    expect(parse(text)).toEqual({ A: '1', B: 'has # hash', C: "it's" });
  });

  it('writing what the file already says changes nothing on disk', () => {
    seed('# keep\nANTHROPIC_BASE_URL=http://old:1\n');
    const before = fs.statSync(file);
    const result = saveEnv(file, { ANTHROPIC_BASE_URL: 'http://old:1', ANTHROPIC_API_KEY: undefined }, { base: readIfExists(file) });
    expect(result.status).toBe('unchanged');
    expect(fs.statSync(file).ino).toBe(before.ino);
  });

  it('a value dotenv cannot read back is reported, and nothing is written', () => {
    const text = '# keep\nANTHROPIC_BASE_URL=http://old:1\n';
    seed(text);
    const result = saveEnv(file, { ANTHROPIC_BASE_URL: NEW_URL, WEIRD: `'"\`#` }, { base: readIfExists(file) });
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/cannot read this value back/) });
    expect(bytes().toString('utf8')).toBe(text);
  });
});

describe('saveEnv: permissions', () => {
  it.runIf(posix)('creates the folder 0700 and the file 0600 on first save', () => {
    const result = saveEnv(file, { ANTHROPIC_BASE_URL: NEW_URL }, { base: undefined });
    expect(result).toMatchObject({ status: 'saved', createdDir: true, dir: { mode: 0o700, open: false } });
    expect(modeOf(join(root, '.openwork'))).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(bytes().toString('utf8')).toBe(`ANTHROPIC_BASE_URL=${NEW_URL}\n`);
  });

  it.runIf(posix)('tightens a world-readable file to 0600 and reports an open folder', () => {
    seed('ANTHROPIC_API_KEY=sk-1\n');
    fs.chmodSync(file, 0o644);
    fs.chmodSync(join(root, '.openwork'), 0o755);
    const result = saveEnv(file, { ANTHROPIC_API_KEY: 'sk-2' }, { base: readIfExists(file) });
    expect(result).toMatchObject({ status: 'saved', createdDir: false, dir: { mode: 0o755, open: true } });
    expect(modeOf(file)).toBe(0o600);
  });
});

describe('saveEnv: the file changed on disk since it was read', () => {
  it('returns conflict and writes nothing', () => {
    seed('# mine\nANTHROPIC_BASE_URL=http://old:1\n');
    const base = readIfExists(file);
    fs.writeFileSync(file, '# someone else\nANTHROPIC_BASE_URL=http://theirs:2\nOTHER=1\n');
    const result = saveEnv(file, { ANTHROPIC_BASE_URL: NEW_URL }, { base });
    expect(result.status).toBe('conflict');
    if (result.status === 'conflict') expect(result.current?.text).toContain('theirs');
    expect(bytes().toString('utf8')).toBe('# someone else\nANTHROPIC_BASE_URL=http://theirs:2\nOTHER=1\n');
  });

  it('a file created since (there was none) is a conflict too', () => {
    const result = saveEnv(file, { ANTHROPIC_BASE_URL: NEW_URL }, { base: undefined });
    expect(result.status).toBe('saved');
    fs.rmSync(file);
    const again = saveEnv(file, { ANTHROPIC_BASE_URL: 'http://x:1' }, { base: undefined });
    expect(again.status).toBe('saved');
    seed('A=1\n');
    expect(saveEnv(file, { ANTHROPIC_BASE_URL: 'http://y:1' }, { base: undefined }).status).toBe('conflict');
  });

  it('with force, the edits are applied to the file as it is now: their other lines are kept', () => {
    seed('# mine\nANTHROPIC_BASE_URL=http://old:1\n');
    const base = readIfExists(file);
    fs.writeFileSync(file, '# someone else\nANTHROPIC_BASE_URL=http://theirs:2\nOTHER=1\n');
    const result = saveEnv(file, { ANTHROPIC_BASE_URL: NEW_URL }, { base, force: true });
    expect(result.status).toBe('saved');
    expect(bytes().toString('utf8')).toBe(`# someone else\nANTHROPIC_BASE_URL=${NEW_URL}\nOTHER=1\n`);
  });

  it('the saved snapshot is the next base: a second save does not conflict with itself', () => {
    seed('ANTHROPIC_BASE_URL=http://old:1\n');
    const first = saveEnv(file, { ANTHROPIC_BASE_URL: NEW_URL }, { base: readIfExists(file) });
    if (first.status !== 'saved') throw new Error(first.status);
    const second = saveEnv(file, { ANTHROPIC_API_KEY: 'sk-9' }, { base: first.snapshot });
    expect(second.status).toBe('saved');
  });
});

describe('saveEnv: interrupted mid-save', () => {
  it('a crash after the temp file is written leaves the old file whole and no temp file', () => {
    const text = '# keep me\nANTHROPIC_BASE_URL=http://old:1\n';
    seed(text);
    const result = saveEnv(file, { ANTHROPIC_BASE_URL: NEW_URL }, {
      base: readIfExists(file),
      beforeRename: (temp) => {
        expect(fs.readFileSync(temp, 'utf8')).toBe(`# keep me\nANTHROPIC_BASE_URL=${NEW_URL}\n`);
        throw new Error('SIGINT');
      },
    });
    expect(result).toMatchObject({ status: 'error', message: 'cannot save: SIGINT' });
    expect(bytes().toString('utf8')).toBe(text);
    expect(fs.readdirSync(join(root, '.openwork'))).toEqual(['.env']);
  });
});
