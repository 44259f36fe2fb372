// `openwork-tui doctor` and `/doctor`: the seed guide's troubleshooting list (is the proxy running,
// is the key right, is the model configured), walked for the user. Six checks in order; a failure
// skips only the checks it makes meaningless; the whole run stays within OPENWORK_TIMEOUT_MS. Every
// failure is classifyError's fact (or modelNotServed's), worded by words/errors.ts, so it reads the
// same as in the TUI and -p. A command shared by the CLI and the chat (state/useDoctor), above the
// runtime: it uses the runtime's probes and words what it finds; the runtime words nothing. No ink/react.
import { networkOf, secretsOf } from '../runtime/config.js';
import { classifyError, exitCodeFor, EXIT } from '../runtime/errors.js';
import type { AppError } from '../runtime/types.js';
import { scrubSecrets } from '../config/secrets.js';
import { safeLine, stripControl } from '../render/sanitize.js';
import type { CheckId, CheckResult, CheckStatus, DoctorInput, Outcome, Run } from './types.js';
import { createRun } from './run.js';
import { checkConfig } from './configCheck.js';
import { checkAddress, checkServer } from './addressChecks.js';
import { checkKey, checkModel, checkRequest } from './apiChecks.js';
import { en, type Messages } from '../i18n/en.js';

export type { CheckId, CheckResult, CheckStatus, DoctorInput } from './types.js';

const MARKS: Record<CheckStatus, string> = { pass: '✔', fail: '✖', warn: '!', skip: '-' };

const CHECKS: [CheckId, (run: Run, input: DoctorInput) => Promise<Outcome>][] = [
  ['config', (_run, input) => checkConfig(input)],
  ['address', checkAddress],
  ['server', checkServer],
  ['key', checkKey],
  ['model', checkModel],
  ['request', checkRequest],
];

/** Runs the six checks in order; `onCheck` sees each result as soon as it is known. */
export async function runDoctor(input: DoctorInput, onCheck?: (r: CheckResult) => void): Promise<CheckResult[]> {
  let helperError: AppError | undefined;
  if (networkOf(input.config).keyHelper && !input.config.keyFromHelper) {
    // The same key the chat would send: the helper's (run here, as the runtime runs it at start).
    try {
      const { withHelperKey } = await import('../runtime/net/keyHelper.js');
      input = { ...input, config: await withHelperKey(input.config, input.env ?? process.env) };
    } catch (err) {
      helperError = classifyError(err);
    }
  }
  const secrets = secretsOf(input.config);
  // Cleaned before the scrub: a control character inside a key must not hide it from the scrub.
  const scrub = (s: string) => scrubSecrets(safeLine(s), secrets);
  input.logger?.setSecrets(secrets);
  const run = createRun(input);
  if (helperError) run.found.helperError = helperError;
  const results: CheckResult[] = [];
  for (const [id, check] of CHECKS) {
    const t = run.now();
    let out: Outcome;
    try {
      out = await check(run, input);
    } catch (err) {
      out = run.classify(err);
    }
    const r: CheckResult = {
      id,
      status: out.status,
      title: scrub(out.title),
      detail: out.detail.map((d) => scrubSecrets(stripControl(d), secrets)), // a proxy's message keeps its lines
      ...(out.fix ? { fix: scrubSecrets(stripControl(out.fix), secrets) } : {}),
      ...(out.status !== 'skip' ? { ms: Math.round(run.now() - t) } : {}),
      ...(out.kind ? { kind: out.kind } : {}),
    };
    results.push(r);
    input.logger?.info(`[Doctor] ${id} ${r.status}: ${r.title}`, { ...(r.detail.length ? { detail: r.detail } : {}), ...(r.fix ? { fix: r.fix } : {}) });
    onCheck?.(r);
  }
  return results;
}

// ---- the checklist, for the CLI and the TUI's /doctor --------------------------------------------

export interface DoctorLine {
  mark: string;
  status: CheckStatus;
  /** "Key: the proxy accepted the key sk-…ster (from ANTHROPIC_API_KEY)" */
  title: string;
  detail: string[];
  fix?: string;
}

/** One entry per check, ready to render: ✔ pass, ✖ fail, ! warning, - skipped. */
export function doctorLines(results: readonly CheckResult[], m: Messages = en): DoctorLine[] {
  return results.map((r) => ({
    mark: MARKS[r.status],
    status: r.status,
    title: m.doctor.titled({ label: m.doctor.labels[r.id], title: r.title }),
    detail: r.detail,
    ...(r.fix ? { fix: r.fix } : {}),
  }));
}

/** The last line: "All 6 checks passed." / "1 check failed: Key. …" */
export function doctorSummary(results: readonly CheckResult[], m: Messages = en): string {
  const count = (status: CheckStatus): number => results.filter((r) => r.status === status).length;
  const warned = count('warn');
  const skipped = count('skip');
  return m.doctor.summary({
    total: results.length,
    passed: results.length - warned - skipped - count('fail'),
    warned,
    skipped,
    failed: results.filter((r) => r.status === 'fail').map((r) => m.doctor.labels[r.id]),
  });
}

/** 0 when nothing failed, else the exit code of the first failure's kind (config → 1). */
export function doctorExitCode(results: readonly CheckResult[]): number {
  const first = results.find((r) => r.status === 'fail');
  return first ? exitCodeFor(first.kind ?? 'unknown') : EXIT.ok;
}
