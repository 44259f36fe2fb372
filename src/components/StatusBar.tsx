import { memo } from 'react';
import { Box, Text } from 'ink';
import type { RuntimeState } from '../runtime/types.js';
import { statusLabel } from '../i18n/connection.js';
import type { LastReply, LiveReply } from '../state/chat.js';
import type { Flash } from '../state/useFlash.js';
import { en, resolveText, type Messages } from '../i18n/index.js';
import { fit, fitParts, textWidth } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';
import { safeLine } from '../render/sanitize.js';
import { modelLife } from '../config/modelLife.js';

export function formatCost(usd: number): string {
  return usd >= 0.01 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}

/** ready / waiting… / streaming N tok/s / the last reply's tokens and cost. */
export function activityLabel(live: LiveReply | undefined, last: LastReply | undefined, now: number, m: Messages = en): string {
  if (live) {
    if (live.firstTokenAt === undefined) return m.status.waiting;
    const secs = (now - live.firstTokenAt) / 1000;
    const rate = secs > 0.25 ? Math.round(live.chunks / secs) : 0;
    return rate > 0 ? m.status.streamingRate({ rate }) : m.status.streaming;
  }
  if (!last) return m.status.ready;
  const tokens = m.status.tokens({ n: last.outputTokens, estimated: last.estimated });
  return m.status.readyAfter({ tokens, ...(last.cost !== undefined ? { cost: formatCost(last.cost) } : {}) });
}

export interface StatusBarProps {
  runtime: RuntimeState;
  model: string;
  /** The role in use (/role, --role), shown after the model. */
  role?: string;
  live: LiveReply | undefined;
  last: LastReply | undefined;
  flash: Flash | undefined;
  color: boolean;
}

/** Connection, model, key presence and activity; a notice line under it while one is showing. */
export const StatusBar = memo(function StatusBar({ runtime, model, role, live, last, flash, color }: StatusBarProps) {
  const t = theme(color);
  const m = useMessages();
  const { connection, config, detecting } = runtime;
  const hasKey = connection.mode === 'openai' ? Boolean(config.openaiApiKey) : Boolean(config.credential);
  const activity = activityLabel(live, last, Date.now(), m);
  const { columns } = useTerminalSize();
  const life = modelLife(model);
  // Cut here, in terminal cells: Ink's own cut can leave a Chinese line one cell too wide.
  const parts = fitParts(
    [
      { text: '●', color: connection.unreachable || config.unusableBaseUrl ? t.error : t.ok },
      config.unusableBaseUrl ? { text: ` ${m.status.badAddress}`, color: t.error } : { text: ` ${safeLine(statusLabel(connection, detecting, m))}`, color: undefined },
      { text: connection.unreachable ? m.status.unreachable : '', color: t.error },
      { text: ' · ', color: t.muted },
      { text: safeLine(model), color: life.state === 'retired' ? t.warn : undefined },
      // The Anthropic SDK says this model reached its end of life: requests to it will fail.
      { text: life.state === 'retired' ? m.status.retired({ date: life.date }) : '', color: t.warn },
      ...(role ? [{ text: ' · ', color: t.muted }, { text: safeLine(m.status.role({ name: role })), color: t.accent }] : []),
      { text: ' · ', color: t.muted },
      // ✓ only once the server accepted the key; until then it says it is not checked yet.
      runtime.keyRefused
        ? { text: m.status.keyRefused, color: t.error }
        : !hasKey
          ? { text: m.status.noKey, color: t.warn }
          : { text: runtime.keyAccepted ? m.status.keyOk : m.status.keyUnchecked, color: runtime.keyAccepted ? undefined : t.muted },
    ],
    Math.max(1, columns - textWidth(activity) - 1),
  );
  // One line, laid out here: the parts, then the activity flush right (the line is cut to the
  // terminal's width above, so the padding is never negative).
  const gap = Math.max(1, columns - parts.reduce((n, p) => n + textWidth(p.text), 0) - textWidth(activity));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {parts.map((p, i) => (
          <Text key={i} color={p.color}>
            {p.text}
          </Text>
        ))}
        {' '.repeat(gap)}
        <Text color={live ? t.accent : t.muted}>{activity}</Text>
      </Text>
      <Text wrap="truncate-end" color={flash?.level === 'error' ? t.error : flash?.level === 'warn' ? t.warn : t.muted}>
        {flash ? fit(safeLine(resolveText(flash.text, m)), columns) : ' '}
      </Text>
    </Box>
  );
});
