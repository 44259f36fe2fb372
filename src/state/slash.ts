// Slash commands: the table, completion and parsing. Pure. The words are in the catalog.
import type { Messages, Say } from '../i18n/en.js';

export type SlashName = 'model' | 'settings' | 'doctor' | 'debug' | 'clear' | 'help' | 'quit';

export interface SlashCommand {
  name: SlashName;
  /** The argument's placeholder, e.g. "[name]". */
  args?: Say;
  description: Say;
  aliases?: readonly string[];
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { name: 'model', args: (m) => m.slash.modelArgs, description: (m) => m.slash.model },
  { name: 'settings', description: (m) => m.slash.settings },
  { name: 'doctor', description: (m) => m.slash.doctor },
  { name: 'debug', description: (m) => m.slash.debug },
  { name: 'clear', description: (m) => m.slash.clear },
  { name: 'help', description: (m) => m.slash.help },
  { name: 'quit', description: (m) => m.slash.quit, aliases: ['exit'] },
];

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
export function slashMatches(text: string): SlashCommand[] {
  const word = typedWord(text);
  if (word === undefined) return [];
  return SLASH_COMMANDS.filter((c) => c.name.startsWith(word) || c.aliases?.some((a) => a.startsWith(word)));
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * Tab completion: a single match completes to `/name ` (with a space when it takes arguments);
 * several complete to their common prefix, or to the first match when already there.
 */
export function completeSlash(text: string): string | undefined {
  const word = typedWord(text);
  const matches = slashMatches(text);
  const first = matches[0];
  if (word === undefined || !first) return undefined;
  const full = (c: SlashCommand): string => `/${c.name}${c.args ? ' ' : ''}`;
  if (matches.length === 1) return full(first);
  const prefix = commonPrefix(matches.map((c) => c.name));
  return prefix.length > word.length ? `/${prefix}` : full(first);
}

export type ParsedSlash =
  | { kind: 'command'; command: SlashCommand; arg: string }
  | { kind: 'unknown'; name: string };

/** Parse a submitted prompt; undefined when it is not a command (including `//text`). */
export function parseSlash(text: string): ParsedSlash | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/') || trimmed.startsWith('//') || trimmed === '/') return undefined;
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!m) return undefined;
  const name = (m[1] ?? '').toLowerCase();
  const arg = (m[2] ?? '').trim();
  const exact = SLASH_COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
  if (exact) return { kind: 'command', command: exact, arg };
  const prefixed = SLASH_COMMANDS.filter((c) => c.name.startsWith(name));
  const only = prefixed[0];
  if (prefixed.length === 1 && only) return { kind: 'command', command: only, arg };
  return { kind: 'unknown', name };
}
