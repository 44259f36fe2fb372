// Slash commands as typed: matching for the menu, Tab completion and parsing a submitted prompt.
// Pure; every function reads the registry (or the list a test passes).
import type { Messages } from '../i18n/index.js';
import { SLASH_COMMANDS } from './registry.js';
import type { SlashCommand } from './types.js';

type Registry = readonly SlashCommand[];

/** `/model [name]`, as the menu and /help show it. */
export function slashUsage(c: SlashCommand, m: Messages): string {
  return `/${c.name}${c.args ? ` ${c.args(m)}` : ''}`;
}

/** The command word being typed, when the prompt is `/word` with no space yet. */
function typedWord(text: string): string | undefined {
  if (!text.startsWith('/') || /\s/.test(text)) return undefined;
  return text.slice(1).toLowerCase();
}

/** Commands matching what is typed; empty when the prompt is not a bare `/word`. */
export function slashMatches(text: string, commands: Registry = SLASH_COMMANDS): SlashCommand[] {
  const word = typedWord(text);
  if (word === undefined) return [];
  return commands.filter((c) => c.name.startsWith(word) || c.aliases?.some((a) => a.startsWith(word)));
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** `/name partial` → the command's argument candidates completed to their common prefix. */
function completeArg(text: string, commands: Registry): string | undefined {
  const m = /^\/(\S+) (\S*)$/.exec(text);
  if (!m) return undefined;
  const name = (m[1] ?? '').toLowerCase();
  const arg = m[2] ?? '';
  const c = commands.find((x) => x.name === name || x.aliases?.includes(name));
  const candidates = c?.complete?.(arg).filter((x) => x.startsWith(arg)) ?? [];
  if (candidates.length === 0) return undefined;
  const prefix = commonPrefix(candidates);
  if (candidates.length === 1) return `/${m[1]} ${prefix}`;
  return prefix.length > arg.length ? `/${m[1]} ${prefix}` : undefined;
}

/**
 * Tab completion: a single match completes to `/name ` (with a space when it takes arguments);
 * several complete to their common prefix, or to the first match when already there. After
 * `/name `, the command's own candidates complete the argument.
 */
export function completeSlash(text: string, commands: Registry = SLASH_COMMANDS): string | undefined {
  const word = typedWord(text);
  if (word === undefined) return completeArg(text, commands);
  const matches = slashMatches(text, commands);
  const first = matches[0];
  if (!first) return undefined;
  const full = (c: SlashCommand): string => `/${c.name}${c.args ? ' ' : ''}`;
  if (matches.length === 1) return full(first);
  const prefix = commonPrefix(matches.map((c) => c.name));
  return prefix.length > word.length ? `/${prefix}` : full(first);
}

export type ParsedSlash =
  | { kind: 'command'; command: SlashCommand; arg: string }
  | { kind: 'unknown'; name: string };

/** Parse a submitted prompt; undefined when it is not a command (including `//text`). */
export function parseSlash(text: string, commands: Registry = SLASH_COMMANDS): ParsedSlash | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/') || trimmed.startsWith('//') || trimmed === '/') return undefined;
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return undefined;
  const name = (m[1] ?? '').toLowerCase();
  const arg = (m[2] ?? '').trim();
  const exact = commands.find((c) => c.name === name || c.aliases?.includes(name));
  if (exact) return { kind: 'command', command: exact, arg };
  const prefixed = commands.filter((c) => c.name.startsWith(name));
  const only = prefixed[0];
  if (prefixed.length === 1 && only) return { kind: 'command', command: only, arg };
  return { kind: 'unknown', name };
}
