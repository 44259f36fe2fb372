// The Markdown renderer loads after the chat's first frame (src/render/lazyMarkdown.ts).
import { describe, expect, it, vi } from 'vitest';

describe('the lazily loaded Markdown renderer', () => {
  it('is an error to use before it has loaded, and renders once it has', async () => {
    vi.resetModules(); // a fresh copy: test/setup.ts loaded the shared one
    const lazy = await import('../../src/render/lazyMarkdown.js');
    expect(() => lazy.markdown()).toThrow(/before loadMarkdown/);
    const first = lazy.loadMarkdown();
    expect(lazy.loadMarkdown()).toBe(first); // one load
    await first;
    expect(lazy.markdown().renderMarkdown('**bold**', { width: 40, color: false })).toBe('bold');
    expect(lazy.markdown().splitCommittable('one\n\ntwo')).toEqual({ done: 'one\n\n', rest: 'two' });
  });
});
