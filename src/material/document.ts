// Text attached to a prompt (piped stdin, an @file, a folder's listing) as the model reads it: a
// named, fenced block with its size. Pure: no file system here (attach.ts reads the files).
import { stripControl } from '../render/sanitize.js';

/** 900 → "900 B", 1536 → "1.5 KB", 3_500_000 → "3.3 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  return `${trim(bytes / (1024 * 1024))} MB`;
}
const trim = (n: number) => (n >= 100 ? String(Math.round(n)) : n.toFixed(1).replace(/\.0$/, ''));

/** A fence longer than any run of backticks inside `text`, so the block cannot end early. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * `title` (e.g. "File: notes.txt (1.2 KB)") and the text in a fence. The text is sanitised: escape
 * sequences and control characters in a file are noise to the model and are echoed back to terminals.
 */
export function fencedDocument(title: string, text: string): string {
  const clean = stripControl(text);
  const fence = fenceFor(clean);
  return `${title}\n${fence}\n${clean}${clean.endsWith('\n') || clean === '' ? '' : '\n'}${fence}`;
}

/** The prompt followed by its attachments, each after a blank line. */
export function withDocuments(prompt: string, documents: readonly string[]): string {
  return [prompt, ...documents].filter((p) => p !== '').join('\n\n');
}

/** The words for piped input attached to a -p prompt. */
export function stdinDocument(text: string): string {
  return fencedDocument(`Piped input (stdin, ${formatSize(Buffer.byteLength(text))})`, text);
}
