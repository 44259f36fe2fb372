// openwork-tui doctor [--json]: the checklist, one check per line as it finishes, a fix under each
// failure, and a summary; exit code of the first failure's kind.
import type { Logger } from '../runtime/logger.js';
import type { CheckResult } from '../doctor/index.js';
import { doctorExitCode, doctorLines, doctorSummary, runDoctor } from '../doctor/index.js';
import { loadConfig } from '../runtime/loadConfig.js';
import { modelKey } from '../runtime/describe.js';
import { defaultModel } from '../config/modelLife.js';
import { EXIT } from '../runtime/errors.js';
import { en } from '../i18n/index.js';
import { bold, dim, green, red, yellow, type IO } from './io.js';
import { safeJson } from '../render/sanitize.js';

export interface DoctorCommandOptions {
  envPath: string;
  home: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  /** --model; otherwise the last one picked for this connection, else the default. */
  model?: string;
  json: boolean;
}

export function renderCheck(io: IO, r: CheckResult): string {
  const m = io.messages;
  const line = doctorLines([r], m)[0]!;
  const paint = r.status === 'pass' ? green : r.status === 'fail' ? red : r.status === 'warn' ? yellow : dim;
  // Network checks show how long they took (the request's own timings are in its title).
  const timed = r.id === 'address' || r.id === 'server' || r.id === 'key';
  const ms = timed && r.ms !== undefined && r.status !== 'skip' ? dim(io, `  (${r.ms} ms)`) : '';
  const out = [`${paint(io, line.mark)} ${r.status === 'skip' ? dim(io, line.title) : line.title}${ms}`];
  for (const d of line.detail) out.push(dim(io, `    ${d}`));
  if (line.fix) out.push(`    ${bold(io, r.status === 'fail' ? m.doctor.fix : m.doctor.tip)}${line.fix}`);
  return out.join('\n') + '\n';
}

export async function runDoctorCommand(opts: DoctorCommandOptions, io: IO): Promise<number> {
  // --json is for scripts: its text stays English whatever the language.
  const m = opts.json ? en : io.messages;
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(opts.envPath, opts.env);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    const r: CheckResult = {
      id: 'config',
      status: 'fail',
      kind: 'config',
      title: m.doctor.cannotRead({ path: opts.envPath, code }),
      detail: [],
      fix: m.doctor.cannotReadFix({ path: opts.envPath }),
    };
    io.stdout.write(opts.json ? safeJson(JSON.stringify({ ok: false, checks: [r] }, null, 2)) + '\n' : renderCheck(io, r));
    return EXIT.other;
  }
  const { config, text } = loaded;
  let model = opts.model;
  let modelFrom: 'arg' | 'saved' | 'default' = 'arg';
  if (!model) {
    const { openPrefs } = await import('../settings/prefs.js');
    model = openPrefs(opts.home).selectedModel(modelKey(config));
    modelFrom = 'saved';
  }
  if (!model) {
    model = defaultModel();
    modelFrom = 'default';
  }
  if (!opts.json) io.stdout.write(`${bold(io, 'openwork-tui doctor')} ${dim(io, m.doctor.header({ envPath: opts.envPath, model, from: modelFrom }))}\n\n`);
  const { prefsParamMemory } = await import('../settings/paramMemory.js');
  const paramMemory = prefsParamMemory(opts.home, () => import('../settings/prefs.js').then(({ openPrefs }) => openPrefs(opts.home)));
  const checks = await runDoctor(
    { config, ...(text !== undefined ? { envText: text } : {}), env: opts.env, model, logger: opts.logger, messages: m, paramMemory, headless: true, modelChosen: modelFrom !== 'default' },
    opts.json ? undefined : (r) => io.stdout.write(renderCheck(io, r)),
  );
  await paramMemory.settled();
  const code = doctorExitCode(checks);
  if (opts.json) io.stdout.write(safeJson(JSON.stringify({ ok: code === EXIT.ok, model, checks }, null, 2)) + '\n');
  else {
    const summary = doctorSummary(checks, m);
    io.stdout.write(`\n${code === EXIT.ok ? green(io, summary) : red(io, summary)}\n`);
  }
  return code;
}
