// A rough token count where the server sent none (no tokenizer for Claude is published): Han, kana,
// Hangul and full-width forms about one token each, other text about four characters a token.
import type { ChatMessage } from '../types.js';

/** Roughly what one image costs in input tokens (Anthropic: ~1,600 for a 1,092 × 1,092 picture). */
export const IMAGE_TOKENS = 1600;
/** Per-message framing the APIs add (role markers). */
export const MESSAGE_TOKENS = 4;
const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/gu;

export function estimateTokens(text: string): number {
  const wide = text.match(WIDE)?.length ?? 0;
  return Math.ceil(wide + (text.length - wide) / 4);
}

export function messageTokens(m: ChatMessage): number {
  return estimateTokens(m.content) + MESSAGE_TOKENS + (m.images?.length ?? 0) * IMAGE_TOKENS;
}
