import { memo, useMemo } from 'react';
import { Box, Text } from 'ink';
import { markdown } from '../render/lazyMarkdown.js';
import type { ReplyPart } from '../render/markdown.js';
import { stripControl } from '../render/sanitize.js';
import { hardWrap } from '../state/fitLines.js';
import { contentWidth } from './theme.js';

export interface MarkdownProps {
  text: string;
  /** Terminal columns: text is fitted to contentWidth(columns) behind a two-column indent. */
  columns: number;
  color: boolean;
}

/** Text parts of a reply sit behind this indent; code blocks sit at the margin (copied as written). */
export const REPLY_INDENT = 2;

/** Model output rendered for the terminal, control sequences stripped first. */
export function renderReply(text: string, width: number, color: boolean): string {
  return markdown().renderMarkdown(stripControl(text), { width, color }).replace(/\s+$/, '');
}

/** The reply in parts (text, and code blocks set apart), trailing blank lines dropped. */
export function replyParts(text: string, columns: number, color: boolean): ReplyPart[] {
  const parts = markdown().renderMarkdownParts(stripControl(text), { width: contentWidth(columns), color });
  const last = parts.at(-1);
  if (last?.kind === 'text') {
    const trimmed = last.text.replace(/\s+$/, '');
    if (trimmed) parts[parts.length - 1] = { kind: 'text', text: trimmed };
    else parts.pop();
  }
  return parts;
}

/**
 * Screen rows for the live region, each at most `columns - 1` wide: text behind the indent, code
 * lines at the margin cut with a marker (the live region is redrawn, so nothing in it may soft-wrap;
 * the finished reply shows them whole, and /copy code copies them whole).
 */
export function liveRows(parts: readonly ReplyPart[], columns: number, color: boolean): string[] {
  const max = Math.max(2, columns - 1);
  const pad = ' '.repeat(REPLY_INDENT);
  const marker = color ? '\x1b[2m…\x1b[22m' : '…';
  return parts.flatMap((p) =>
    p.kind === 'text'
      ? p.text.split('\n').flatMap((l) => hardWrap(l, max - REPLY_INDENT).map((r) => (r ? pad + r : r)))
      : p.lines.map((l) => {
          const pieces = hardWrap(l, max - 1);
          return pieces.length > 1 ? `${pieces[0]}${color ? '\x1b[0m' : ''}${marker}` : l;
        }),
  );
}

export const Markdown = memo(function Markdown({ text, columns, color }: MarkdownProps) {
  const parts = useMemo(() => replyParts(text, columns, color), [text, columns, color]);
  return (
    <Box flexDirection="column">
      {parts.map((p, i) =>
        p.kind === 'text' ? (
          <Box key={i} paddingLeft={REPLY_INDENT}>
            <Text>{p.text}</Text>
          </Box>
        ) : (
          // As wide as its widest line, so Ink never wraps a code line: the terminal soft-wraps it.
          <Box key={i} width={Math.max(columns, p.width)} flexShrink={0}>
            <Text>{p.lines.join('\n')}</Text>
          </Box>
        ),
      )}
    </Box>
  );
});
