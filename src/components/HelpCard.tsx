import { memo } from 'react';
import { Box, Text } from 'ink';
import { textWidth } from '../i18n/width.js';
import { keyBindingRows } from '../state/keymap.js';
import { SLASH_COMMANDS } from '../slash/registry.js';
import { slashUsage } from '../slash/match.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

/** /help: every command and every key binding, descriptions wrapping in their own column. */
export const HelpCard = memo(function HelpCard({ color, columns }: { color: boolean; columns: number }) {
  const t = theme(color);
  const m = useMessages();
  const sections: readonly { title: string; rows: readonly (readonly [string, string])[] }[] = [
    { title: m.help.commands, rows: SLASH_COMMANDS.map((c) => [slashUsage(c, m), c.description(m)] as const) },
    { title: m.help.keys, rows: keyBindingRows(m) },
  ];
  // The name column, in terminal cells (a Chinese placeholder such as "[模型名]" is wider than its length).
  const nameWidth = Math.max(...sections.flatMap((s) => s.rows.map(([name]) => textWidth(name)))) + 2;
  return (
    // As wide as the terminal, so a long description wraps in its own column (<Static> output is not
    // bounded by the terminal on its own).
    <Box flexDirection="column" marginTop={1} paddingLeft={2} width={columns}>
      {sections.map((section) => (
        <Box key={section.title} flexDirection="column">
          <Text bold color={t.accent}>
            {section.title}
          </Text>
          {section.rows.map(([name, description]) => (
            <Box key={name} paddingLeft={2}>
              <Box width={nameWidth} flexShrink={0}>
                <Text>{name}</Text>
              </Box>
              <Box flexShrink={1}>
                <Text color={t.muted}>{description}</Text>
              </Box>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
});
