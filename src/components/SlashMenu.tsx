import { memo } from 'react';
import { Box, Text } from 'ink';
import { fit, padEnd, textWidth } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { slashUsage } from '../slash/match.js';
import type { SlashCommand } from '../slash/types.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export const MAX_MENU_ROWS = 6;

/** Commands matching what is typed after `/`; Tab completes the first. */
export const SlashMenu = memo(function SlashMenu({ matches, color }: { matches: SlashCommand[]; color: boolean }) {
  const t = theme(color);
  const m = useMessages();
  const names = matches.map((c) => slashUsage(c, m));
  const width = Math.max(...names.map((n) => textWidth(n)));
  const { columns } = useTerminalSize();
  return (
    <Box flexDirection="column" paddingLeft={2}>
      {matches.slice(0, MAX_MENU_ROWS).map((c, i) => (
        <Text key={c.name} wrap="truncate-end">
          <Text color={i === 0 ? t.accent : undefined} bold={i === 0}>
            {padEnd(names[i] ?? '', width)}
          </Text>
          {'  '}
          <Text color={t.muted}>{fit(c.description(m), columns - 2 - width - 2)}</Text>
        </Text>
      ))}
    </Box>
  );
});

/** Rows the menu takes for these matches. */
export function menuRows(matches: SlashCommand[]): number {
  return Math.min(matches.length, MAX_MENU_ROWS);
}
