// A local stand-in for a LiteLLM proxy (v1.39.5 wire format, see /work/shared/litellm/*.md),
// an Anthropic Messages API gateway, or a plain web server. node:http only, 127.0.0.1 only.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { constants as zc, deflateRawSync } from 'node:zlib';

export interface ProxyModel { name: string; underlying?: string; reply?: string; modelInfo?: Record<string, unknown> }
export type Fault =
  | 'none' | '401' | '403-json' | '403-html' | '429' | '500'
  | 'cut' // stream sends some chunks then destroys the socket mid-reply (no [DONE])
  | 'hang' // accepts the request, never sends a byte (headers never come)
  | 'hang-after-headers' // sends 200 headers + first chunk, then nothing
  | 'refuse-param' // chat: LiteLLM's 500 for a parameter the provider lacks, naming one the client never sent (a proxy that refuses more than the client can leave out)
  | 'endless' // a streamed reply that never ends (the model's reply, over and over) until the client hangs up
  | 'gzip-bomb-500' // a 500 whose gzip body is ~4 MB on the wire and 4 GiB inflated (made as it is sent)
  | 'huge-headers' // a 200 with 64 KB of response headers (past any client's limit)
  | 'portal-200' // every request, health included, gets a 200 HTML login page (a captive portal, a web server on the port)
  | 'sse-not-json'; // a chat request gets a 200 event stream whose data lines are not JSON (with an escape sequence in them)
export interface ServerOptions {
  flavor?: 'litellm' | 'anthropic' | 'plain';
  masterKey?: string;
  models?: ProxyModel[];
  chunkSize?: number;
  chunkDelayMs?: number;
  extraHeaders?: Record<string, string>;
  name?: string;
  /** The LiteLLM version in /health/readiness and the x-litellm-version header (a hostile one for tests). */
  version?: string;
  /** The text of a fault's error message, in place of the usual one (a hostile one for tests). */
  faultMessage?: string;
  /** Fixed port for trying the app by hand (scripts/dev-server.mjs); tests use the default 0. */
  port?: number;
  /**
   * LiteLLM's `litellm_settings: drop_params: true`: optional OpenAI parameters the provider behind a
   * model_name lacks are dropped silently (then no usage chunk is sent). Off by default, as in a
   * proxy set up like the seed guide's: such a parameter gets the recorded 500 (transcripts section 7).
   */
  dropParams?: boolean;
  /** Serve https with this key and certificate (PEM), as a proxy behind a private CA does. */
  tls?: { key: string; cert: string };
  /**
   * LiteLLM's spend tracking, from its documentation (not in the v1.39.5 transcripts, whose proxy has
   * no database): each streamed reply carries `x-litellm-response-cost` (USD) and the
   * OpenAI-style `x-ratelimit-remaining-requests/-tokens` headers, and adds its cost to the key's
   * spend; `GET /key/info` (Bearer key) answers `{"key": …, "info": {"spend", "max_budget",
   * "budget_reset_at", …}}`; once spend reaches max_budget a request is refused with LiteLLM's
   * documented budget error (400, `type: "budget_exceeded"`, `code: "400"`,
   * "Budget has been exceeded! Current cost: X, Max budget: Y"). Without this option /key/info is a
   * 404 and no cost header is sent, as on the recorded proxy.
   */
  spend?: { costPerReply: number; spend?: number; maxBudget?: number | null; budgetResetAt?: string | null; remainingRequests?: number; remainingTokens?: number };
  /** The 429 fault's retry-after, in seconds (7 as recorded when not given). */
  retryAfterSec?: number;
  /** How many requests a fault applies to before the server answers normally again (every one when not given). */
  faultTimes?: number;
}
export interface RecordedRequest { method: string; url: string; headers: http.IncomingHttpHeaders; body: any; /** Which TCP connection it came on (1, 2, … in the order accepted). */ connection: number }
export interface TestServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  fault: Fault;
  options: ServerOptions;
  setReply(model: string, text: string): void;
  close(): Promise<void>;
  /** TCP connections accepted so far (a client that keeps its connection alive opens one). */
  readonly connections: number;
}

