import { memo } from 'react';
import { Box, Text } from 'ink';
import type { LiveReply as Live } from '../state/chat.js';
import { tailText } from '../state/longReply.js';
import { stripControl } from '../render/sanitize.js';
import { fitWidth, tailLines } from '../state/fitLines.js';
import { liveRows, replyParts, REPLY_INDENT } from './Markdown.js';
import { ReplyLabel } from './ReplyLabel.js';
import { fit } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { useMessages } from './I18n.js';
import { contentWidth, theme } from './theme.js';

export interface LiveLayout {
  label: boolean;
  lines: string[];
  hidden: number;
  /** Screen rows the live reply takes (margin and label included). */
  height: number;
  /** A long reply's plain tail: the line over it says so, with the size and the file. */
  plain?: { size: number; path?: string };
}

export const NO_LIVE: LiveLayout = { label: false, lines: [], hidden: 0, height: 0 };

/**
 * Lay out the streaming tail so it fits in `maxRows` screen rows: lines are pre-wrapped to the
 * width and only the last ones are shown (the rest reach the transcript when the reply ends).
 */
export function layoutLive(live: Live | undefined, columns: number, maxRows: number, color: boolean): LiveLayout {
  if (!live) return NO_LIVE;
  if (live.plain) return layoutPlain(live.plain, columns, maxRows);
  return layoutText(live.text, !live.committed, columns, maxRows, color);
}

/**
 * Reply text (Markdown) laid out like the streaming tail: its last rows that fit in `maxRows`. Also
 * shows the end of a resumed session while its transcript prints (state/chat.ts `previewOf`).
 */
export function layoutText(text: string, label: boolean, columns: number, maxRows: number, color: boolean): LiveLayout {
  const rows = text.trim() === '' ? [] : liveRows(replyParts(text, columns, color), columns, color);
  const chrome = 1 + (label ? 1 : 0); // top margin + label
  if (!label && rows.length === 0) return NO_LIVE;
  const { lines, hidden } = tailLines(rows, Math.max(1, maxRows - chrome));
  return { label, lines, hidden, height: chrome + lines.length + (hidden > 0 ? 1 : 0) };
}

/**
 * A long reply's end, plain: only the last lines that fit (a long last line cut to what can show),
 * so a frame costs the same at any reply size.
 */
function layoutPlain(p: NonNullable<Live['plain']>, columns: number, maxRows: number): LiveLayout {
  const width = contentWidth(columns);
  const rows = Math.max(1, maxRows - 2); // top margin + the note line
  const text = stripControl(tailText(p.tail, rows)).replace(/\t/g, '    ');
  const shown = text.slice(-width * rows * 2).trim() === '' ? [] : text.slice(-width * rows * 2).split('\n');
  const { lines: fitted } = tailLines(fitWidth(shown, width), rows);
  const lines = fitted.map((l) => (l ? ' '.repeat(REPLY_INDENT) + l : l)); // the live rows carry their own indent
  return { label: false, lines, hidden: 0, height: 2 + lines.length, plain: { size: p.size, ...(p.path ? { path: p.path } : {}) } };
}

/** The reply streaming now: the only part of the transcript that is redrawn. */
export const LiveReply = memo(function LiveReply({
  layout,
  model,
  color,
}: {
  layout: LiveLayout;
  model: string;
  color: boolean;
}) {
  const m = useMessages();
  const { columns } = useTerminalSize();
  if (layout.height === 0) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      {layout.label && <ReplyLabel model={model} color={color} />}
      {layout.plain && (
        <Text color={theme(color).muted} wrap="truncate-end">
          {'  ⋮ '}
          {fit(m.chat.longReplyLive(layout.plain), columns - 4)}
        </Text>
      )}
      {layout.hidden > 0 && (
        <Text color={theme(color).muted} wrap="truncate-end">
          {'  ⋮ '}
          {fit(m.chat.moreLinesAbove({ n: layout.hidden }), columns - 4)}
        </Text>
      )}
      {layout.lines.length > 0 && (
        <Text>{layout.lines.join('\n')}</Text>
      )}
    </Box>
  );
});
