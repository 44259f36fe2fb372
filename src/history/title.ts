// A session's title: its first prompt, trimmed (no model call).

/** The longest title kept (the first prompt, trimmed to its first line). */
export const TITLE_MAX = 80;

/** A session's title from its first prompt: the first non-blank line, spaces collapsed, cut at TITLE_MAX. */
export function titleFrom(prompt: string): string {
  const line = prompt.split('\n').find((l) => l.trim() !== '') ?? '';
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > TITLE_MAX ? `${flat.slice(0, TITLE_MAX - 1).trimEnd()}…` : flat;
}