type Hdrs = Record<string, string>;
const LITELLM_VERSION = '1.39.5';
const DEFAULT_REPLY = 'Hello from the proxy';
const defaultModels = (): ProxyModel[] => [
  { name: 'claude-3-5-sonnet', underlying: 'anthropic/claude-3-5-sonnet-20241022', reply: DEFAULT_REPLY },
  { name: 'claude-3-5-haiku-20241022', underlying: 'anthropic/claude-3-5-haiku-20241022', reply: 'hi' },
];
// x-litellm-model-id values recorded in the transcripts; other models get a stable hash.
const KNOWN_MODEL_IDS: Record<string, string> = {
  'claude-3-5-sonnet': '41a081a78b20e28b3a83df67b161d093abb0378175dd09166aa9ebca17e1b069',
  'claude-3-5-haiku-20241022': 'e5866e40340c99bb9b452fd043f11b27a3d4803e37abb189b052c38b2d2c723d',
};
const readiness = (version: string) => `{"status":"healthy","db":"Not connected","cache":null,"litellm_version":${JSON.stringify(version)},"success_callbacks":["<bound method SlackAlerting.response_taking_too_long_callback of <litellm.integrations.slack_alerting.SlackAlerting object at 0x7ff0126fb6d0>>","<litellm.proxy.hooks.parallel_request_limiter._PROXY_MaxParallelRequestsHandler object at 0x7ff0126fb5d0>","<litellm.proxy.hooks.max_budget_limiter._PROXY_MaxBudgetLimiter object at 0x7ff0126fb690>","<litellm.proxy.hooks.cache_control_check._PROXY_CacheControlCheck object at 0x7ff0141bec90>","<litellm._service_logger.ServiceLogging object at 0x7ff012604410>"]}`;
const NGINX_403 = '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx</center></body></html>';
const NGINX_404 = '<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>';
const PORTAL_HTML = '<!DOCTYPE html>\n<html><head><title>Wi-Fi login</title></head><body><form action="/login"><input name="user"></form></body></html>\n';
/** The data lines of 'sse-not-json': text, not JSON; the escape sequence must never reach a terminal. */
export const NOT_JSON_EVENTS = 'data: Bad gateway \x1b]0;pwned\x07 upstream said no\n\n';
const RATE_LIMIT_HEADERS: Hdrs = { 'retry-after': '7', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '7s' };

/** Python's json.dumps() defaults: `", "` / `": "` separators and ensure_ascii (non-ASCII as \uXXXX). */
export function pyJson(v: unknown): string {
  const dump = (x: unknown): string => {
    if (Array.isArray(x)) return `[${x.map(dump).join(', ')}]`;
    if (x !== null && typeof x === 'object') {
      return `{${Object.entries(x).filter(([, y]) => y !== undefined).map(([k, y]) => `${JSON.stringify(k)}: ${dump(y)}`).join(', ')}}`;
    }
    return JSON.stringify(x ?? null);
  };
  return dump(v).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python's repr() of a JSON value, as LiteLLM prints the refused parameters (`{'k': True}`). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
  return String(v);
}

/**
 * The optional OpenAI parameters LiteLLM 1.39.5 refuses for an anthropic/* model (its Anthropic
 * config supports stream, stop, temperature, top_p, max_tokens, tools, tool_choice, extra_headers).
 */
const ANTHROPIC_UNSUPPORTED = ['stream_options', 'n', 'presence_penalty', 'frequency_penalty', 'logit_bias', 'logprobs', 'top_logprobs', 'response_format', 'seed', 'parallel_tool_calls'];

/** The 500 LiteLLM answers when the provider behind a model_name lacks optional parameters (transcripts section 7). */
export function unsupportedParamsBody(params: Record<string, unknown>, providerModelName: string): string {
  const message =
    `AnthropicException - AnthropicException - anthropic does not support parameters: ${pyRepr(params)}, for model=${providerModelName}. ` +
    'To drop these, set `litellm.drop_params=True` or for proxy:\n\n`litellm_settings:\n drop_params: true`\n. ' +
    'Handle with `litellm.APIError`.. Handle with `litellm.APIError`.\nNumber Retries = 2, Max Retries=2\nCooldown Deployments=[]';
  return JSON.stringify({ error: { message, type: null, param: null, code: 500 } });
}

