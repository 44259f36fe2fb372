// Slash commands: the table, completion and parsing. Pure.

export type SlashName = 'model' | 'settings' | 'doctor' | 'clear' | 'help' | 'quit';

export interface SlashCommand {
  name: SlashName;
  args?: string;
  description: string;
  aliases?: readonly string[];
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { name: 'model', args: '[name]', description: 'switch model (bare: pick from a list)' },
  { name: 'settings', description: 'connection settings (.env)' },
  { name: 'doctor', description: 'check the config, the address, the key and the model' },
  { name: 'clear', description: 'clear the conversation and the screen' },
  { name: 'help', description: 'commands and key bindings' },
  { name: 'quit', description: 'exit', aliases: ['exit'] },
];

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
