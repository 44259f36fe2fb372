// Anthropic direct (no ANTHROPIC_BASE_URL): the status bar knows the key before any message, from the
// /v1/models call the chat makes after its first frame — "key ?" while it is out, "key refused ✗" on a
// 401, "key ✓" once accepted (issue 13 point 5). A real RuntimeService and the real SDK against a local
// server speaking Anthropic's API (helpers/anthropicDirect.ts: never off loopback).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { RuntimeService } from '../../src/runtime/service.js';
import { createFileLogger } from '../../src/runtime/logger.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { anthropicAt } from '../helpers/anthropicDirect.js';
import type { FakeRuntime } from '../helpers/fakeRuntime.js';
import { renderApp, waitFor } from './harness.js';

let home: TempHome;
let server: TestServer;
let runtime: RuntimeService | undefined;
beforeEach(async () => {
  home = tempHome();
  server = await startServer({ flavor: 'anthropic' });
});
afterEach(async () => {
  cleanup();
  runtime?.close();
  runtime = undefined;
  await server.close();
  home.cleanup();
});

function app(key: string) {
  home.writeEnv(`ANTHROPIC_API_KEY=${key}\n`);
  runtime = new RuntimeService({ envPath: home.envPath, env: {}, logger: createFileLogger(home.logFile), watch: false, fetch: anthropicAt(server.url) });
  return renderApp({}, runtime as unknown as FakeRuntime);
}
const sent = () => server.requests.map((q) => `${q.method} ${q.url}`);

describe('Anthropic direct: the key in the status bar before any message', () => {
  it("a refused key shows 'key refused ✗' with nothing sent but the listing", async () => {
    const a = await app('sk-ant-wrong-12345');
    const frame = await a.see('key refused ✗');
    expect(frame).not.toContain('key ✓');
    expect(sent()).toEqual(['GET /v1/models?limit=100']);
  });

  it("'key ?' while the check is out (not ✓), 'key ✓' once Anthropic accepted it", async () => {
    server.fault = 'hang'; // the check gets no answer until the server is back
    const a = await app('sk-test-master');
    await waitFor(() => sent().length === 1, 'the key check to reach the server');
    const waiting = await a.see('key ?');
    expect(waiting).not.toContain('key ✓');
    server.fault = 'none';
    // A settings save (the same key, another setting): the new connection's key is checked again.
    home.writeEnv('ANTHROPIC_API_KEY=sk-test-master\nOPENWORK_TIMEOUT_MS=30000\n');
    await runtime!.reload();
    await a.see('key ✓');
    expect(sent().filter((u) => u.startsWith('GET /v1/models'))).toHaveLength(2);
    expect(sent().filter((u) => u.startsWith('POST'))).toEqual([]);
  });
});
