import { describe, expect, it } from 'vitest';
import { configFromText } from '../../src/runtime/loadConfig.js';
import { resolveConfig } from '../../src/runtime/config.js';
import { normalizeBaseUrl } from '../../src/config/values.js';
import { whereLabel } from '../../src/i18n/connection.js';
import type { Connection } from '../../src/runtime/types.js';

const resolve = (text: string | undefined, env: NodeJS.ProcessEnv = {}) => configFromText('/x/.env', text, env);

describe('config resolution', () => {
  it('reads .env once, with the same values dotenv reads (quotes, export, duplicates, comments, CRLF, a BOM)', () => {
    const texts = [
      '\uFEFFANTHROPIC_BASE_URL=http://127.0.0.1:4000\r\nANTHROPIC_API_KEY="sk-a#b"  # the key\r\n',
      'export ANTHROPIC_AUTH_TOKEN=\'tok 1\'\nANTHROPIC_AUTH_TOKEN=tok-2\nOPENWORK_TIMEOUT_MS= 5000 \n',
      'OPENWORK_HEADERS="x-a: 1\\nx-b: 2"\nANTHROPIC_BASE_URL=`http://h:1`\nbroken line\nOPENAI_API_KEY=k # c\nHTTPS_PROXY=http://p:3128\n',
    ];
    for (const text of texts) {
      const once = configFromText('/x/.env', text, {});
      const viaDotenv = resolveConfig({ envPath: '/x/.env', text, env: {} }); // dotenv's own parse
      expect(once.values).toEqual(viaDotenv.values);
      expect(once.network).toEqual(viaDotenv.network);
      expect(Object.keys(once.values).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('reads the seed guide file: base URL and API key', () => {
    const c = resolve('# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=http://127.0.0.1:3000\n\n# key\nANTHROPIC_API_KEY=sk-abc123456\n');
    expect(c.baseUrl).toBe('http://127.0.0.1:3000');
    expect(c.credential).toBe('sk-abc123456');
    expect(c.credentialVar).toBe('ANTHROPIC_API_KEY');
    expect(c.sources.ANTHROPIC_API_KEY).toBe('file');
    expect(c.problems).toEqual([]);
  });

  it('the file wins over the environment; the environment fills what the file lacks', () => {
    const c = resolve('ANTHROPIC_BASE_URL=http://127.0.0.1:4000\n', { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9', ANTHROPIC_API_KEY: 'sk-from-env-1234' });
    expect(c.baseUrl).toBe('http://127.0.0.1:4000');
    expect(c.sources.ANTHROPIC_BASE_URL).toBe('file');
    expect(c.credential).toBe('sk-from-env-1234');
    expect(c.sources.ANTHROPIC_API_KEY).toBe('env');
  });

  it('ANTHROPIC_AUTH_TOKEN wins over ANTHROPIC_API_KEY', () => {
    const c = resolve('ANTHROPIC_API_KEY=sk-key-11112222\nANTHROPIC_AUTH_TOKEN=tok-33334444\n');
    expect(c.credential).toBe('tok-33334444');
    expect(c.credentialVar).toBe('ANTHROPIC_AUTH_TOKEN');
    expect(c.hasApiKey).toBe(true);
    expect(c.hasAuthToken).toBe(true);
  });

  it('handles BOM, CRLF, quotes, export and inline comments', () => {
    const text =
      '\uFEFFexport ANTHROPIC_BASE_URL="http://127.0.0.1:3000/v1/"\r\n' +
      "ANTHROPIC_API_KEY='sk-quoted-5678' # the key\r\n" +
      'OPENWORK_TIMEOUT_MS=1500\r\n';
    const c = resolve(text);
    expect(c.baseUrl).toBe('http://127.0.0.1:3000');
    expect(c.credential).toBe('sk-quoted-5678');
    expect(c.timeoutMs).toBe(1500);
    expect(c.problems).toEqual([]);
  });

  it('reports malformed lines and bad values with line numbers, and keeps what it can', () => {
    const text = 'ANTHROPIC_API_KEY=sk-ok-12345678\nthis is not valid\nOPENWORK_TIMEOUT_MS=soon\nANTHROPIC_BASE_URL=ftp://x\n';
    const c = resolve(text);
    expect(c.credential).toBe('sk-ok-12345678');
    expect(c.timeoutMs).toBe(60_000);
    expect(c.baseUrl).toBeUndefined();
    const lines = c.problems.map((p) => p.line).sort();
    expect(lines).toEqual([2, 3, 4]);
    expect(c.problems.find((p) => p.line === 3)?.message).toMatch(/OPENWORK_TIMEOUT_MS/);
    expect(c.problems.find((p) => p.line === 4)?.message).toMatch(/http/);
  });

  it('api.anthropic.com or no base URL means direct', () => {
    expect(resolve('ANTHROPIC_BASE_URL=https://api.anthropic.com\n').baseUrl).toBeUndefined();
    expect(resolve(undefined).baseUrl).toBeUndefined();
    expect(resolve(undefined).fileExists).toBe(false);
  });

  it('proxy format override and invalid format', () => {
    expect(resolve('OPENWORK_PROXY_FORMAT=Anthropic\n').proxyFormat).toBe('anthropic');
    const bad = resolve('OPENWORK_PROXY_FORMAT=grpc\n');
    expect(bad.proxyFormat).toBe('auto');
    expect(bad.problems[0]).toMatchObject({ line: 1, key: 'OPENWORK_PROXY_FORMAT' });
  });

  it('never writes into process.env', () => {
    const before = { ...process.env };
    resolve('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\nANTHROPIC_API_KEY=sk-zzz-99998888\nOTHER=1\n');
    expect(process.env).toEqual(before);
  });

  it('the snapshot is immutable', () => {
    const c = resolve('ANTHROPIC_API_KEY=sk-1234567890\n');
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.values)).toBe(true);
  });
});

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000', undefined],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000', undefined],
    ['http://127.0.0.1:3000/v1', 'http://127.0.0.1:3000', /v1/],
    ['https://proxy.example/litellm/v1/', 'https://proxy.example/litellm', /v1/],
    ['  "http://host:8080"  ', 'http://host:8080', undefined],
  ])('%s → %s', (input, url, note) => {
    const r = normalizeBaseUrl(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.url).toBe(url);
      if (note) expect(r.note).toMatch(note);
    }
  });
  it.each(['127.0.0.1:3000', 'ftp://host', 'not a url', 'http://host:3000/?x=1'])('rejects %s', (input) => {
    expect(normalizeBaseUrl(input).ok).toBe(false);
  });
});

