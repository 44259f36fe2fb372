import { describe, expect, it } from 'vitest';
import { INITIAL_PROMPT, promptReducer, type PromptAction, type PromptState } from '../../src/state/promptState.js';
import { promptIntents } from '../../src/state/promptKeys.js';
import { keyWith } from '../helpers/keys.js';

const run = (s: PromptState, ...actions: PromptAction[]) => actions.reduce(promptReducer, s);
const typed = (s: PromptState, text: string) => run(s, ...[...text].map((c): PromptAction => ({ type: 'insert', text: c })));
const seeded = run(INITIAL_PROMPT, { type: 'seedHistory', entries: ['deploy the api', 'fix the build', 'deploy the docs', 'lunch?'] });

describe('prompts from earlier runs', () => {
  it('Up walks back through them, after those of this run', () => {
    let s = run(seeded, { type: 'insert', text: 'this run' }, { type: 'submit' });
    s = run(s, { type: 'up' });
    expect(s.buffer.text).toBe('this run');
    s = run(s, { type: 'up' });
    expect(s.buffer.text).toBe('lunch?');
  });

  it('seeding while nothing is typed keeps the prompt empty and not browsing', () => {
    expect(seeded.buffer.text).toBe('');
    expect(seeded.history.index).toBe(4);
  });
});

describe('Ctrl+R reverse search', () => {
  it('finds the newest prompt containing what is typed; Ctrl+R again goes further back', () => {
    let s = run(seeded, { type: 'reverseSearch' });
    s = typed(s, 'depl');
    expect(s.buffer.text).toBe('deploy the docs');
    expect(s.search).toMatchObject({ query: 'depl', match: 2 });
    s = run(s, { type: 'reverseSearch' });
    expect(s.buffer.text).toBe('deploy the api');
    s = run(s, { type: 'reverseSearch' }); // nothing older: stays
    expect(s.buffer.text).toBe('deploy the api');
  });

  it('no match: the prompt keeps its last match, the search says it fails', () => {
    let s = typed(run(seeded, { type: 'reverseSearch' }), 'fix');
    expect(s.buffer.text).toBe('fix the build');
    s = typed(s, 'zz');
    expect(s.search?.match).toBeUndefined();
    expect(s.buffer.text).toBe('fix the build');
    s = run(s, { type: 'backspace' }, { type: 'backspace' });
    expect(s.search).toMatchObject({ query: 'fix', match: 1 });
  });

  it('Ctrl+G or Esc gives up and brings back what was typed before', () => {
    const before = typed(seeded, 'half-written');
    for (const stop of ['cancelSearch', 'escape'] as const) {
      const s = run(typed(run(before, { type: 'reverseSearch' }), 'lunch'), { type: stop });
      expect(s.buffer.text).toBe('half-written');
      expect(s.search).toBeUndefined();
    }
  });

  it('Enter takes the match into the prompt; another key takes it and then does what it does', () => {
    const found = typed(run(seeded, { type: 'reverseSearch' }), 'build');
    const taken = run(found, { type: 'acceptSearch' });
    expect(taken.search).toBeUndefined();
    expect(taken.buffer.text).toBe('fix the build');
    const moved = run(found, { type: 'home' }, { type: 'insert', text: '> ' });
    expect(moved.search).toBeUndefined();
    expect(moved.buffer.text).toBe('> fix the build');
  });

  it('keys: Ctrl+R searches, Ctrl+G cancels, a lone Esc can end a search', () => {
    expect(promptIntents('r', keyWith({ ctrl: true }), '\x12')).toEqual([{ type: 'reverseSearch' }]);
    // Ctrl+G is the external editor's key; while a search runs the prompt turns it into cancelSearch.
    expect(promptIntents('g', keyWith({ ctrl: true }), '\x07')).toEqual([{ type: 'editor' }]);
    expect(promptIntents('', keyWith({ escape: true }), '\x1b')).toEqual([{ type: 'escape' }]);
  });
});
