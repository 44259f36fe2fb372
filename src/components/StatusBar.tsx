import { memo } from 'react';
import { Box, Text } from 'ink';
import type { Connection, RuntimeState } from '../runtime/types.js';
import type { LastReply, LiveReply } from '../state/chat.js';
import type { Flash } from '../state/useFlash.js';
import { theme } from './theme.js';

export function connectionLabel(c: Connection, detecting: boolean): string {
  if (detecting) return 'detecting…';
  switch (c.mode) {
    case 'litellm':
      return `LiteLLM ${c.host ?? ''}`.trim();
    case 'gateway':
      return `gateway ${c.host ?? ''}`.trim();
    case 'anthropic':
      return 'Anthropic direct';
    case 'openai':
      return 'OpenAI';
  }
}

export function formatCost(usd: number): string {
  return usd >= 0.01 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}

/** ready / waiting… / streaming N tok/s / the last reply's tokens and cost. */
export function activityLabel(live: LiveReply | undefined, last: LastReply | undefined, now: number): string {
  if (live) {
    if (live.firstTokenAt === undefined) return 'waiting…';
    const secs = (now - live.firstTokenAt) / 1000;
    const rate = secs > 0.25 ? Math.round(live.chunks / secs) : 0;
    return rate > 0 ? `streaming ${rate} tok/s` : 'streaming';
  }
  if (!last) return 'ready';
  const tokens = `${last.estimated ? '~' : ''}${last.outputTokens} tok`;
  return `ready · ${tokens}${last.cost !== undefined ? ` · ${formatCost(last.cost)}` : ''}`;
}

export interface StatusBarProps {
  runtime: RuntimeState;
  model: string;
  live: LiveReply | undefined;
  last: LastReply | undefined;
  flash: Flash | undefined;
  color: boolean;
}

/** Connection, model, key presence and activity; a notice line under it while one is showing. */
export const StatusBar = memo(function StatusBar({ runtime, model, live, last, flash, color }: StatusBarProps) {
  const t = theme(color);
  const { connection, config, detecting } = runtime;
  const hasKey = connection.mode === 'openai' ? Boolean(config.openaiApiKey) : Boolean(config.credential);
  const activity = activityLabel(live, last, Date.now());
  return (
    <Box flexDirection="column">
      <Box>
        <Box flexGrow={1} flexShrink={1}>
          <Text wrap="truncate-end">
            <Text color={connection.unreachable ? t.error : t.ok}>●</Text> {connectionLabel(connection, detecting)}
            {connection.unreachable && <Text color={t.error}> (unreachable)</Text>}
            <Text color={t.muted}> · </Text>
            {model}
            <Text color={t.muted}> · </Text>
            {hasKey ? 'key ✓' : <Text color={t.warn}>no key</Text>}
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={1}>
          <Text color={live ? t.accent : t.muted}>{activity}</Text>
        </Box>
      </Box>
      <Text wrap="truncate-end" color={flash?.level === 'error' ? t.error : flash?.level === 'warn' ? t.warn : t.muted}>
        {flash ? flash.text : ' '}
      </Text>
    </Box>
  );
});
