// A 200 of the wrong kind in the chat (issue 13 point 8): a captive portal's page is "not the
// proxy's API", never "reply cut off"; an event stream that is not JSON says so.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { startApp, typeLine, type PtyApp } from '../helpers/pty.js';

let home: TempHome;
let server: TestServer;
let app: PtyApp | undefined;

beforeEach(async () => {
  home = tempHome();
  server = await startServer();
  home.writeEnv(`ANTHROPIC_BASE_URL=${server.url}\nANTHROPIC_API_KEY=sk-test-master\n`);
});
afterEach(async () => {
  app?.kill();
  app = undefined;
  await server.close();
  home.cleanup();
});

describe('answers of the wrong kind in the chat', () => {
  it('an event stream that is not JSON, then a 200 HTML page: each card names it, and the chat goes on', async () => {
    app = startApp(['--model', 'claude-3-5-sonnet'], { home: home.dir, cols: 100, rows: 30 });
    await app.waitFor('ready');
    server.fault = 'sse-not-json';
    await typeLine(app, 'hello');
    const second = await app.waitFor('an event stream that is not JSON');
    expect(second).toContain('Bad gateway');
    expect(app.titles()).toEqual([]); // the OSC 0 in the stream never reached the terminal
    server.fault = 'portal-200';
    await typeLine(app, 'again');
    const screen = await app.waitFor('answered 200 with text/html');
    expect(screen.replace(/[│\s]+/g, ' ')).toContain("this is not the proxy's API");
    expect(screen).not.toMatch(/cut off|stopped part-way/i);
    server.fault = 'none';
    await typeLine(app, 'third');
    await app.waitFor('Hello from the proxy');
  });
});
