// Tab after `@` in the prompt: completes a path under the current folder, as a shell does — to the
// one match (a folder gets its "/"), or to what all matches share, listing them. The folder is read
// through `list` (the prompt passes a sync readdir), so the rules are tested without a disk.

import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

export interface DirEntry {
  name: string;
  dir: boolean;
}

export interface PathCompletion {
  /** The prompt's new text and caret. */
  text: string;
  cursor: number;
  /** The names that match when there are several (the prompt lists them). */
  candidates: readonly string[];
}

/** The `@word` the caret ends, if any: where it starts (at the @) and what is typed after the @. */
export function mentionAtCaret(text: string, cursor: number): { start: number; typed: string } | undefined {
  let i = cursor;
  while (i > 0 && !/\s/.test(text[i - 1]!)) i--;
  if (text[i] !== '@' || cursor === i) return undefined;
  const typed = text.slice(i + 1, cursor);
  if (typed.startsWith('"')) return undefined; // a quoted path is typed by hand
  return { start: i, typed };
}

const commonPrefix = (names: readonly string[]): string => {
  let p = names[0] ?? '';
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p;
};

/** Completes the `@path` the caret ends; undefined when the caret is not after one or nothing matches. */
export function completeMention(text: string, cursor: number, list: (dir: string) => readonly DirEntry[] | undefined): PathCompletion | undefined {
  const at = mentionAtCaret(text, cursor);
  if (!at) return undefined;
  const slash = at.typed.lastIndexOf('/');
  const dir = slash < 0 ? '' : at.typed.slice(0, slash + 1);
  const base = at.typed.slice(slash + 1);
  const entries = list(dir === '' ? '.' : dir);
  if (!entries) return undefined;
  // Hidden files only when asked for (a "." typed), as a shell lists them.
  const matches = entries.filter((e) => e.name.startsWith(base) && (base.startsWith('.') || !e.name.startsWith('.'))).sort((a, b) => a.name.localeCompare(b.name));
  if (matches.length === 0) return undefined;
  const replace = (typed: string): PathCompletion => {
    const head = text.slice(0, at.start + 1) + typed;
    return { text: head + text.slice(cursor), cursor: head.length, candidates: [] };
  };
  if (matches.length === 1) {
    const only = matches[0]!;
    // A file is done: a space after it, unless one is there already.
    const after = only.dir ? '/' : text[cursor] === ' ' ? '' : ' ';
    return replace(dir + only.name + after);
  }
  const shared = commonPrefix(matches.map((e) => e.name));
  const done = shared.length > base.length ? replace(dir + shared) : { text, cursor, candidates: [] };
  return { ...done, candidates: matches.map((e) => dir + e.name + (e.dir ? '/' : '')) };
}

/** Lists a folder under `cwd` for completion (undefined when it cannot be read). Sync: one readdir per Tab. */
export function folderLister(cwd: string): (dir: string) => DirEntry[] | undefined {
  return (dir) => {
    try {
      return readdirSync(resolve(cwd, dir), { withFileTypes: true }).map((d) => ({ name: d.name, dir: d.isDirectory() }));
    } catch {
      return undefined;
    }
  };
}
