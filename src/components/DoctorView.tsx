import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { doctorLines, runDoctor, type CheckResult, type DoctorLine } from '../runtime/doctor.js';
import type { Runtime } from '../runtime/types.js';
import { useKeyboard } from '../state/useKeyboard.js';
import { DoctorChecklist } from './DoctorChecklist.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export interface DoctorViewProps {
  runtime: Runtime;
  model: string;
  env: NodeJS.ProcessEnv;
  color: boolean;
  isActive: boolean;
  /** The finished run (for the transcript); undefined when closed early with Esc. */
  onDone(results: CheckResult[] | undefined): void;
}

const TOTAL = 6;

/** /doctor: runs the same checks as `openwork-tui doctor`, showing each as it finishes. */
export function DoctorView(p: DoctorViewProps) {
  const t = theme(p.color);
  const m = useMessages();
  const messages = useRef(m);
  const [results, setResults] = useState<CheckResult[]>([]);
  const [lines, setLines] = useState<DoctorLine[]>([]);
  const closed = useRef(false);
  const done = useRef(p.onDone);
  done.current = p.onDone;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const seen: CheckResult[] = [];
      const memory = p.runtime.paramMemory;
      const input = { config: p.runtime.getState().config, env: p.env, model: p.model, messages: messages.current, ...(memory ? { paramMemory: memory } : {}) };
      const all = await runDoctor(input, (r) => {
        if (cancelled) return;
        seen.push(r);
        setResults([...seen]);
        setLines(doctorLines(seen, messages.current));
      });
      if (!cancelled && !closed.current) done.current(all);
    })();
    return () => {
      cancelled = true;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useKeyboard((_input, key) => {
    if (key.escape || (key.ctrl && _input === 'c')) {
      closed.current = true;
      done.current(undefined);
    }
  }, p.isActive);

  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={t.accent}>
          {m.doctor.view}
        </Text>
        <Text color={t.muted}>
          {'  '}
          {m.doctor.progress({ n: Math.min(TOTAL, results.length + 1), total: TOTAL })}
        </Text>
      </Text>
      <DoctorChecklist lines={lines} color={p.color} />
    </Box>
  );
}
