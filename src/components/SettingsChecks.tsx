import { memo } from 'react';
import { Box, Text } from 'ink';
import type { ConnectionCheck } from '../state/settingsReducer.js';
import { fit, textWidth } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { useMessages } from './I18n.js';
import { theme, type Theme } from './theme.js';
import { safeLine, stripControl } from '../render/sanitize.js';

export interface SettingsChecksProps {
  running: boolean;
  checks: readonly ConnectionCheck[];
  color: boolean;
  /** Short on rows: list only failures and warnings (the summary counts the rest). */
  compact?: boolean;
}

const MARK: Record<ConnectionCheck['status'], string> = { pass: '✔', fail: '✖', warn: '!', skip: '-' };

function tone(t: Theme, status: ConnectionCheck['status']): string | undefined {
  return status === 'pass' ? t.ok : status === 'fail' ? t.error : status === 'warn' ? t.warn : t.muted;
}

/** "Test connection" results, one line per check as they arrive; details and the fix only for a problem. */
export const SettingsChecks = memo(function SettingsChecks({ running, checks, color, compact }: SettingsChecksProps) {
  const t = theme(color);
  const w = useMessages().settings.checks;
  const { columns } = useTerminalSize();
  const problems = checks.filter((c) => c.status === 'fail' || c.status === 'warn').length;
  const count = (status: ConnectionCheck['status']): number => checks.filter((c) => c.status === status).length;
  const rest = w.rest({ passed: count('pass'), skipped: count('skip') });
  const summary = running ? w.testing : problems ? w.problems({ n: problems, rest: compact ? rest : undefined }) : w.allPassed({ n: count('pass') });
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>
        {w.title} <Text color={running ? t.muted : problems ? t.error : t.ok}>· {summary}</Text>
      </Text>
      {checks.filter((c) => !compact || c.status === 'fail' || c.status === 'warn').map((c) => (
        <Box key={c.id} flexDirection="column" paddingLeft={2}>
          <Text wrap={c.status === 'fail' || c.status === 'warn' ? 'wrap' : 'truncate-end'}>
            <Text color={tone(t, c.status)}>{MARK[c.status]}</Text>{' '}
            {c.status === 'fail' || c.status === 'warn' ? safeLine(c.title) : fit(safeLine(c.title), columns - 4 - (c.ms !== undefined ? textWidth(w.ms({ ms: c.ms })) : 0))}
            {c.ms !== undefined && <Text color={t.muted}>{w.ms({ ms: c.ms })}</Text>}
          </Text>
          {(c.status === 'fail' || c.status === 'warn') && (
            <Box flexDirection="column" paddingLeft={2}>
              {/* Whole (a proxy's message ends with its advice), unless rows are short. */}
              {(compact ? c.detail.slice(0, 3) : c.detail).map((d, i) => (
                <Text key={i} color={t.muted} wrap={compact ? 'truncate-end' : 'wrap'}>
                  {compact ? fit(safeLine(d), columns - 4) : stripControl(d)}
                </Text>
              ))}
              {c.fix && <Text>→ {stripControl(c.fix)}</Text>}
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
});
