import { Box, Text } from 'ink';
import type { DoctorLine } from '../doctor/index.js';
import { useMessages } from './I18n.js';
import { theme, type Theme } from './theme.js';
import { safeLine, stripControl } from '../render/sanitize.js';

function markColor(t: Theme, status: DoctorLine['status']): string | undefined {
  return status === 'pass' ? t.ok : status === 'fail' ? t.error : status === 'warn' ? t.warn : t.muted;
}

/** The doctor's checks as a list: ✔/✖/!/- title, details, and the fix under a failure. */
export function DoctorChecklist({ lines, color }: { lines: readonly DoctorLine[]; color: boolean }) {
  const t = theme(color);
  const m = useMessages();
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Box key={i} flexDirection="column">
          {/* Long lines (a Chinese one has no spaces to break at) wrap under their own start. */}
          <Box>
            <Text color={markColor(t, l.status)}>{l.mark} </Text>
            <Box flexShrink={1}>
              <Text>{safeLine(l.title)}</Text>
            </Box>
          </Box>
          {l.status !== 'pass' &&
            l.detail.map((d, j) => (
              <Box key={j} paddingLeft={4}>
                <Text color={t.muted}>{stripControl(d)}</Text>
              </Box>
            ))}
          {l.fix && (
            <Box paddingLeft={4}>
              <Text color={l.status === 'fail' ? t.warn : t.muted}>
                {l.status === 'fail' ? m.doctor.fix : m.doctor.tip}
                {stripControl(l.fix)}
              </Text>
            </Box>
          )}
        </Box>
      ))}
    </Box>
  );
}
