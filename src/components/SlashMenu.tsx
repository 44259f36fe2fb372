import { memo } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { SlashCommand } from '../state/slash.js';
import { theme } from './theme.js';

export const MAX_MENU_ROWS = 6;

/** Commands matching what is typed after `/`; Tab completes the first. */
export const SlashMenu = memo(function SlashMenu({ matches, color }: { matches: SlashCommand[]; color: boolean }) {
  const t = theme(color);
  const names = matches.map((c) => `/${c.name}${c.args ? ` ${c.args}` : ''}`);
  const width = Math.max(...names.map((n) => stringWidth(n)));
  return (
    <Box flexDirection="column" paddingLeft={2}>
      {matches.slice(0, MAX_MENU_ROWS).map((c, i) => (
        <Text key={c.name} wrap="truncate-end">
          <Text color={i === 0 ? t.accent : undefined} bold={i === 0}>
            {(names[i] ?? '').padEnd(width)}
          </Text>
          {'  '}
          <Text color={t.muted}>{c.description}</Text>
        </Text>
      ))}
    </Box>
  );
});

/** Rows the menu takes for these matches. */
export function menuRows(matches: SlashCommand[]): number {
  return Math.min(matches.length, MAX_MENU_ROWS);
}
