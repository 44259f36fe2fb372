// The doctor screen's controller: runs the same checks as `openwork-tui doctor` once, against the
// runtime's current config, and reports each check as it finishes. The view only draws the lines.
import { useEffect, useRef, useState } from 'react';
import { doctorLines, doctorSummary, runDoctor, type CheckResult, type DoctorLine } from '../doctor/index.js';
import type { Runtime } from '../runtime/types.js';
import type { Messages } from '../i18n/index.js';

export interface DoctorRun {
  /** Checks finished so far. */
  done: number;
  lines: DoctorLine[];
  /** Leave early (Esc): the run's end is not reported. */
  close(): void;
}

/** A finished run as the transcript shows it: its lines and summary, worded in the language on screen. */
export interface DoctorReport {
  lines: DoctorLine[];
  summary: string;
  ok: boolean;
}

function report(results: CheckResult[], m: Messages): DoctorReport {
  return { lines: doctorLines(results, m), summary: doctorSummary(results, m), ok: !results.some((r) => r.status === 'fail') };
}

/** Starts the run on mount; `onDone` gets its report, or undefined when closed first. */
export function useDoctor(runtime: Runtime, model: string, env: NodeJS.ProcessEnv, m: Messages, onDone: (report: DoctorReport | undefined) => void): DoctorRun {
  const messages = useRef(m); // the run words its lines in the language it started in
  const onScreen = useRef(m);
  onScreen.current = m;
  const [lines, setLines] = useState<DoctorLine[]>([]);
  const closed = useRef(false);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const seen: CheckResult[] = [];
      const memory = runtime.paramMemory;
      const input = { config: runtime.getState().config, env, model, messages: messages.current, ...(memory ? { paramMemory: memory } : {}) };
      const all = await runDoctor(input, (r) => {
        if (cancelled) return;
        seen.push(r);
        setLines(doctorLines(seen, messages.current));
      });
      if (!cancelled && !closed.current) done.current(report(all, onScreen.current));
    })();
    return () => {
      cancelled = true;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- one run per opening

  const close = useRef(() => {
    closed.current = true;
    done.current(undefined);
  }).current;
  return { done: lines.length, lines, close };
}
