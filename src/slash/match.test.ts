import { describe, expect, it } from 'vitest';
import { completeSlash, parseSlash, slashMatches } from './match.js';
import { defineCommand, type SlashCommand } from './types.js';

// A registry of its own, so these tests check the matching rules, not today's list of commands.
const cmd = (name: string, extra: Partial<SlashCommand> = {}): SlashCommand =>
  defineCommand({ name, description: () => name, run: () => undefined, ...extra });
const list = [
  cmd('model', { args: () => '[name]', complete: () => ['claude-sonnet-4-5', 'claude-sonnet-4', 'gpt-4o'] }),
  cmd('settings'),
  cmd('help'),
  cmd('clear'),
  cmd('quit', { aliases: ['exit'] }),
];

describe('slash commands as typed', () => {
  it('matches by prefix (and alias) while the command word is typed', () => {
    expect(slashMatches('/', list).map((c) => c.name)).toEqual(['model', 'settings', 'help', 'clear', 'quit']);
    expect(slashMatches('/h', list).map((c) => c.name)).toEqual(['help']);
    expect(slashMatches('/ex', list).map((c) => c.name)).toEqual(['quit']);
    expect(slashMatches('/model x', list)).toEqual([]);
    expect(slashMatches('hello', list)).toEqual([]);
  });

  it('completes the command with Tab, with a space when it takes an argument', () => {
    expect(completeSlash('/he', list)).toBe('/help');
    expect(completeSlash('/mo', list)).toBe('/model ');
    expect(completeSlash('/', list)).toBe('/model ');
    expect(completeSlash('/zz', list)).toBeUndefined();
    expect(completeSlash('hi', list)).toBeUndefined();
  });

  it("completes an argument from the command's own candidates", () => {
    expect(completeSlash('/model g', list)).toBe('/model gpt-4o');
    expect(completeSlash('/model c', list)).toBe('/model claude-sonnet-4');
    expect(completeSlash('/model claude-sonnet-4', list)).toBeUndefined(); // two candidates, nothing more in common
    expect(completeSlash('/model x', list)).toBeUndefined();
    expect(completeSlash('/help x', list)).toBeUndefined(); // no candidates
  });

  it('parses commands, arguments, aliases and unique prefixes', () => {
    expect(parseSlash('/model claude-3-5-haiku', list)).toMatchObject({ kind: 'command', command: { name: 'model' }, arg: 'claude-3-5-haiku' });
    expect(parseSlash('/exit', list)).toMatchObject({ kind: 'command', command: { name: 'quit' } });
    expect(parseSlash('/cl', list)).toMatchObject({ kind: 'command', command: { name: 'clear' } });
    expect(parseSlash('/nope', list)).toEqual({ kind: 'unknown', name: 'nope' });
    expect(parseSlash('hello /help', list)).toBeUndefined();
    expect(parseSlash('//not a command', list)).toBeUndefined();
    expect(parseSlash('/', list)).toBeUndefined();
  });

  it('reads the registry when no list is given', () => {
    expect(parseSlash('/help')).toMatchObject({ kind: 'command', command: { name: 'help' } });
    expect(completeSlash('/he')).toBe('/help');
  });
});
