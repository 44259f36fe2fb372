// A token estimate for what a message attaches, before it is sent: about 4 characters a token for
// text (the usual rule of thumb for English and code), and a flat amount per image (Anthropic
// counts width × height / 750: a 1,000 × 1,200 screenshot is ~1,600). An estimate, said as one (~).
import type { Attachment } from './attach.js';
import { formatSize } from './document.js';

export const CHARS_PER_TOKEN = 4;
export const TOKENS_PER_IMAGE = 1600;

/** Tokens for this many characters of text and this many images. */
export function estimateTokens(chars: number, images = 0): number {
  return Math.ceil(chars / CHARS_PER_TOKEN) + images * TOKENS_PER_IMAGE;
}

/** 950 → "950", 3_600 → "3.6k", 200_000 → "200k", 1_047_576 → "1M". */
export function formatTokens(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${+(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${+(n / 1_000_000).toFixed(1)}M`;
}

/** "src/app.tsx 14.2 KB", "docs/ 12 entries", "shot.png 80 KB image", joined. */
export function attachmentList(attachments: readonly Attachment[], entries: (n: number) => string, image: string): string {
  return attachments
    .map((a) => (a.kind === 'dir' ? `${a.name.replace(/\/?$/, '/')} ${entries(a.entries.length + a.more)}` : `${a.name} ${formatSize(a.bytes)}${a.kind === 'image' ? ` ${image}` : ''}`))
    .join(', ');
}
