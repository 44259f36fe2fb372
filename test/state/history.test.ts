import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, historyDown, historyUp, pushHistory } from '../../src/state/history.js';

describe('prompt history', () => {
  const h = ['one', 'two', 'three'].reduce(pushHistory, EMPTY_HISTORY);

  it('walks back and forth and returns to the draft', () => {
    const a = historyUp(h, 'draft');
    expect(a?.text).toBe('three');
    const b = historyUp(a!.history, 'three');
    expect(b?.text).toBe('two');
    const c = historyDown(b!.history);
    expect(c?.text).toBe('three');
    const d = historyDown(c!.history);
    expect(d?.text).toBe('draft');
    expect(historyDown(d!.history)).toBeUndefined();
  });

  it('stops at the oldest entry', () => {
    let step = historyUp(h, '');
    step = historyUp(step!.history, '');
    step = historyUp(step!.history, '');
    expect(step?.text).toBe('one');
    expect(historyUp(step!.history, '')).toBeUndefined();
  });

  it('skips blanks and immediate repeats', () => {
    const x = pushHistory(pushHistory(pushHistory(EMPTY_HISTORY, 'a'), 'a'), '  ');
    expect(x.entries).toEqual(['a']);
  });

  it('is empty at first', () => {
    expect(historyUp(EMPTY_HISTORY, 'x')).toBeUndefined();
  });
});
