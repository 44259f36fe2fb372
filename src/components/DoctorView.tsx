import { Box, Text } from 'ink';
import type { Runtime } from '../runtime/types.js';
import { useDoctor, type DoctorReport } from '../state/useDoctor.js';
import { useKeyboard } from '../state/useKeyboard.js';
import { DoctorChecklist } from './DoctorChecklist.js';
import { FitBox } from './FitBox.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export interface DoctorViewProps {
  runtime: Runtime;
  model: string;
  env: NodeJS.ProcessEnv;
  color: boolean;
  isActive: boolean;
  /** The finished run (for the transcript); undefined when closed early with Esc. */
  onDone(report: DoctorReport | undefined): void;
  /** Rows the view may take, its title included: the checklist scrolls to its newest line within them. */
  maxRows: number;
}

const TOTAL = 6;

/** /doctor: the checks of `openwork-tui doctor` (run by useDoctor), each shown as it finishes. */
export function DoctorView(p: DoctorViewProps) {
  const t = theme(p.color);
  const m = useMessages();
  const run = useDoctor(p.runtime, p.model, p.env, m, p.onDone);

  useKeyboard((input, key) => {
    if (key.escape || (key.ctrl && input === 'c')) run.close();
  }, p.isActive);

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={t.accent}>
          {m.doctor.view}
        </Text>
        <Text color={t.muted}>
          {'  '}
          {m.doctor.progress({ n: Math.min(TOTAL, run.done + 1), total: TOTAL })}
        </Text>
      </Text>
      <FitBox maxRows={Math.max(1, p.maxRows - 1)}>
        <DoctorChecklist lines={run.lines} color={p.color} />
      </FitBox>
    </Box>
  );
}