/** Split text into deltas of `size` characters (code points, so emoji are never cut in half). */
function chunkText(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += Math.max(1, size)) out.push(chars.slice(i, i + Math.max(1, size)).join(''));
  return out.length ? out : [''];
}

/** Node refuses C0 controls and non-Latin-1 in a header value; a hostile header keeps the rest (C1 0x9b, text). */
const headerSafe = (v: string) => v.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const alive = (res: http.ServerResponse) => !res.destroyed && !!res.socket && !res.socket.destroyed;
const providerModel = (m: ProxyModel) => (m.underlying ?? `anthropic/${m.name}`).replace(/^[^/]*\//, '');

/** A complete response with a content-length (header order as uvicorn: server, content-length, content-type, rest). */
function send(res: http.ServerResponse, status: number, body: string, type: string, head: Hdrs = {}, tail: Hdrs = {}): void {
  res.writeHead(status, { ...head, 'content-length': String(Buffer.byteLength(body)), 'content-type': type, ...tail });
  res.end(body);
}

/**
 * Write a successful response in parts, honouring the transport faults: 'cut' writes about half of the
 * parts then destroys the socket; 'hang-after-headers' writes the first part and then nothing.
 */
async function deliver(res: http.ServerResponse, status: number, headers: Hdrs, parts: (string | Buffer)[], fault: Fault, delayMs: number): Promise<void> {
  res.writeHead(status, headers);
  const stopAt = fault === 'cut' ? Math.max(1, Math.floor(parts.length / 2)) : fault === 'hang-after-headers' ? 1 : parts.length;
  for (let i = 0; i < stopAt; i++) {
    if (i > 0 && delayMs > 0) await sleep(delayMs);
    if (!alive(res)) return;
    await new Promise<void>((r) => res.write(parts[i]!, () => r()));
  }
  if (fault === 'cut') setTimeout(() => res.socket?.destroy(), 20); // let the client read what was sent first
  else if (fault !== 'hang-after-headers' && alive(res)) res.end();
}

/** Writes `next()` until the client hangs up (or next() returns undefined), waiting whenever the socket is full. */
async function pump(res: http.ServerResponse, next: () => string | Buffer | undefined): Promise<void> {
  for (;;) {
    if (!alive(res)) return;
    const part = next();
    if (part === undefined) return void res.end();
    if (!res.write(part)) {
      await new Promise<void>((r) => {
        const done = () => { res.off('drain', done); res.off('close', done); r(); };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
}

/**
 * A gzip member inflating to `blocks` MiB of zeros, made lazily: one full-flushed deflate block of
 * 1 MiB of zeros (~1 KB) repeated — blocks after a full flush do not refer back, so the copies
 * inflate correctly. 4096 blocks: ~4 MB on the wire, 4 GiB inflated. The trailer never comes
 * (a client that reads it all has already failed).
 */
function gzipBomb(mib: number): () => Buffer | undefined {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
  const sixteen = Buffer.concat(Array.from({ length: 16 }, () => block)); // 16 MiB inflated per write
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  let writes = -1;
  return () => {
    writes += 1;
    if (writes === 0) return header;
    return writes <= mib / 16 ? sixteen : undefined;
  };
}

/** A successful JSON reply through deliver(): sent in two halves so that 'cut' / 'hang-after-headers' bite mid-body. */
function deliverJson(res: http.ServerResponse, head: Hdrs, body: string, tail: Hdrs, fault: Fault): Promise<void> {
  const buf = Buffer.from(body);
  const half = Math.floor(buf.length / 2);
  const headers = { ...head, 'content-length': String(buf.length), 'content-type': 'application/json', ...tail };
  return deliver(res, 200, headers, [buf.subarray(0, half), buf.subarray(half)], fault, 0);
}

export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  const options: ServerOptions = { flavor: 'litellm', masterKey: 'sk-test-master', models: defaultModels(), chunkSize: 3, chunkDelayMs: 0, ...opts };
  const sockets = new Set<Socket>();
  const server: http.Server = opts.tls ? https.createServer(opts.tls) : http.createServer();
  let connections = 0;
  const connectionOf = new WeakMap<Socket, number>();
  server.on('connection', (s) => { sockets.add(s); connectionOf.set(s, ++connections); s.on('close', () => sockets.delete(s)); });

  const findModel = (name: unknown) => (options.models ?? []).find((m) => m.name === name);
  const modelId = (m: ProxyModel) => KNOWN_MODEL_IDS[m.name] ?? createHash('sha256').update(`${m.name}|${m.underlying ?? ''}`).digest('hex');
  const extra = (): Hdrs => ({ ...(options.name ? { 'x-test-server-name': options.name } : {}), ...options.extraHeaders });

  /** Faults in the HTTP layer, the same for every flavour. */
  function transportFault(res: http.ServerResponse, fault: Fault): boolean {
    if (fault === 'gzip-bomb-500') {
      res.writeHead(500, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      void pump(res, gzipBomb(4096));
      return true;
    }
    if (fault === 'huge-headers') {
      send(res, 200, '{}', 'application/json', {}, { 'x-filler': 'a'.repeat(64 * 1024) });
      return true;
    }
    return false;
  }

  /** 'endless': the streamed parts (all but the closing ones) over and over, until the client hangs up. */
  function endless(res: http.ServerResponse, headers: Hdrs, parts: string[], head = ''): Promise<void> {
    res.writeHead(200, headers);
    let i = 0;
    const batch = 64;
    let first = true;
    return pump(res, () => {
      let out = first ? head : '';
      first = false;
      for (let k = 0; k < batch; k++) out += parts[i++ % parts.length];
      return out;
    });
  }

  // ---------------------------------------------------------------- LiteLLM v1.39.5
  const uv = { server: 'uvicorn' };
  const lJson = (res: http.ServerResponse, status: number, body: unknown, tail: Hdrs = {}) => send(res, status, JSON.stringify(body), 'application/json', uv, tail);
  const lError = (message: unknown, type: string, code: number | string) => ({ error: { message, type, param: 'None', code } });

  function litellmFault(res: http.ServerResponse, fault: Fault, model: unknown): boolean {
    const said = (text: string) => options.faultMessage ?? text;
    switch (fault) {
      case '401': lJson(res, 401, lError(said('Authentication Error, No connected db.'), 'auth_error', 401)); return true;
      case '403-json': lJson(res, 403, lError(said(`Authentication Error, API Key not allowed to access model. This API Key can only access models=[]. Tried to access ${String(model ?? 'None')}`), 'auth_error', 403)); return true;
      case '403-html': send(res, 403, NGINX_403, 'text/html', { server: 'nginx' }); return true;
      // Newer LiteLLM sends error codes as strings; 429 and 500 do so here to keep clients honest.
      case '429': lJson(res, 429, lError(said('LiteLLM Rate Limit Error: Max parallel request limit reached.'), 'None', '429'), { ...RATE_LIMIT_HEADERS, ...(options.retryAfterSec !== undefined ? { 'retry-after': String(options.retryAfterSec) } : {}) }); return true;
      case '500': lJson(res, 500, lError(said('Internal Server Error: litellm.APIConnectionError: upstream connection failed'), 'None', '500')); return true;
      case 'refuse-param': send(res, 500, unsupportedParamsBody({ top_k: 40 }, 'claude-3-5-sonnet-20241022'), 'application/json', uv); return true;
      default: return transportFault(res, fault);
    }
  }

  /** LiteLLM's user_api_key_auth for a master-key-only proxy: Bearer required, no x-api-key. */
  function litellmAuthFails(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const h = req.headers.authorization;
    const msg = !h ? 'No api key passed in.'
      : !h.startsWith('Bearer ') ? `Malformed API Key passed in. Ensure Key has \`Bearer \` prefix. Passed in: ${h}`
        : h.slice(7).trim() !== options.masterKey ? 'No connected db.' : undefined;
    if (msg) lJson(res, 401, lError(`Authentication Error, ${msg}`, 'auth_error', 401));
    return !!msg;
  }

  async function litellm(req: http.IncomingMessage, res: http.ServerResponse, path: string, body: any, fault: Fault): Promise<void> {
    const route = /^\/v1\/(models|model\/info|chat\/completions)$/.test(path) ? path.slice(3) : path;
    const method = req.method ?? 'GET';
    if (path === '/health/liveliness' && method === 'GET') return lJson(res, 200, "I'm alive!");
    if (path === '/health/readiness' && method === 'GET') return send(res, 200, readiness(options.version ?? LITELLM_VERSION), 'application/json', uv);
    if (path === '/health' && method === 'GET') {
      if (litellmAuthFails(req, res)) return;
      const healthy = (options.models ?? []).map((m) => ({ model: m.underlying ?? `anthropic/${m.name}`, mock_response: m.reply ?? DEFAULT_REPLY, cache: { 'no-cache': true } }));
      return lJson(res, 200, { healthy_endpoints: healthy, unhealthy_endpoints: [], healthy_count: healthy.length, unhealthy_count: 0 });
    }
    if (path === '/key/info' && method === 'GET' && options.spend) {
      if (litellmAuthFails(req, res)) return;
      const sp = options.spend;
      const info = {
        key_name: 'sk-...ster', key_alias: null, spend: sp.spend ?? 0, max_budget: sp.maxBudget ?? null, budget_duration: sp.budgetResetAt ? '30d' : null,
        budget_reset_at: sp.budgetResetAt ?? null, models: [], tpm_limit: null, rpm_limit: null, user_id: 'default_user_id', team_id: null, metadata: {},
      };
      return lJson(res, 200, { key: createHash('sha256').update(options.masterKey ?? '').digest('hex'), info });
    }
    const expected = { '/models': 'GET', '/model/info': 'GET', '/chat/completions': 'POST' }[route];
    if (!expected) return lJson(res, 404, { detail: 'Not Found' });
    if (expected !== method) return lJson(res, 405, { detail: 'Method Not Allowed' });
    if (fault === 'refuse-param' && route !== '/chat/completions') fault = 'none'; // only the chat request has parameters to refuse
    if (litellmFault(res, fault, body?.model) || litellmAuthFails(req, res)) return;
    const delay = options.chunkDelayMs ?? 0;
    const models = options.models ?? [];

    if (route === '/models') {
      const data = models.map((m) => ({ id: m.name, object: 'model', created: 1677610602, owned_by: 'openai' }));
      return deliverJson(res, uv, JSON.stringify({ data, object: 'list' }), {}, fault);
    }
    if (route === '/model/info') {
      const data = models.map((m) => ({ model_name: m.name, litellm_params: { model: m.underlying ?? `anthropic/${m.name}`, mock_response: m.reply ?? DEFAULT_REPLY }, model_info: m.modelInfo ?? {} }));
      return deliverJson(res, uv, JSON.stringify({ data }), {}, fault);
    }
    const m = findModel(body?.model);
    if (!m) return lJson(res, 400, lError({ error: `chat_completion: Invalid model name passed in model=${String(body?.model ?? 'None')}` }, 'None', 400));
    // Checked before the provider is called, stream or not; a real proxy retries twice first.
    const anthropicBacked = (m.underlying ?? 'anthropic/').startsWith('anthropic/');
    const refused = anthropicBacked ? ANTHROPIC_UNSUPPORTED.filter((p) => body?.[p] !== undefined) : [];
    if (refused.length && !options.dropParams) {
      const params = Object.fromEntries(refused.map((p) => [p, body[p]]));
      return send(res, 500, unsupportedParamsBody(params, providerModel(m)), 'application/json', uv);
    }
    const sp = options.spend;
    if (sp && sp.maxBudget != null && (sp.spend ?? 0) >= sp.maxBudget) {
      return lJson(res, 400, { error: { message: `Budget has been exceeded! Current cost: ${sp.spend ?? 0}, Max budget: ${sp.maxBudget}`, type: 'budget_exceeded', param: null, code: '400' } });
    }
    const reply = m.reply ?? DEFAULT_REPLY;
    const spent: Hdrs = sp
      ? {
          'x-litellm-response-cost': String(sp.costPerReply),
          ...(sp.remainingRequests !== undefined ? { 'x-ratelimit-remaining-requests': String(sp.remainingRequests) } : {}),
          ...(sp.remainingTokens !== undefined ? { 'x-ratelimit-remaining-tokens': String(sp.remainingTokens) } : {}),
        }
      : {};
    if (sp) sp.spend = (sp.spend ?? 0) + sp.costPerReply;
    const meta = { 'x-litellm-model-id': modelId(m), 'x-litellm-version': headerSafe(options.version ?? LITELLM_VERSION), 'x-litellm-key-tpm-limit': 'None', 'x-litellm-key-rpm-limit': 'None', ...spent };
    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = { prompt_tokens: 10, completion_tokens: 20, total_tokens: 30 };
    if (body?.stream !== true) {
      const out = JSON.stringify({ id, choices: [{ finish_reason: 'stop', index: 0, message: { content: reply, role: 'assistant' } }], created, model: providerModel(m), object: 'chat.completion', system_fingerprint: null, usage, _response_ms: 0.9430000000000001 });
      return deliverJson(res, uv, out, { ...meta, ...extra() }, fault);
    }
    const chunk = (choices: unknown[], more: object = {}) => `data: ${pyJson({ id, choices, created, model: providerModel(m), object: 'chat.completion.chunk', ...more })}\n\n`;
    const deltas = chunkText(reply, options.chunkSize ?? 3);
    const parts = deltas.map((text, i) =>
      chunk([{ message: { content: 'default', role: 'assistant' }, index: 0, delta: i === 0 ? { content: text, role: 'assistant' } : { content: text } }]));
    parts.push(chunk([{ finish_reason: 'stop', index: 0, delta: {} }]));
    // With drop_params the parameter never reaches the provider: no usage chunk (as LiteLLM does).
    if (body.stream_options?.include_usage === true && !refused.includes('stream_options')) parts.push(chunk([], { usage }));
    parts.push('data: [DONE]\n\n');
    const headers = { ...uv, ...meta, 'content-type': 'text/event-stream; charset=utf-8', 'transfer-encoding': 'chunked', ...extra() };
    if (fault === 'endless') return endless(res, headers, parts.slice(0, deltas.length));
    return deliver(res, 200, headers, parts, fault, delay);
  }

  // ---------------------------------------------------------------- Anthropic Messages API gateway
  const aJson = (res: http.ServerResponse, status: number, body: unknown, tail: Hdrs = {}) =>
    send(res, status, JSON.stringify(body), 'application/json', {}, { 'request-id': `req_${randomBytes(12).toString('hex')}`, ...tail });
  const aError = (type: string, message: string) => ({ type: 'error', error: { type, message } });

  function anthropicFault(res: http.ServerResponse, fault: Fault): boolean {
    const said = (text: string) => options.faultMessage ?? text;
    switch (fault) {
      case '401': aJson(res, 401, aError('authentication_error', said('invalid x-api-key'))); return true;
      case '403-json': aJson(res, 403, aError('permission_error', said('Your API key does not have permission to use the specified resource.'))); return true;
      case '403-html': send(res, 403, NGINX_403, 'text/html', { server: 'nginx' }); return true;
      case '429': aJson(res, 429, aError('rate_limit_error', said('This request would exceed the rate limit for your organization.')), RATE_LIMIT_HEADERS); return true;
      case '500': aJson(res, 500, aError('api_error', said('Internal server error'))); return true;
      default: return transportFault(res, fault);
    }
  }

  /** Accepts `x-api-key: KEY` or `Authorization: Bearer KEY`. */
  function anthropicAuthFails(req: http.IncomingMessage, res: http.ServerResponse): boolean {
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7).trim() : undefined;
    const key = (req.headers['x-api-key'] as string | undefined) ?? bearer;
    if (key === options.masterKey) return false;
    aJson(res, 401, aError('authentication_error', key === undefined ? 'x-api-key header is required' : 'invalid x-api-key'));
    return true;
  }

  async function anthropic(req: http.IncomingMessage, res: http.ServerResponse, path: string, body: any, fault: Fault): Promise<void> {
    const route = `${req.method} ${path}`;
    if (route !== 'GET /v1/models' && route !== 'POST /v1/messages') return aJson(res, 404, aError('not_found_error', 'Not Found'));
    if (anthropicFault(res, fault) || anthropicAuthFails(req, res)) return;
    const tail = (): Hdrs => ({ 'request-id': `req_${randomBytes(12).toString('hex')}`, ...extra() });
    const models = options.models ?? [];
    if (route === 'GET /v1/models') {
      const data = models.map((m) => ({ type: 'model', id: m.name, display_name: String(m.modelInfo?.display_name ?? m.name), created_at: '2024-10-22T00:00:00Z' }));
      const out = JSON.stringify({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
      return deliverJson(res, {}, out, tail(), fault);
    }
    const m = findModel(body?.model);
    if (!m) return aJson(res, 404, aError('not_found_error', `model: ${String(body?.model)}`));
    const reply = m.reply ?? DEFAULT_REPLY;
    const deltas = chunkText(reply, options.chunkSize ?? 3);
    const usage = { input_tokens: 10, output_tokens: Math.max(1, deltas.length) };
    const message = { id: `msg_${randomBytes(12).toString('hex')}`, type: 'message', role: 'assistant', model: providerModel(m) };
    if (body?.stream !== true) {
      const out = JSON.stringify({ ...message, content: [{ type: 'text', text: reply }], stop_reason: 'end_turn', stop_sequence: null, usage });
      return deliverJson(res, {}, out, tail(), fault);
    }
    const ev = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    const parts = [
      ev('message_start', { type: 'message_start', message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } }),
      ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      'event: ping\ndata: {"type": "ping"}\n\n', // sic: Anthropic's ping uses python-style spacing
      ...deltas.map((text) => ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
      ev('content_block_stop', { type: 'content_block_stop', index: 0 }),
      ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output_tokens } }),
      ev('message_stop', { type: 'message_stop' }),
    ];
    const headers = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...tail() };
    if (fault === 'endless') {
      return endless(res, headers, parts.slice(3, -3), parts.slice(0, 3).join(''));
    }
    return deliver(res, 200, headers, parts, fault, options.chunkDelayMs ?? 0);
  }

  // ---------------------------------------------------------------- dispatch
  const ts: TestServer = {
    url: '', port: 0, requests: [], fault: 'none', options,
    get connections() { return connections; },
    setReply(model, text) {
      const m = findModel(model);
      if (m) m.reply = text;
      else (options.models ??= []).push({ name: model, reply: text }); // unknown name: the model is added
    },
    close() {
      // Destroying every socket (hanging ones included) lets server.close() finish at once.
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      });
      return closing;
    },
  };
  let closing: Promise<void> | undefined;

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try { body = raw ? JSON.parse(raw) : undefined; } catch { body = undefined; }
      ts.requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, connection: connectionOf.get(req.socket) ?? 0 });
      const fault = ts.fault;
      // faultTimes counts chat requests only (the probe and listings pass through the fault as usual).
      if (fault !== 'none' && options.faultTimes !== undefined && /chat\/completions|\/v1\/messages/.test(req.url ?? '') && --options.faultTimes <= 0) ts.fault = 'none';
      // 'hang' hangs everything, health endpoints included: a wedged process answers nothing. Every
      // other fault leaves /health/* healthy (the proxy is up; only the API calls fail).
      if (fault === 'hang') return;
      if (fault === 'portal-200') return send(res, 200, PORTAL_HTML, 'text/html; charset=utf-8', { server: 'nginx' });
      if (fault === 'sse-not-json' && req.method === 'POST') return send(res, 200, NOT_JSON_EVENTS, 'text/event-stream', extra());
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      // 'plain' is not an LLM API at all: every path is a 404 page, and only 'hang' applies.
      if (options.flavor === 'plain') return send(res, 404, NGINX_404, 'text/html', { server: 'nginx' });
      const handler = options.flavor === 'anthropic' ? anthropic : litellm;
      handler(req, res, path, body, fault).catch(() => res.socket?.destroy());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  ts.port = (server.address() as AddressInfo).port;
  ts.url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${ts.port}`;
  return ts;
}

/** A port on 127.0.0.1 where nothing listens (bound to port 0, then closed). */
export async function refusedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
