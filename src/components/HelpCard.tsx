import { memo } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { KEY_BINDINGS } from '../state/keymap.js';
import { SLASH_COMMANDS } from '../state/slash.js';
import { theme } from './theme.js';

const ROWS: readonly { title: string; rows: readonly (readonly [string, string])[] }[] = [
  { title: 'Commands', rows: SLASH_COMMANDS.map((c) => [`/${c.name}${c.args ? ` ${c.args}` : ''}`, c.description] as const) },
  { title: 'Keys', rows: KEY_BINDINGS.map((k) => [k.keys, k.action] as const) },
];

const NAME_WIDTH = Math.max(...ROWS.flatMap((s) => s.rows.map(([name]) => stringWidth(name)))) + 2;

/** /help: every command and every key binding, descriptions wrapping in their own column. */
export const HelpCard = memo(function HelpCard({ color }: { color: boolean }) {
  const t = theme(color);
  return (
    <Box flexDirection="column" marginTop={1} paddingLeft={2}>
      {ROWS.map((section) => (
        <Box key={section.title} flexDirection="column">
          <Text bold color={t.accent}>
            {section.title}
          </Text>
          {section.rows.map(([name, description]) => (
            <Box key={name} paddingLeft={2}>
              <Box width={NAME_WIDTH} flexShrink={0}>
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
