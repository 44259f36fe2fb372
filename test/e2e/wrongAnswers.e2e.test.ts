// A 200 of the wrong kind in the chat (issue 13 point 8): a captive portal's page is "not the
// proxy's API", never "reply cut off"; an event stream that is not JSON says so.
import { describe, expect, it } from 'vitest';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';

const f = eachPtyApp();
let app: PtyApp | undefined;

describe('answers of the wrong kind in the chat', () => {
  it('an event stream that is not JSON, then a 200 HTML page: each card names it, and the chat goes on', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 100, rows: 30 });
    await app.waitFor('ready');
    f.server.fault = 'sse-not-json';
    await typeLine(app, 'hello');
    // The headline whole: what the stream began with comes after these words.
    const second = await app.waitFor([/an event stream that is not JSON[\s\S]*Bad gateway/]);
    expect(second).toContain('Bad gateway');
    expect(app.titles()).toEqual([]); // the OSC 0 in the stream never reached the terminal
    f.server.fault = 'portal-200';
    await typeLine(app, 'again');
    // This card's headline whole (the card wraps it; the one above ends the same way).
    const page = /answered 200 with text\/html[^:]*: this is not the proxy's API/;
    const screen = await app.waitFor((s) => page.test(s.replace(/[│\s]+/g, ' ')));
    expect(screen.replace(/[│\s]+/g, ' ')).toMatch(page);
    expect(screen).not.toMatch(/cut off|stopped part-way/i);
    f.server.fault = 'none';
    await typeLine(app, 'third');
    await app.waitFor('Hello from the proxy');
  });
});
