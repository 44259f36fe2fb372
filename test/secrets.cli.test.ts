// Issue 14, secrets: a user:password inside ANTHROPIC_BASE_URL is refused with a clear message and
// never shown in clear (config, doctor, -p, the log); a key a server echoes back encoded
// (percent-encoding, a JSON escape, base64 in a Basic credential) is scrubbed like the plain form.
// The built CLI against the local test server, on a throwaway $OPENWORK_HOME.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eachHomeAndServer } from './helpers/home.js';
import { runCli } from './helpers/cli.js';

const KEY = 'sk-test-master';
const PASSWORD = 'hunter2-Pa55word';
const f = eachHomeAndServer();
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { home: f.home.dir, env, timeoutMs: 30_000 });
const withCredentials = () => f.server.url.replace('http://', `http://alice:${PASSWORD}@`);
const log = () => {
  try {
    return readFileSync(f.home.logFile, 'utf8');
  } catch {
    return '';
  }
};

describe('credentials inside ANTHROPIC_BASE_URL', () => {
  it('config list and get mask the password; --reveal shows it', async () => {
    f.home.writeEnv(`ANTHROPIC_BASE_URL=${withCredentials()}\nANTHROPIC_API_KEY=${KEY}\n`);
    const list = await run(['config', 'list']);
    expect(list.stdout).toContain(`http://alice:•••@127.0.0.1:${f.server.port}`);
    expect(list.stdout + list.stderr).not.toContain(PASSWORD);
    const get = await run(['config', 'get', 'ANTHROPIC_BASE_URL']);
    expect(get.stdout.trim()).toBe(`http://alice:•••@127.0.0.1:${f.server.port}`);
    expect((await run(['config', 'get', 'ANTHROPIC_BASE_URL', '--reveal'])).stdout).toContain(PASSWORD);
  });

  it('config set refuses the address (exit 2, nothing written) and does not echo the password', async () => {
    f.home.writeEnv(`ANTHROPIC_API_KEY=${KEY}\n`);
    const r = await run(['config', 'set', 'ANTHROPIC_BASE_URL', withCredentials()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds a user name and password, which would not be sent/);
    expect(r.stderr).toContain('remove the "user:…@" part');
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    expect(readFileSync(f.home.envPath, 'utf8')).toBe(`ANTHROPIC_API_KEY=${KEY}\n`);
  });

  it('-p and doctor refuse it with the reason, send nothing to the server, and never show or log the password', async () => {
    f.home.writeEnv(`ANTHROPIC_BASE_URL=${withCredentials()}\nANTHROPIC_API_KEY=${KEY}\n`);
    const p = await run(['-p', 'hi', '--model', 'claude-3-5-sonnet', '--debug']);
    expect(p.code).not.toBe(0);
    expect(p.stderr).toMatch(/holds a user name and password/);
    const doctor = await run(['doctor', '--debug']);
    expect(doctor.code).not.toBe(0);
    expect(doctor.stdout).toMatch(/holds a user name and password/);
    expect(doctor.stdout).toContain('alice:•••@');
    for (const out of [p.stdout, p.stderr, doctor.stdout, doctor.stderr, log()]) {
      expect(out).not.toContain(PASSWORD);
      expect(out).not.toContain(encodeURIComponent(PASSWORD));
    }
    // Neither went elsewhere (Anthropic direct) nor to the proxy without the credentials the user meant.
    expect(f.server.requests).toEqual([]);
  });
});

describe('a key echoed back encoded', () => {
  const pct = (s: string) => [...Buffer.from(s)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  const echoes = [
    ['dashes percent-encoded', KEY.replace(/-/g, '%2D')],
    ['lowercase percent-encoding', KEY.replace(/-/g, '%2d')],
    ['every byte percent-encoded', pct(KEY)],
    ['a JSON \\u escape', KEY.replace(/-/g, '\\u002d')],
    ['base64 of a Basic credential', Buffer.from(`user:${KEY}`).toString('base64')],
  ] as const;

  it('-p: the error shown and the log carry none of the echoed forms', async () => {
    f.home.writeEnv(`ANTHROPIC_BASE_URL=${f.server.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    f.server.fault = '401';
    f.server.options.faultMessage = `Authentication Error, bad key. ${echoes.map(([what, form]) => `${what}: ${form}`).join('; ')}`;
    const r = await run(['-p', 'hi', '--model', 'claude-3-5-sonnet', '--debug=body']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('dashes percent-encoded:');
    expect(log()).toContain('dashes percent-encoded:');
    for (const [, form] of echoes) {
      expect(r.stderr).not.toContain(form);
      expect(log()).not.toContain(form);
    }
    expect(r.stderr).toContain('sk-…ster');
  });
});
