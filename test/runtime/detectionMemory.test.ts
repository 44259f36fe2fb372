// What detection learned per address, kept in $OPENWORK_HOME/detected.json: a warm run sends one
// request (the chat), a wrong memory is found by the chat's own answer and probed again.
// Real servers that record every request (test/helpers/llmServer.ts), the real SDKs, a real file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import { afterStart, REVALIDATE_MS } from '../../src/runtime/detectionMemory.js';
import { detectionFile } from '../../src/settings/detectedFile.js';
import type { ChatEvent } from '../../src/runtime/types.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';

const KEY = 'sk-test-master';
let home: TempHome;
let servers: TestServer[] = [];
let runtimes: RuntimeService[] = [];

beforeEach(() => {
  home = tempHome();
});
afterEach(async () => {
  for (const r of runtimes) r.close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  runtimes = [];
  home.cleanup();
});

async function server(opts: Parameters<typeof startServer>[0] = {}) {
  const s = await startServer(opts);
  servers.push(s);
  return s;
}

/** A new runtime, as a new run of the program makes one (same home, so the same memory file). */
function run() {
  const logger = createFileLogger(home.logFile, { debug: false });
  // The probe's answer is this file's subject: room for it on a loaded machine (the app's limit is 1 s).
  const r = new RuntimeService({ envPath: home.envPath, env: {}, logger, detectionMemory: detectionFile(home.dir), probeLimitMs: 30_000 });
  runtimes.push(r);
  return r;
}

async function reply(r: RuntimeService, model = 'claude-3-5-sonnet'): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const ev of r.chat({ model, messages: [{ role: 'user', content: 'hello' }] })) out.push(ev);
  return out;
}
const textOf = (evs: ChatEvent[]) => evs.map((e) => (e.type === 'text' ? e.text : '')).join('');
const paths = (s: TestServer) => s.requests.map((q) => `${q.method} ${q.url}`);
const memoryFile = () => join(home.dir, 'detected.json');
const memory = () => JSON.parse(readFileSync(memoryFile(), 'utf8')) as Record<string, { kind: string; version?: string; at: number }>;

describe('detection memory', () => {
  it('the first run probes and keeps the kind, version and time (no key); a warm run sends exactly one request', async () => {
    const s = await server({ version: '1.39.5', dropParams: true });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    expect(textOf(await reply(run()))).toBe('Hello from the proxy');
    expect(paths(s)).toEqual(['GET /health/liveliness', 'POST /v1/chat/completions']);
    const kept = memory()[s.url]!;
    expect(kept).toMatchObject({ kind: 'litellm', version: '1.39.5' });
    expect(Math.abs(kept.at - Date.now())).toBeLessThan(60_000);
    expect(readFileSync(memoryFile(), 'utf8')).not.toContain(KEY);
    expect(statSync(memoryFile()).mode & 0o777).toBe(0o600);

    s.requests.length = 0;
    const warm = run();
    const evs = await reply(warm);
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(paths(s)).toEqual(['POST /v1/chat/completions']);
    expect(warm.getState().connection).toMatchObject({ mode: 'litellm', proxyVersion: '1.39.5' });
  });

  it('a remembered kind the server is not (a 404 on the chat path): probe, remember the right one, send again — once', async () => {
    const s = await server({ dropParams: true });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    writeFileSync(memoryFile(), JSON.stringify({ [s.url]: { kind: 'gateway', at: Date.now() } }));
    const r = run();
    const evs = await reply(r);
    expect(textOf(evs)).toBe('Hello from the proxy');
    expect(evs.some((e) => e.type === 'error')).toBe(false);
    expect(paths(s)).toEqual(['POST /v1/messages', 'GET /health/liveliness', 'POST /v1/chat/completions']);
    expect(memory()[s.url]).toMatchObject({ kind: 'litellm' });
    expect(r.getState().connection.mode).toBe('litellm');
    // And the next run trusts the corrected memory.
    s.requests.length = 0;
    await reply(run());
    expect(paths(s)).toEqual(['POST /v1/chat/completions']);
  });

  it('a gateway remembered as LiteLLM: the same, the other way round', async () => {
    const s = await server({ flavor: 'anthropic' });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    writeFileSync(memoryFile(), JSON.stringify({ [s.url]: { kind: 'litellm', version: '1.39.5', at: Date.now() } }));
    const evs = await reply(run());
    expect(evs.some((e) => e.type === 'error')).toBe(false);
    expect(paths(s)).toEqual(['POST /v1/chat/completions', 'GET /health/liveliness', 'POST /v1/messages']);
    expect(memory()[s.url]).toMatchObject({ kind: 'gateway' });
  });

  it('a new LiteLLM version is read off the reply itself: remembered, no probe', async () => {
    const s = await server({ version: '1.50.0', dropParams: true });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    writeFileSync(memoryFile(), JSON.stringify({ [s.url]: { kind: 'litellm', version: '1.39.5', at: Date.now() } }));
    await reply(run());
    expect(paths(s)).toEqual(['POST /v1/chat/completions']);
    expect(memory()[s.url]).toMatchObject({ kind: 'litellm', version: '1.50.0' });
  });

  it('an unreadable or foreign memory file only means a probe', async () => {
    const s = await server({ dropParams: true });
    home.writeEnv(`ANTHROPIC_BASE_URL=${s.url}\nANTHROPIC_API_KEY=${KEY}\n`);
    writeFileSync(memoryFile(), `{"${s.url}": {"kind": "nonsense", "at": 1}`);
    expect(textOf(await reply(run()))).toBe('Hello from the proxy');
    expect(paths(s)).toEqual(['GET /health/liveliness', 'POST /v1/chat/completions']);
    expect(memory()[s.url]).toMatchObject({ kind: 'litellm' });
  });

  it('what to do after a reply started on a remembered answer', () => {
    const now = Date.now();
    const known = { kind: 'litellm', version: '1.39.5', at: now };
    expect(afterStart(known, '1.39.5', true, now)).toBe('keep');
    expect(afterStart(known, '1.40.0', true, now)).toBe('update');
    expect(afterStart(known, undefined, true, now)).toBe('probe');
    expect(afterStart({ ...known, at: now - REVALIDATE_MS - 1 }, '1.39.5', true, now)).toBe('update');
    expect(afterStart({ kind: 'gateway', at: now }, undefined, false, now)).toBe('keep');
    expect(afterStart({ kind: 'gateway', at: now - REVALIDATE_MS - 1 }, undefined, false, now)).toBe('probe');
  });
});
