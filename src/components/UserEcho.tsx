import { memo } from 'react';
import { Box, Text } from 'ink';
import { layoutPrompt, promptTextWidth } from '../state/promptLayout.js';
import { stripControl } from '../render/sanitize.js';
import { theme } from './theme.js';

/**
 * A sent prompt in the transcript, wrapped into the same rows as the prompt box showed it (the
 * prompt's own layout, by grapheme and display width): "› " before the first row, two spaces
 * before the rest. Each row is pre-wrapped, so Ink never re-wraps (it would drop the space after
 * "›" and break wide characters one column late).
 */
export const UserEcho = memo(function UserEcho({ text, columns, color }: { text: string; columns: number; color: boolean }) {
  const t = theme(color);
  const rows = layoutPrompt(stripControl(text), 0, promptTextWidth(columns)).rows;
  return (
    <Box flexDirection="column" marginTop={1}>
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate-end">
          <Text color={t.user} bold>
            {i === 0 ? '› ' : '  '}
          </Text>
          {row}
        </Text>
      ))}
    </Box>
  );
});
