import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { keys } from '../helpers/keys.js';
import { failure, fakeRuntime, reply } from '../helpers/fakeRuntime.js';
import { MODEL, renderApp, waitFor } from './harness.js';

afterEach(() => cleanup());

describe('App chat', () => {
  it('sends the prompt and streams the reply labelled with the model', async () => {
    const runtime = fakeRuntime();
    runtime.script(reply('Hello there, friend.'));
    const app = await renderApp({}, runtime);
    await app.press('hello', keys.enter);
    const frame = await app.see('Hello there, friend.');
    expect(frame).toContain(`● ${MODEL}`);
    expect(frame).toContain('› hello');
    expect(runtime.requests[0]).toEqual({ model: MODEL, messages: [{ role: 'user', content: 'hello' }] });
  });
});
