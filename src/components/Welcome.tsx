import { memo } from 'react';
import { Box, Text } from 'ink';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

/** First run (no .env, no key): what to configure. */
export const Welcome = memo(function Welcome({ envPath, color, columns }: { envPath: string | undefined; color: boolean; columns: number }) {
  const t = theme(color);
  const m = useMessages();
  const settings: readonly [string, string][] = [
    ['ANTHROPIC_BASE_URL', m.welcome.baseUrl],
    ['ANTHROPIC_API_KEY', m.welcome.apiKey],
  ];
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={t.accent} paddingX={1} marginTop={1} width={Math.min(columns, 100)}>
      <Text bold color={t.accent}>
        {m.welcome.title}
      </Text>
      <Text>{m.welcome.intro}</Text>
      <Text bold>{envPath ?? '~/.openwork/.env'}</Text>
      {settings.map(([key, what]) => (
        <Box key={key} paddingLeft={2}>
          <Box width={20} flexShrink={0}>
            <Text color={t.ok}>{key}</Text>
          </Box>
          <Box flexShrink={1}>
            <Text color={t.muted}>{what}</Text>
          </Box>
        </Box>
      ))}
      <Text color={t.muted}>{m.welcome.outro}</Text>
    </Box>
  );
});