describe('a proxy address that is there but unusable', () => {
  it('is marked, with its line, instead of turning into Anthropic direct', () => {
    const bad = resolve('ANTHROPIC_BASE_URL=htp://127.0.0.1:3000\nANTHROPIC_API_KEY=sk-proxy-key\n');
    expect(bad.baseUrl).toBeUndefined();
    expect(bad.unusableBaseUrl).toMatchObject({ line: 1, key: 'ANTHROPIC_BASE_URL' });
    const noEquals = resolve('ANTHROPIC_API_KEY=sk-proxy-key\nANTHROPIC_BASE_URL http://127.0.0.1:3000\n');
    expect(noEquals.unusableBaseUrl).toMatchObject({ line: 2, key: 'ANTHROPIC_BASE_URL' });
    // dotenv wants a space after ":", and skips a line without "=" whatever follows the value
    expect(resolve('ANTHROPIC_BASE_URL:http://127.0.0.1:3000\n').unusableBaseUrl).toMatchObject({ line: 1, key: 'ANTHROPIC_BASE_URL' });
    expect(resolve('ANTHROPIC_BASE_URL http://127.0.0.1:3000  # my proxy\n').unusableBaseUrl).toMatchObject({ line: 1, key: 'ANTHROPIC_BASE_URL' });
    const fromEnv = resolve('ANTHROPIC_API_KEY=sk-proxy-key\n', { ANTHROPIC_BASE_URL: 'localhost:3000' });
    expect(fromEnv.unusableBaseUrl).toMatchObject({ key: 'ANTHROPIC_BASE_URL' });
  });

  it('is named as such where the app says what it talks to, never "Anthropic direct"', () => {
    const direct: Connection = { mode: 'anthropic', baseUrl: undefined, host: undefined, unreachable: false, via: 'direct' };
    expect(whereLabel({ config: resolve('ANTHROPIC_BASE_URL=htp://x\n'), connection: direct })).toBe('proxy address unusable (.env)');
    expect(whereLabel({ config: resolve('ANTHROPIC_API_KEY=sk-x\n'), connection: direct })).toBe('Anthropic direct');
  });

  it('is not marked when the address is usable, Anthropic itself, or absent', () => {
    expect(resolve('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\n').unusableBaseUrl).toBeUndefined();
    expect(resolve('ANTHROPIC_BASE_URL=https://api.anthropic.com\n').unusableBaseUrl).toBeUndefined();
    expect(resolve('ANTHROPIC_API_KEY=sk-x\n').unusableBaseUrl).toBeUndefined();
    // a broken line and a good one later: the good one is used
    expect(resolve('ANTHROPIC_BASE_URL http://a\nANTHROPIC_BASE_URL=http://127.0.0.1:3000\n').unusableBaseUrl).toBeUndefined();
  });
});
