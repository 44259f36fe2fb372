// A search hit's snippet: about 12 words around the first word of the query that matches, cut in
// JS from the message (FTS5's snippet() with a rowid filter walked a common word's list per hit).
/** A piece of a search snippet; `hit` marks the words that matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** The words of an FTS query as written by ftsQuery ("a" "b"*), lowercased; the last one a prefix. */
export function queryWords(query: string): string[] {
  return [...query.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"').toLowerCase());
}

/** About 12 words around the first word that matches, the matching words marked. */
export function cutSnippet(text: string, words: string[]): SnippetPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  let at = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at < 0 ? 0 : flat.lastIndexOf(' ', Math.max(0, at - 30)) + 1);
  const end = Math.min(flat.length, start + 90);
  const piece = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  const out: SnippetPart[] = [];
  const re = words.length ? new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[\\p{L}\\p{N}]*`, 'giu') : undefined;
  let last = 0;
  for (const m of re ? piece.matchAll(re) : []) {
    if (m.index! > last) out.push({ text: piece.slice(last, m.index), hit: false });
    out.push({ text: m[0], hit: true });
    last = m.index! + m[0].length;
  }
  if (last < piece.length) out.push({ text: piece.slice(last), hit: false });
  return out;
}
