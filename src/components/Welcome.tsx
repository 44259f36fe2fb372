import { memo } from 'react';
import { Box, Text } from 'ink';
import { theme } from './theme.js';

const SETTINGS: readonly [string, string][] = [
  ['ANTHROPIC_BASE_URL', 'your LiteLLM proxy, e.g. http://127.0.0.1:4000 (unset: Anthropic direct)'],
  ['ANTHROPIC_API_KEY', 'the proxy key, or your Anthropic key'],
];

/** First run (no .env, no key): what to configure. */
export const Welcome = memo(function Welcome({ envPath, color, columns }: { envPath: string | undefined; color: boolean; columns: number }) {
  const t = theme(color);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={t.accent} paddingX={1} marginTop={1} width={Math.min(columns, 100)}>
      <Text bold color={t.accent}>
        Welcome to openwork-tui
      </Text>
      <Text>No connection is configured yet. Set these in your shell or in</Text>
      <Text bold>{envPath ?? '~/.openwork/.env'}</Text>
      {SETTINGS.map(([key, what]) => (
        <Box key={key} paddingLeft={2}>
          <Box width={20} flexShrink={0}>
            <Text color={t.ok}>{key}</Text>
          </Box>
          <Box flexShrink={1}>
            <Text color={t.muted}>{what}</Text>
          </Box>
        </Box>
      ))}
      <Text color={t.muted}>Changes to the file apply as soon as it is saved. /help lists commands and keys.</Text>
    </Box>
  );
});
