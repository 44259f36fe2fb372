import { memo } from 'react';
import { Box, Text } from 'ink';
import type { AppError } from '../runtime/types.js';
import { stripControl } from '../render/sanitize.js';
import { theme } from './theme.js';

const TITLES: Record<AppError['kind'], string> = {
  auth: 'Authentication failed',
  blocked: 'Blocked before the proxy',
  unreachable: 'Cannot reach the server',
  timeout: 'Request timed out',
  tls: 'TLS problem',
  model: 'Model not available',
  rate_limit: 'Rate limited',
  server: 'Server error',
  stream_cut: 'Reply cut off',
  bad_request: 'Request rejected',
  config: 'Configuration problem',
  unknown: 'Request failed',
};

const MAX_MODELS = 8;

/** One failed request: what went wrong and what to do, never a stack or a secret. */
export const ErrorCard = memo(function ErrorCard({ error, color }: { error: AppError; color: boolean }) {
  const t = theme(color);
  const facts: [string, string][] = [];
  if (error.status !== undefined) facts.push(['status', `HTTP ${error.status}`]);
  if (error.url) facts.push(['address', error.url]);
  if (error.maskedKey) facts.push(['key', error.keyVar ? `${error.maskedKey} (${error.keyVar})` : error.maskedKey]);
  if (error.servedModels?.length) {
    const more = error.servedModels.length > MAX_MODELS ? `, … ${error.servedModels.length - MAX_MODELS} more` : '';
    facts.push(['served', error.servedModels.slice(0, MAX_MODELS).join(', ') + more]);
  }
  if (error.retryAfterSec !== undefined) facts.push(['retry in', `${error.retryAfterSec} s`]);
  if (error.detail) facts.push(['server said', stripControl(error.detail).split('\n').slice(0, 3).join(' ').slice(0, 300)]);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={t.error} paddingX={1} marginTop={1}>
      <Text color={t.error} bold>
        ✗ {TITLES[error.kind]}: {stripControl(error.message)}
      </Text>
      <Text>→ {stripControl(error.hint)}</Text>
      {facts.map(([k, v]) => (
        <Text key={k}>
          <Text color={t.muted}>{k}: </Text>
          {v}
        </Text>
      ))}
    </Box>
  );
});
