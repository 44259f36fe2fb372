// `@path` mentions: which words of a prompt name files, and what each one attaches — a text file's
// text, a folder's listing, an image — or why it is refused (binary, too large). Reads files; no UI.
import { readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { isBinaryFile } from 'isbinaryfile';
import { fencedDocument, formatSize, withDocuments } from './document.js';
import { imageType, type ImageMediaType } from './images.js';
import type { ImageInput } from '../runtime/types.js';
import type { Messages } from '../i18n/en.js';

/** Larger text files are refused: 2 MB is ~500k tokens, past every model's context window. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** Anthropic's limit for one image (OpenAI's is larger). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** A folder attaches at most this many entries of its listing. */
export const MAX_LISTING = 200;

export type Attachment =
  | { kind: 'text'; name: string; bytes: number; text: string }
  | { kind: 'dir'; name: string; entries: string[]; more: number }
  | { kind: 'image'; name: string; bytes: number; mediaType: ImageMediaType; data: string };

export interface Refusal {
  name: string;
  reason: 'binary' | 'tooLarge' | 'unreadable';
  bytes?: number;
  /** The limit it is over (tooLarge). */
  limit?: number;
}

/** Why a mention was not attached, in the user's words. */
export function refusalText(r: Refusal, m: Messages): string {
  if (r.reason === 'binary') return m.material.refusedBinary({ name: r.name });
  if (r.reason === 'tooLarge') return m.material.refusedTooLarge({ name: r.name, fileSize: formatSize(r.bytes ?? 0), limit: formatSize(r.limit ?? 0) });
  return m.material.refusedUnreadable({ name: r.name });
}

export interface Mention {
  /** As written after the @ (quotes removed). */
  name: string;
  /** Where it sits in the prompt, for completion and highlighting. */
  start: number;
  end: number;
}

// `@path` at the start or after white space; `@"a path with spaces"` quoted.
const MENTION = /(^|\s)@(?:"([^"\n]+)"|(\S+))/g;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Every `@word` in the text (whether or not it names a file). */
export function findMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index + m[1]!.length;
    out.push({ name: m[2] ?? m[3]!, start, end: m.index + m[0].length });
  }
  return out;
}

export function resolvePath(name: string, cwd: string): string {
  if (name === '~' || name.startsWith('~/')) return resolve(homedir(), name.slice(2));
  return isAbsolute(name) ? name : resolve(cwd, name);
}

/** The path a mention names, or undefined when nothing is there (an e-mail-like word, a handle). */
async function existing(name: string, cwd: string): Promise<{ name: string; path: string } | undefined> {
  for (const candidate of [name, name.replace(TRAILING, '')]) {
    if (!candidate) continue;
    const path = resolvePath(candidate, cwd);
    if (await stat(path).then(() => true, () => false)) return { name: candidate, path };
  }
  return undefined;
}

/** What one existing path attaches, or why not. */
export async function readAttachment(name: string, path: string): Promise<Attachment | Refusal> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      const dirents = await readdir(path, { withFileTypes: true });
      const entries = dirents.map((d) => (d.isDirectory() ? `${d.name}/` : d.name)).sort((a, b) => a.localeCompare(b));
      return { kind: 'dir', name, entries: entries.slice(0, MAX_LISTING), more: Math.max(0, entries.length - MAX_LISTING) };
    }
    const head = await readHead(path);
    const media = imageType(head);
    if (media) {
      if (st.size > MAX_IMAGE_BYTES) return { name, reason: 'tooLarge', bytes: st.size, limit: MAX_IMAGE_BYTES };
      const buf = await readFile(path);
      return { kind: 'image', name, bytes: buf.length, mediaType: media, data: buf.toString('base64') };
    }
    if (st.size > MAX_TEXT_BYTES) return { name, reason: 'tooLarge', bytes: st.size, limit: MAX_TEXT_BYTES };
    const buf = await readFile(path);
    if (await isBinaryFile(buf, buf.length)) return { name, reason: 'binary', bytes: buf.length };
    return { kind: 'text', name, bytes: buf.length, text: buf.toString('utf8') };
  } catch {
    return { name, reason: 'unreadable' };
  }
}

async function readHead(path: string): Promise<Buffer> {
  const { open } = await import('node:fs/promises');
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await fh.read(buf, 0, 16, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export interface Expanded {
  attachments: Attachment[];
  refusals: Refusal[];
}

/** Reads every `@path` of the text that names something on disk (each path once). */
export async function expandMentions(text: string, cwd: string): Promise<Expanded> {
  const out: Expanded = { attachments: [], refusals: [] };
  const seen = new Set<string>();
  for (const m of findMentions(text)) {
    const hit = await existing(m.name, cwd);
    if (!hit || seen.has(hit.path)) continue;
    seen.add(hit.path);
    const a = await readAttachment(hit.name, hit.path);
    if ('kind' in a) out.attachments.push(a);
    else out.refusals.push(a);
  }
  return out;
}

/** The block a text or folder attachment adds to the prompt; an image's line naming it. */
export function attachmentDocument(a: Attachment): string {
  switch (a.kind) {
    case 'text':
      return fencedDocument(`File: ${a.name} (${formatSize(a.bytes)})`, a.text);
    case 'dir': {
      const listing = [...a.entries, ...(a.more ? [`… and ${a.more} more`] : [])].join('\n');
      return fencedDocument(`Folder: ${a.name} (${a.entries.length + a.more} entries)`, listing);
    }
    case 'image':
      return `Image: ${a.name} (${formatSize(a.bytes)}, attached)`;
  }
}

/** The message a prompt and its attachments make: the text with the documents, and the images. */
export function composeMessage(prompt: string, attachments: readonly Attachment[], extraDocuments: readonly string[] = []): { content: string; images: ImageInput[] } {
  const docs = [...extraDocuments, ...attachments.map(attachmentDocument)];
  const images = attachments.flatMap((a) => (a.kind === 'image' ? [{ name: a.name, mediaType: a.mediaType, data: a.data }] : []));
  return { content: withDocuments(prompt, docs), images };
}

/** Bytes the attachments add to the request (images as their base64 text). */
export function attachedBytes(attachments: readonly Attachment[]): number {
  let n = 0;
  for (const a of attachments) n += a.kind === 'text' ? a.bytes : a.kind === 'image' ? a.data.length : a.entries.join('\n').length;
  return n;
}
