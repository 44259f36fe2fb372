// What the user types → an FTS5 query. Every word is quoted (so `"`, `*`, `-`, `OR`, `:` are just
// text, never syntax), all must match, and the last is a prefix: the list narrows as one types.

export function ftsQuery(text: string, lastIsPrefix = true): string | undefined {
  // A "word" of punctuation alone has no token to match (and "" would be a syntax error): skipped.
  const words = text.trim().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return undefined;
  return words.map((w, i) => `"${w.replace(/"/g, '""')}"${lastIsPrefix && i === words.length - 1 ? '*' : ''}`).join(' ');
}
