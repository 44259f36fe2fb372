// Answers of the wrong kind (issue 13 point 8), as -p and `config set` show them, against the local
// server: a 200 HTML page (a captive portal), an event stream that is not JSON, and a timeout that
// Node cannot keep.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eachHomeAndServer } from './helpers/home.js';
import { runCli } from './helpers/cli.js';

const KEY = 'sk-test-master';
const f = eachHomeAndServer();
const seedEnv = (url: string, extra = '') => `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=${KEY}\n${extra}`;
const run = (args: string[]) => runCli(args, { home: f.home.dir });

describe('a 200 that is not the proxy', () => {
  for (const format of ['', 'OPENWORK_PROXY_FORMAT=openai\n', 'OPENWORK_PROXY_FORMAT=anthropic\n']) {
    it(`an HTML page (a captive portal) is "not the proxy's API", exit 4, not "reply cut off" (${format.trim() || 'auto'})`, async () => {
      f.home.writeEnv(seedEnv(f.server.url, format));
      f.server.fault = 'portal-200';
      const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`127.0.0.1:${f.server.port} answered 200 with text/html; charset=utf-8: this is not the proxy's API.`);
      expect(r.stderr).toContain('Wi-Fi login');
      expect(r.stderr).not.toMatch(/cut off|stopped part-way/i);
      expect(r.code).toBe(4);
    });
  }

  for (const flavor of ['litellm', 'anthropic'] as const) it(`an event stream that is not JSON says so, with its first bytes cleaned, exit 4 (${flavor})`, async () => {
    f.home.writeEnv(seedEnv(f.server.url, flavor === 'anthropic' ? 'OPENWORK_PROXY_FORMAT=anthropic\n' : ''));
    f.server.fault = 'sse-not-json';
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet']);
    expect(r.stderr).toContain('sent an event stream that is not JSON (it began: "Bad gateway');
    expect(r.stderr).toContain('upstream said no');
    expect(r.stderr).not.toContain('\x1b');
    expect(r.stderr).not.toMatch(/cut off/i);
    expect(r.code).toBe(4);
  });
});

describe('OPENWORK_TIMEOUT_MS', () => {
  it('above 2147483647 or not a number: refused by config set (nothing written)', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    for (const value of ['2147483648', '99999999999', 'abc', '0']) {
      const r = await run(['config', 'set', 'OPENWORK_TIMEOUT_MS', value]);
      expect(r.code, value).not.toBe(0);
      expect(r.stderr).toContain('OPENWORK_TIMEOUT_MS must be a whole number of milliseconds from 1 to 2147483647');
    }
    expect(readFileSync(f.home.envPath, 'utf8')).not.toContain('OPENWORK_TIMEOUT_MS');
    expect((await run(['config', 'set', 'OPENWORK_TIMEOUT_MS', '2147483647'])).code).toBe(0);
  });

  it('-p reports one in the file, and the request runs with the default instead of failing at once', async () => {
    f.home.writeEnv(seedEnv(f.server.url, 'OPENWORK_TIMEOUT_MS=99999999999\n'));
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-haiku-20241022']);
    expect(r.stderr).toBe('warning: .env line 3: OPENWORK_TIMEOUT_MS must be a whole number of milliseconds from 1 to 2147483647 (got "99999999999"); using 60000\n');
    expect([r.code, r.stdout]).toEqual([0, 'hi\n']);
  });
});

describe('network settings it cannot use', () => {
  it('-p says each before sending, as config list does, and the request runs with the defaults', async () => {
    f.home.writeEnv(seedEnv(f.server.url, 'OPENWORK_CONNECT_TIMEOUT_MS=abc\nOPENWORK_PRECONNECT=maybe\n'));
    const said = [
      'warning: OPENWORK_CONNECT_TIMEOUT_MS: not a whole number of milliseconds from 1 to 2147483647 ("abc"); using 10000\n',
      'warning: OPENWORK_PRECONNECT: on or off ("maybe"); left to the address (only off this machine)\n',
    ].join('');
    const r = await run(['-p', 'hello', '--model', 'claude-3-5-haiku-20241022']);
    expect(r.stderr).toBe(said);
    expect([r.code, r.stdout]).toEqual([0, 'hi\n']);
    const list = await run(['config', 'list']);
    expect(list.stderr).toBe(said);
    expect(list.code).toBe(0);
  });
});
