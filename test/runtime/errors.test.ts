// classifyError is pure: a table of failures (shaped as the SDKs and Node raise them) → kind, message, hint.
import { describe, expect, it } from 'vitest';
import { classifyError as classifyFact, exitCodeFor, EXIT, modelNotServed as notServedFact } from '../../src/runtime/errors.js';
import { worded } from '../helpers/worded.js';
import { maskSecret, maskUrlCredentials, scrubSecrets, shownSetting, urlCredentials } from '../../src/config/secrets.js';
import { nearestModels } from '../../src/runtime/nearest.js';
import { messagesFor } from '../../src/i18n/index.js';

const zhMessages = messagesFor('zh-CN');
// The runtime's fact, worded as the chat and the commands word it.
const classifyError = (...a: Parameters<typeof classifyFact>) => worded(classifyFact(...a));
const modelNotServed = (...a: Parameters<typeof notServedFact>) => worded(notServedFact(...a));

const KEY = 'sk-secret-value-a1b2';
const ctx = { url: 'http://127.0.0.1:3000', credential: KEY, credentialVar: 'ANTHROPIC_API_KEY', model: 'claude-3-5-sonnet-20241022' };
const headers = (h: Record<string, string>) => new Headers(h);
const net = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

const table: [string, unknown, string, RegExp, RegExp][] = [
  ['401', { status: 401, error: { message: 'Authentication Error, No connected db.', type: 'auth_error' }, headers: headers({}) }, 'auth', /refused the key.*sk-…a1b2.*ANTHROPIC_API_KEY/, /Check ANTHROPIC_API_KEY/],
  ['403 JSON', { status: 403, error: { message: 'not allowed' }, headers: headers({ 'content-type': 'application/json' }) }, 'auth', /refused the key \(403/, /ANTHROPIC_API_KEY/],
  ['403 HTML', { status: 403, message: '403 <html><body>403 Forbidden</body></html>', headers: headers({ 'content-type': 'text/html', server: 'nginx' }) }, 'blocked', /web page \(403, server: nginx\)/, /in front of the proxy/],
  ['400 invalid model (object message)', { status: 400, error: { message: { error: 'chat_completion: Invalid model name passed in model=claude-3-5-sonnet-20241022' }, type: 'None', code: 400 }, headers: headers({}) }, 'model', /not a model_name/, /Pick/],
  ['404 Anthropic not_found model', { status: 404, error: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-3-5-sonnet-20241022' } }, headers: headers({}) }, 'model', /not supported/, /Pick/],
  ['429', { status: 429, error: { message: 'rate' }, headers: headers({ 'retry-after': '7' }) }, 'rate_limit', /try again in 7 s/, /Wait/],
  ['500', { status: 500, error: { message: 'boom' }, headers: headers({}) }, 'server', /failed with 500: boom/, /retry/],
  ['ECONNREFUSED', net('ECONNREFUSED'), 'unreachable', /Cannot reach http:\/\/127\.0\.0\.1:3000 \(connection refused/, /proxy is running/],
  ['ENOTFOUND', net('ENOTFOUND'), 'unreachable', /host name not found/, /host name in ANTHROPIC_BASE_URL.*VPN.*IP address/],
  ['EAI_AGAIN (DNS did not answer)', net('EAI_AGAIN'), 'unreachable', /host name not found/, /company DNS/],
  ['ETIMEDOUT', net('ETIMEDOUT'), 'timeout', /timed out/, /proxy is running/],
  ['SDK timeout', Object.assign(new Error('Request timed out.'), { kind: 'timeout' }), 'timeout', /No answer/, /OPENWORK_TIMEOUT_MS/],
  ['TLS to plain HTTP', net('ERR_SSL_WRONG_VERSION_NUMBER'), 'tls', /plain HTTP/, /http:\/\//],
  ['bad certificate', net('SELF_SIGNED_CERT_IN_CHAIN'), 'tls', /certificate/, /NODE_EXTRA_CA_CERTS/],
  ['http:// to a TLS port', net('ERR_HTTP_TO_TLS_PORT'), 'tls', /speaks HTTPS \(TLS\), but the address starts with http:\/\//, /Use https:\/\/ instead of http:\/\//],
  ['something else', new Error('weird'), 'unknown', /weird/, /doctor/],
];

const LITELLM_PARAMS_500 = {
  status: 500,
  headers: headers({ 'content-type': 'application/json' }),
  error: {
    message:
      "AnthropicException - AnthropicException - anthropic does not support parameters: {'stream_options': {'include_usage': True}}, for model=claude-3-5-sonnet-20241022. To drop these, set `litellm.drop_params=True` or for proxy:\n\n`litellm_settings:\n drop_params: true`\n. Handle with `litellm.APIError`.. Handle with `litellm.APIError`.\nNumber Retries = 2, Max Retries=2\nCooldown Deployments=[]",
    type: null,
    param: null,
    code: 500,
  },
};

describe("a proxy's own message", () => {
  it('is kept whole (its fix and its last line), with its line breaks, and a refused parameter gets a drop_params hint, not "retry"', () => {
    const e = classifyError(LITELLM_PARAMS_500, { ...ctx, mode: 'litellm' })!;
    expect(e.kind).toBe('server');
    expect(e.detail).toBe(
      "AnthropicException - AnthropicException - anthropic does not support parameters: {'stream_options': {'include_usage': True}}, for model=claude-3-5-sonnet-20241022. To drop these, set `litellm.drop_params=True` or for proxy:\n`litellm_settings:\n drop_params: true`\n. Handle with `litellm.APIError`.. Handle with `litellm.APIError`.\nNumber Retries = 2, Max Retries=2\nCooldown Deployments=[]",
    );
    expect(e.message).toBe('127.0.0.1:3000 failed with 500.'); // the long text is said once, as the server's
    expect(e.hint).toContain('stream_options');
    expect(e.hint).toContain('`litellm_settings: drop_params: true`');
    expect(e.hint).not.toMatch(/\bretry,/i);
    expect(e.say!(zhMessages).hint).toContain('drop_params: true');
  });

  it('an OpenAI-style 400 for an unknown argument names it; a message with no parameter in it keeps the usual hint', () => {
    const e = classifyError({ status: 400, error: { message: 'Unrecognized request argument supplied: top_k' }, headers: headers({}) }, { ...ctx, mode: 'openai' })!;
    expect(e.kind).toBe('bad_request');
    expect(e.hint).toBe('The server does not support the parameter top_k. Retrying will not help.');
    expect(classifyError({ status: 500, error: { message: 'boom' }, headers: headers({}) }, ctx)!.hint).toMatch(/retry/);
  });

  it('is capped only far beyond any real message, and scrubbed of secrets', () => {
    const long = `${'x'.repeat(5000)} ${KEY}`;
    const e = classifyError({ status: 502, error: { message: `bad gateway ${KEY} ${long}` }, headers: headers({}) }, ctx)!;
    expect(e.detail!.length).toBe(4000);
    expect(JSON.stringify(e)).not.toContain(KEY);
  });
});

describe('classifyError', () => {
  it.each(table)('%s', (_name, err, kind, message, hint) => {
    const e = classifyError(err, ctx)!;
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
    expect(e.hint).toMatch(hint);
    expect(JSON.stringify(e)).not.toContain(KEY);
    expect(e.message).not.toMatch(/\n\s+at /); // never a stack
  });

  it('auth failures carry the masked key and the variable it came from', () => {
    const e = classifyError({ status: 401, error: {}, headers: headers({}) }, ctx)!;
    expect(e.maskedKey).toBe('sk-…a1b2');
    expect(e.keyVar).toBe('ANTHROPIC_API_KEY');
  });

  it('model failures list the served names nearest first', () => {
    const e = classifyError(
      { status: 400, error: { message: { error: 'Invalid model name passed in model=claude-3-5-sonnet-20241022' } }, headers: headers({}) },
      { ...ctx, servedModels: ['gpt-4o', 'claude-3-5-haiku-20241022', 'claude-3-5-sonnet'] },
    )!;
    expect(e.servedModels).toEqual(['claude-3-5-sonnet', 'claude-3-5-haiku-20241022', 'gpt-4o']);
    expect(e.message).toContain('It serves: claude-3-5-sonnet, claude-3-5-haiku-20241022, gpt-4o');
  });

  it('a model missing from the served list reads the same as the proxy refusing it', () => {
    const served = ['gpt-4o', 'claude-3-5-haiku-20241022', 'claude-3-5-sonnet'];
    const refused = classifyError({ status: 400, error: { message: { error: 'Invalid model name passed in model=claude-3-5-sonnet-20241022' } }, headers: headers({}) }, { ...ctx, servedModels: served })!;
    const listed = modelNotServed({ ...ctx, servedModels: served });
    expect(listed.message).toBe(refused.message);
    expect(listed.hint).toBe(refused.hint);
    expect(listed.servedModels).toEqual(['claude-3-5-sonnet', 'claude-3-5-haiku-20241022', 'gpt-4o']);
    expect(listed.hint).toContain('--model claude-3-5-sonnet');
  });

  it('a user abort is not an error', () => {
    expect(classifyError(Object.assign(new Error('aborted'), { name: 'AbortError' }), ctx)).toBeUndefined();
    expect(classifyError(Object.assign(new Error('x'), { kind: 'abort' }), ctx)).toBeUndefined();
  });

  it('scrubs a key echoed back by the server', () => {
    const e = classifyError(
      { status: 401, error: { message: `Authentication Error, Malformed API Key passed in. Ensure Key has \`Bearer \` prefix. Passed in: ${KEY}` }, headers: headers({}) },
      ctx,
    )!;
    expect(e.detail).toContain('Passed in: sk-…a1b2');
    expect(JSON.stringify(e)).not.toContain(KEY);
  });

  it('maps kinds to the documented exit codes', () => {
    expect(exitCodeFor('auth')).toBe(EXIT.auth);
    expect(exitCodeFor('unreachable')).toBe(EXIT.network);
    expect(exitCodeFor('timeout')).toBe(EXIT.network);
    expect(exitCodeFor('blocked')).toBe(EXIT.network);
    expect(exitCodeFor('model')).toBe(EXIT.model);
    expect(exitCodeFor('server')).toBe(EXIT.other);
    expect(new Set(Object.values(EXIT)).size).toBe(Object.values(EXIT).length);
  });
});

describe('secrets', () => {
  it('masks keys to a prefix and the last four characters', () => {
    expect(maskSecret('sk-test-master')).toBe('sk-…ster');
    expect(maskSecret('short')).not.toContain('short');
    expect(maskSecret(undefined)).toBe('(none)');
  });
  it('scrubs known secrets and anything after Bearer', () => {
    const out = scrubSecrets(`key ${KEY} and Authorization: Bearer abcdefghijklmnop`, [KEY]);
    expect(out).not.toContain(KEY);
    expect(out).not.toContain('abcdefghijklmnop');
  });
  it('scrubs a key echoed percent-encoded (in part or whole, any case), JSON-escaped or inside base64', () => {
    const pct = [...Buffer.from(KEY)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const forms = [KEY.replace(/-/g, '%2D'), KEY.replace(/-/g, '%2d'), pct, pct.toUpperCase(), KEY.replace(/-/g, '\\u002D'), Buffer.from(`me:${KEY}`).toString('base64')];
    const out = scrubSecrets(`echo: ${forms.join(' | ')} end`, [KEY]);
    for (const f of forms) expect(out).not.toContain(f);
    expect(out).toMatch(/^echo: sk-…a1b2 \| sk-…a1b2 \| sk-…a1b2 \| sk-…a1b2 \| sk-…a1b2 \| ••• end$/);
    // Ordinary text (and base64 of something else) is left as it is.
    const plain = `authentication_error ${Buffer.from('nothing secret here').toString('base64')}`;
    expect(scrubSecrets(plain, [KEY])).toBe(plain);
  });
  it('masks credentials inside any URL, the password too when it holds @ or is percent-encoded', () => {
    expect(maskUrlCredentials('to http://alice:pa@ss%24@host:4000/v1 and https://tok@x.org/')).toBe('to http://alice:•••@host:4000/v1 and https://•••@x.org/');
    expect(maskUrlCredentials('http://127.0.0.1:3000/v1 mailto:a@b.c')).toBe('http://127.0.0.1:3000/v1 mailto:a@b.c');
    expect(urlCredentials('http://alice:pa%24s@host')).toEqual(['pa%24s', 'pa$s']);
    expect(scrubSecrets('Request cannot be constructed from a URL that includes credentials: http://alice:pa%24s@host/v1/models', [])).not.toContain('pa%24s');
    expect(shownSetting('ANTHROPIC_BASE_URL', 'http://a:b@h')).toBe('http://a:•••@h');
    expect(shownSetting('ANTHROPIC_API_KEY', KEY)).toBe('sk-…a1b2');
    expect(shownSetting('ANTHROPIC_API_KEY', KEY, true)).toBe(KEY);
  });
});

describe('nearestModels', () => {
  it('puts the same model without its date first', () => {
    expect(nearestModels('claude-3-5-sonnet-20241022', ['claude-3-5-haiku-20241022', 'claude-3-5-sonnet'])[0]).toBe('claude-3-5-sonnet');
    expect(nearestModels('claude-3-5-haiku', ['claude-3-5-sonnet', 'claude-3-5-haiku-20241022'])[0]).toBe('claude-3-5-haiku-20241022');
  });
});

it('a port fetch refuses before connecting (6000, on the Fetch standard\'s blocked list): named as the reason, in both languages', async () => {
  const err: unknown = await fetch('http://127.0.0.1:6000/v1/models').then(
    () => undefined,
    (e: unknown) => e,
  );
  const e = classifyError(err, { url: 'http://127.0.0.1:6000' })!;
  expect(e.kind).toBe('unreachable');
  expect(e.message).toBe("127.0.0.1:6000: Node never connects to this port (it is on the web's list of blocked ports, as 6000 and 6665–6669 are), so nothing was sent.");
  expect(e.hint).toContain('change the port in ANTHROPIC_BASE_URL');
  expect(worded(classifyFact(err, { url: "http://127.0.0.1:6000" }), zhMessages)?.message).toContain('Node 从不连接这个端口');
  // Any other refusal keeps its own words.
  expect(classifyError(net('ECONNREFUSED'), ctx)!.message).not.toContain('never connects');
});

