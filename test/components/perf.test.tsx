// Structural performance checks: a keystroke must not re-render the transcript, and streamed tokens
// are coalesced instead of re-rendering once per token. renderMarkdown(Parts) is spied to count renders.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { keys } from '../helpers/keys.js';
import { fakeRuntime, reply, type Step } from '../helpers/fakeRuntime.js';
import { renderApp, waitFor } from './harness.js';
import { loadMarkdown } from '../../src/render/lazyMarkdown.js';

const markdown = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/render/markdown.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/markdown.js')>();
  return {
    ...real,
    renderMarkdown: (...args: Parameters<typeof real.renderMarkdown>) => {
      markdown.calls++;
      return real.renderMarkdown(...args);
    },
    // What the transcript and the live reply draw with (code blocks set apart).
    renderMarkdownParts: (...args: Parameters<typeof real.renderMarkdownParts>) => {
      markdown.calls++;
      return real.renderMarkdownParts(...args);
    },
  };
});

afterEach(() => cleanup());

describe('performance', () => {
  it('typing does not re-render a long transcript', async () => {
    const runtime = fakeRuntime();
    runtime.fallback = reply('A *markdown* reply.\n\nWith two paragraphs.');
    const app = await renderApp({}, runtime);
    await loadMarkdown(); // what the first reply waits for (through the spy below)
    for (let i = 0; i < 25; i++) {
      await app.press(`message ${i}`, keys.enter);
      // This turn's reply is in the transcript and the app is idle again ("ready ·" alone is already
      // on the previous turn's screen).
      await waitFor(() => {
        const f = app.frame();
        return runtime.calls[i]?.ended && f.split('With two paragraphs.').length - 1 === i + 1 && !f.includes('streaming') && f.includes('ready ·');
      }, () => `reply ${i} in the transcript, the app idle; frame:\n${app.frame()}`);
    }
    await app.see('message 24');
    expect(markdown.calls).toBeGreaterThan(0); // the spy sees the app's renders (the renderer is loaded lazily, through it)
    markdown.calls = 0;
    for (const ch of 'typing a new message, 你好') await app.press(ch);
    await app.press(keys.left, keys.backspace, keys.home, keys.end);
    await app.see('typing a new message');
    expect(markdown.calls).toBe(0);
  });

  it('coalesces a burst of tokens into a few renders', async () => {
    const runtime = fakeRuntime();
    const steps: Step[] = Array.from({ length: 300 }, (_, i) => ({ type: 'text', text: `w${i} ` }));
    runtime.script([...steps, { type: 'done', stopReason: 'end' }]);
    const app = await renderApp({}, runtime);
    markdown.calls = 0;
    await app.press('go', keys.enter);
    await app.see('w299');
    expect(markdown.calls).toBeGreaterThan(0);
    expect(markdown.calls).toBeLessThan(20);
  });
});
