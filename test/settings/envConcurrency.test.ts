// .env saves that race other saves and other writers: no update is ever lost. Real processes,
// real files: two `config set` at once (the built CLI in two processes), a program appending lines
// while the app saves, a save killed before its rename.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { parse } from 'dotenv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readIfExists } from '../../src/settings/atomicWrite.js';
import { saveEnv } from '../../src/settings/saveEnv.js';
import { tempHome, waitUntil, type TempHome } from '../helpers/home.js';

let home: TempHome;
const children: ChildProcess[] = [];
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  home.cleanup();
});

/** A process that runs the CLI's main for each argv it is sent (test/helpers/configSetter.mjs). */
async function setter(): Promise<(argv: string[]) => Promise<number>> {
  const child = fork(new URL('../helpers/configSetter.mjs', import.meta.url), [], {
    env: { PATH: process.env.PATH, OPENWORK_HOME: home.dir, HOME: home.dir },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const next = (): Promise<{ code?: number; ready?: boolean }> =>
    new Promise((ok, fail) => {
      child.once('message', ok);
      child.once('exit', (code) => fail(new Error(`the setter exited (${code}): ${stderr}`)));
    });
  await next();
  return async (argv) => {
    const reply = next();
    child.send(argv);
    const { code } = await reply;
    if (code !== 0) throw new Error(`config ${argv.join(' ')} exited ${code}: ${stderr}`);
    return code;
  };
}

describe('two `config set` at once, on different keys', () => {
  it('50 rounds: both exit 0 and both values are in the file every round', { timeout: 180_000 }, async () => {
    home.writeEnv('# mine\nANTHROPIC_BASE_URL=http://127.0.0.1:4000\n');
    const [a, b] = await Promise.all([setter(), setter()]);
    for (let round = 0; round < 50; round++) {
      const timeout = String(10_000 + round);
      const url = `http://10.0.0.${round + 1}:4000`;
      await Promise.all([a(['config', 'set', 'OPENWORK_TIMEOUT_MS', timeout]), b(['config', 'set', 'OPENAI_BASE_URL', url])]);
      const values = parse(fs.readFileSync(home.envPath));
      expect(values, `round ${round}`).toMatchObject({ OPENWORK_TIMEOUT_MS: timeout, OPENAI_BASE_URL: url, ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000' });
    }
    expect(fs.readFileSync(home.envPath, 'utf8').startsWith('# mine\n')).toBe(true);
    expect(fs.readdirSync(home.dir).filter((n) => n.includes('.env'))).toEqual(['.env']); // no lock or temp left
  });
});

describe('a program appending to .env while the app saves', () => {
  it('a line every 10 ms during 50 saves: every line and every save is in the file', { timeout: 120_000 }, async () => {
    home.writeEnv('ANTHROPIC_BASE_URL=http://127.0.0.1:4000\n');
    // Its own process, as an editor or a script would be: appends `APPENDED_<n>=x` every 10 ms.
    const script = `const fs=require('fs');let n=0;const t=setInterval(()=>{fs.appendFileSync(process.argv[1],'APPENDED_'+(n++)+'=x\\n')},10);process.on('message',()=>{clearInterval(t);process.send(n)});process.send('go')`;
    const appender = spawn(process.execPath, ['-e', script, home.envPath], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    children.push(appender);
    await new Promise((ok) => appender.once('message', ok));
    const appended = (): number => (fs.readFileSync(home.envPath, 'utf8').match(/^APPENDED_/gm) ?? []).length;
    for (let i = 0; i < 50; i++) {
      const before = appended();
      const result = saveEnv(home.envPath, { OPENWORK_TIMEOUT_MS: String(20_000 + i) }, { base: undefined, force: true });
      expect(result.status, `save ${i}`).toBe('saved');
      // Each save overlaps the appender's work: wait for its next line before the next save.
      await waitUntil(() => appended() > before, 10_000, 'the next appended line');
    }
    const total = await new Promise<number>((ok) => {
      appender.once('message', (n) => ok(n as number));
      appender.send('stop');
    });
    const text = fs.readFileSync(home.envPath, 'utf8');
    const lines = text.split('\n');
    for (let n = 0; n < total; n++) expect(lines, `APPENDED_${n}`).toContain(`APPENDED_${n}=x`);
    expect(parse(text).OPENWORK_TIMEOUT_MS).toBe('20049');
    expect(total).toBeGreaterThanOrEqual(50);
  });
});

describe('odd files', () => {
  it('a temp file left by a save killed before its rename is removed by the next save', () => {
    home.writeEnv('ANTHROPIC_API_KEY=sk-old\n');
    const stale = join(home.dir, '..env.999999.0123456789ab.tmp');
    fs.writeFileSync(stale, 'ANTHROPIC_API_KEY=sk-half-saved-secret\n', { mode: 0o600 });
    expect(saveEnv(home.envPath, { ANTHROPIC_API_KEY: 'sk-new' }, { base: readIfExists(home.envPath) }).status).toBe('saved');
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.readdirSync(home.dir).filter((n) => n.includes('.env'))).toEqual(['.env']);
  });

  it('lines the save does not touch keep their bytes when they are not UTF-8 (Latin-1)', () => {
    const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
    fs.writeFileSync(home.envPath, Buffer.concat([latin1('# Caf\xe9 du coin\nANTHROPIC_BASE_URL=http://old:1\nNAME=Jos\xe9\n')]));
    const result = saveEnv(home.envPath, { ANTHROPIC_BASE_URL: 'http://new:2', OPENAI_BASE_URL: 'http://ü.example:3' }, { base: readIfExists(home.envPath) });
    expect(result.status).toBe('saved');
    const expected = Buffer.concat([latin1('# Caf\xe9 du coin\nANTHROPIC_BASE_URL=http://new:2\nNAME=Jos\xe9\nOPENAI_BASE_URL='), Buffer.from('http://ü.example:3', 'utf8'), latin1('\n')]);
    expect(fs.readFileSync(home.envPath).equals(expected)).toBe(true);
  });

  it('a read-only .env is not replaced: the save says so and changes nothing', () => {
    home.writeEnv('ANTHROPIC_BASE_URL=http://old:1\n');
    fs.chmodSync(home.envPath, 0o400);
    const inode = fs.statSync(home.envPath).ino;
    const result = saveEnv(home.envPath, { ANTHROPIC_BASE_URL: 'http://new:2' }, { base: readIfExists(home.envPath) });
    expect(result).toMatchObject({ status: 'error' });
    if (result.status === 'error') expect(result.message).toBe(`${home.envPath} is read-only, so nothing was changed: make it writable (chmod u+w ${home.envPath}) or edit it yourself`);
    const st = fs.statSync(home.envPath);
    expect([st.ino, st.mode & 0o777, fs.readFileSync(home.envPath, 'utf8')]).toEqual([inode, 0o400, 'ANTHROPIC_BASE_URL=http://old:1\n']);
    expect(fs.readdirSync(home.dir).filter((n) => n.includes('.env'))).toEqual(['.env']);
  });

  it('a symlinked .env: the save writes through the link, which stays a link', () => {
    const dotfiles = join(home.dir, 'dotfiles');
    fs.mkdirSync(dotfiles);
    fs.writeFileSync(join(dotfiles, 'openwork.env'), '# managed\nANTHROPIC_BASE_URL=http://old:1\n');
    fs.symlinkSync(join(dotfiles, 'openwork.env'), home.envPath);
    expect(saveEnv(home.envPath, { ANTHROPIC_BASE_URL: 'http://new:2' }, { base: readIfExists(home.envPath) }).status).toBe('saved');
    expect(fs.lstatSync(home.envPath).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(join(dotfiles, 'openwork.env'), 'utf8')).toBe('# managed\nANTHROPIC_BASE_URL=http://new:2\n');
  });

  it('a dangling link is reported, not replaced by a file', () => {
    const missing = join(home.dir, 'dotfiles', 'gone.env');
    fs.symlinkSync(missing, home.envPath);
    const result = saveEnv(home.envPath, { ANTHROPIC_BASE_URL: 'http://new:2' }, { base: undefined });
    expect(result).toMatchObject({ status: 'error', message: `${home.envPath} is a link to ${missing}, which does not exist: create ${missing} or remove the link` });
    expect(fs.lstatSync(home.envPath).isSymbolicLink()).toBe(true);
  });

  it('.env that is a folder: the message names the path and what to do', () => {
    fs.mkdirSync(home.envPath);
    const result = saveEnv(home.envPath, { ANTHROPIC_BASE_URL: 'http://new:2' }, { base: undefined });
    expect(result).toMatchObject({ status: 'error', message: `${home.envPath} is a folder, not a file: move it away so the settings can be saved in a file of that name` });
  });

  it('a stale lock (a save that died holding it) does not block the next save', () => {
    home.writeEnv('ANTHROPIC_BASE_URL=http://old:1\n');
    fs.mkdirSync(`${home.envPath}.lock`);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${home.envPath}.lock`, old, old);
    expect(saveEnv(home.envPath, { ANTHROPIC_BASE_URL: 'http://new:2' }, { base: readIfExists(home.envPath) }).status).toBe('saved');
    expect(fs.existsSync(`${home.envPath}.lock`)).toBe(false);
  });
});
