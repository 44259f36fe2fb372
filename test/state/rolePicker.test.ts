import { describe, expect, it } from 'vitest';
import { INITIAL_ROLE_PICKER, matchingRoles, rolePickerReducer, visibleRoles } from '../../src/state/rolePicker.js';

const roles = [
  { name: 'reviewer', about: 'reviews code', model: 'claude-3-5-haiku-20241022' },
  { name: 'terse', about: 'Answer in one line.' },
  { name: 'translator', about: 'into French' },
];

describe('role picker', () => {
  it('typing filters by name or description; the cursor stays on the matches', () => {
    let s = rolePickerReducer(INITIAL_ROLE_PICKER, { type: 'roles', roles });
    expect(matchingRoles(s).map((r) => r.name)).toEqual(['reviewer', 'terse', 'translator']);
    s = rolePickerReducer(s, { type: 'move', to: 'end' });
    expect(s.cursor).toBe(2);
    s = rolePickerReducer(s, { type: 'type', text: 'T' });
    expect(matchingRoles(s).map((r) => r.name)).toEqual(['terse', 'translator']);
    expect(s.cursor).toBe(0);
    s = rolePickerReducer(s, { type: 'setQuery', query: 'FRENCH' });
    expect(matchingRoles(s).map((r) => r.name)).toEqual(['translator']);
    s = rolePickerReducer(s, { type: 'move', to: 'down' });
    expect(s.cursor).toBe(0);
    s = rolePickerReducer(s, { type: 'setQuery', query: '' });
    expect(matchingRoles(s)).toHaveLength(3);
  });

  it('a long list scrolls to keep the cursor in view', () => {
    expect(visibleRoles(0, 10, 4)).toEqual({ start: 0, end: 4 });
    expect(visibleRoles(9, 10, 4)).toEqual({ start: 6, end: 10 });
    expect(visibleRoles(5, 10, 4)).toEqual({ start: 3, end: 7 });
  });
});
