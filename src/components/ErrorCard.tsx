import { memo } from 'react';
import { Box, Text } from 'ink';
import type { AppError } from '../runtime/types.js';
import { safeLine, stripControl } from '../render/sanitize.js';
import { useMessages } from './I18n.js';
import { errorWords } from '../words/errors.js';
import { theme } from './theme.js';

const MAX_MODELS = 8;

/** One failed request: what went wrong and what to do, never a stack or a secret. */
export const ErrorCard = memo(function ErrorCard({ error, color, width }: { error: AppError; color: boolean; width?: number }) {
  const t = theme(color);
  const m = useMessages();
  const c = m.errorCard;
  // Worded in the language on screen now (the card may have been made under another one).
  const { message, hint } = errorWords(error, m);
  const facts: [string, string][] = [];
  if (error.status !== undefined) facts.push([c.status, `HTTP ${error.status}`]);
  if (error.url) facts.push([c.address, safeLine(error.url)]);
  if (error.maskedKey) facts.push([c.key, error.keyVar ? `${error.maskedKey} (${error.keyVar})` : error.maskedKey]);
  if (error.servedModels?.length) {
    const more = error.servedModels.length > MAX_MODELS ? c.more({ n: error.servedModels.length - MAX_MODELS }) : '';
    facts.push([c.served, error.servedModels.slice(0, MAX_MODELS).map(safeLine).join(', ') + more]);
  }
  if (error.retryAfterSec !== undefined) facts.push([c.retryIn, c.seconds({ n: error.retryAfterSec })]);
  // The server's message whole (its advice often comes last), wrapped in the value column.
  if (error.detail) facts.push([c.serverSaid, stripControl(error.detail)]);
  return (
    // A set width: the facts wrap inside it (a row of boxes would otherwise grow past the terminal).
    <Box flexDirection="column" borderStyle="round" borderColor={t.error} paddingX={1} marginTop={1} {...(width ? { width } : {})}>
      <Text color={t.error} bold>
        ✗ {c.headline({ title: c.title({ kind: error.kind, status: error.status }), message: stripControl(message) })}
      </Text>
      <Text>→ {stripControl(hint)}</Text>
      {facts.map(([k, v]) => (
        <Box key={k}>
          <Box flexShrink={0}>
            <Text color={t.muted}>{c.fact({ label: k }).trimEnd()}</Text>
          </Box>
          <Box flexShrink={1} marginLeft={c.fact({ label: k }).endsWith(' ') ? 1 : 0}>
            <Text>{v}</Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
});
