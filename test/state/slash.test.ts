import { describe, expect, it } from 'vitest';
import { completeSlash, parseSlash, slashMatches } from '../../src/state/slash.js';

describe('slash commands', () => {
  it('matches by prefix while the command word is typed', () => {
    expect(slashMatches('/').map((c) => c.name)).toEqual(['model', 'settings', 'doctor', 'debug', 'clear', 'help', 'quit']);
    expect(slashMatches('/h').map((c) => c.name)).toEqual(['help']);
    expect(slashMatches('/ex').map((c) => c.name)).toEqual(['quit']);
    expect(slashMatches('/model x')).toEqual([]);
    expect(slashMatches('hello')).toEqual([]);
  });

  it('completes with Tab', () => {
    expect(completeSlash('/he')).toBe('/help');
    expect(completeSlash('/mo')).toBe('/model ');
    expect(completeSlash('/')).toBe('/model ');
    expect(completeSlash('/zz')).toBeUndefined();
    expect(completeSlash('hi')).toBeUndefined();
  });

  it('parses commands, arguments, aliases and unique prefixes', () => {
    expect(parseSlash('/model claude-3-5-haiku')).toMatchObject({ kind: 'command', command: { name: 'model' }, arg: 'claude-3-5-haiku' });
    expect(parseSlash('/exit')).toMatchObject({ kind: 'command', command: { name: 'quit' } });
    expect(parseSlash('/cl')).toMatchObject({ kind: 'command', command: { name: 'clear' } });
    expect(parseSlash('/nope')).toEqual({ kind: 'unknown', name: 'nope' });
    expect(parseSlash('hello /help')).toBeUndefined();
    expect(parseSlash('//not a command')).toBeUndefined();
    expect(parseSlash('/')).toBeUndefined();
  });
});
