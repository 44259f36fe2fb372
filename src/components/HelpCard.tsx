import { memo } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { KEY_BINDINGS } from '../state/keymap.js';
import { SLASH_COMMANDS } from '../state/slash.js';
import { theme } from './theme.js';

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

/** /help: every command and every key binding. */
export const HelpCard = memo(function HelpCard({ color }: { color: boolean }) {
  const t = theme(color);
  const commands = SLASH_COMMANDS.map((c) => [`/${c.name}${c.args ? ` ${c.args}` : ''}`, c.description] as const);
  const keyWidth = Math.max(...KEY_BINDINGS.map((k) => stringWidth(k.keys)), ...commands.map(([c]) => stringWidth(c)));
  return (
    <Box flexDirection="column" marginTop={1} paddingLeft={2}>
      <Text bold color={t.accent}>
        Commands
      </Text>
      {commands.map(([name, description]) => (
        <Text key={name}>
          {'  '}
          {pad(name, keyWidth)}
          {'  '}
          <Text color={t.muted}>{description}</Text>
        </Text>
      ))}
      <Text bold color={t.accent}>
        Keys
      </Text>
      {KEY_BINDINGS.map((k) => (
        <Text key={k.keys}>
          {'  '}
          {pad(k.keys, keyWidth)}
          {'  '}
          <Text color={t.muted}>{k.action}</Text>
        </Text>
      ))}
    </Box>
  );
});
