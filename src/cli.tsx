// The entry: parses argv, then runs a headless command or the chat (tuiMain.tsx).
// Only light modules are imported up front: --help and --version load no ink, React or SDK, and
// --version no message catalog either.
import { langArg, parseArgs, UsageError, type ParsedArgs } from './args.js';
import type { Lang } from './i18n/lang.js';
import { VERSION } from './version.js';

const EXIT_USAGE = 2;

/** The folders and the language for this run, with the start-up module (loaded here, not up front). */
async function language(env: NodeJS.ProcessEnv, arg: Lang | undefined, profile?: string) {
  const s = await import('./startup.js');
  return { ...(await s.sessionBasics(env, arg, profile)), s };
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    const { m } = await language(env, langArg(argv));
    process.stderr.write(m.cli.usage({ message: err.say(m) }));
    return EXIT_USAGE;
  }
  const { command } = args;
  if (command.kind === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }

  if (command.kind === 'tui') {
    // dist/tui.js, the chat's own bundle (the launcher usually starts it directly: see tuiMain.tsx).
    const { runTuiCommand } = await import('./tuiMain.js');
    return runTuiCommand(args, env);
  }
  const { paths, m, s } = await language(env, args.lang ?? langArg(argv), args.profile); // --help returns before --lang is read
  if (command.kind === 'help') {
    const { helpText } = await import('./help.js');
    process.stdout.write(helpText(VERSION, m)); // allow-console
    return 0;
  }
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const { createFileLogger, routeConsoleToLog, openRuntime, savedModels, modelKey, defaultModel, prefsParamMemory, detectionFile } = s;
  const logger = createFileLogger(paths.logFile, { debug: args.debug, ...(args.verbose ? { echo: (line: string) => process.stderr.write(`${line}
`) } : {}) });
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, color: !noColor && !!process.stdout.isTTY, messages: m };

  if (command.kind === 'logs') {
    const { runLogs } = await import('./commands/logs.js');
    return runLogs(paths.logFile, io, command.follow);
  }
  if (command.kind === 'sessions') {
    const { runSessions } = await import('./commands/sessions.js');
    return runSessions(command, paths.home, io);
  }
  // --profile NAME: its file must exist, except for `config set`, which creates it.
  const usesProfile = command.kind === 'prompt' || command.kind === 'models' || (command.kind === 'doctor' && !command.all) || (command.kind === 'config' && command.action !== 'set');
  const noProfile = usesProfile ? s.missingProfile(paths, args.profile, m) : undefined;
  if (noProfile) {
    process.stderr.write(`${noProfile}\n`);
    return 1;
  }
  if (command.kind === 'config') {
    const { runConfig } = await import('./commands/config.js');
    return runConfig(command, { envPath: paths.envFile, env }, io);
  }

  if (command.kind === 'doctor') {
    // Before the runtime is built: doctor sends every request itself, each with its own time limit.
    const { runDoctorCommand } = await import('./commands/doctor.js');
    const doctorOpts = { envPath: paths.envFile, home: paths.home, env, logger, json: command.json, ...(args.model ? { model: args.model } : {}) };
    if (command.all) {
      const { runDoctorAll } = await import('./commands/doctorAll.js');
      return runDoctorAll(doctorOpts, io);
    }
    return runDoctorCommand(doctorOpts, io);
  }

  // --system, --system-file, --role: read before anything is sent (a missing role sends nothing).
  let start: import('./material/system.js').StartingSystem = {};
  if (command.kind === 'prompt' && (args.system !== undefined || args.systemFile !== undefined || args.role !== undefined)) {
    const { startingSystem } = await import('./material/system.js');
    const got = await startingSystem(args, paths.home, process.cwd(), m);
    if ('problem' in got) {
      process.stderr.write(m.cli.usage({ message: got.problem }));
      return EXIT_USAGE;
    }
    start = got;
  }

  const restoreConsole = routeConsoleToLog(logger);
  // conf (the preferences writer) loads only when a proxy refuses an optional parameter.
  const paramMemory = prefsParamMemory(paths.home, () => import('./settings/prefs.js').then(({ openPrefs }) => openPrefs(paths.home)));
  const opened = openRuntime({ envPath: paths.envFile, env, logger, paramMemory, detectionMemory: detectionFile(paths.home), headless: true });
  if ('unreadable' in opened) {
    restoreConsole();
    process.stderr.write(`✖ ${opened.unreadable(m)}\n`);
    return 1;
  }
  const { runtime } = opened;
  const config = runtime.getState().config;
  const saved = savedModels(paths.home, modelKey(config));

  try {
    switch (command.kind) {
      case 'prompt': {
        // The SDK and the command's modules load side by side, not one after another.
        runtime.warmUp();
        const [{ runPrompt }, { choosePromptModel }] = await Promise.all([import('./commands/prompt.js'), import('./commands/promptModel.js')]);
        const ac = new AbortController();
        const onSigint = () => ac.abort();
        process.once('SIGINT', onSigint);
        try {
          // A setting that was not taken (OPENWORK_TIMEOUT_MS=abc…) is said before sending, not swallowed; an
          // unusable address is the request's own error.
          const problems = config.problems.filter((p) => p !== config.unusableBaseUrl);
          if (problems.length || config.network?.problems.length) {
            const { problemsText } = await import('./commands/config.js');
            process.stderr.write(problemsText(io, { problems, network: config.network }));
          }
          // A role's model counts as named on the command line (--model still wins over it).
          const { model, timedOut, error: listingError } = await choosePromptModel(runtime, io, { arg: args.model ?? start.model, saved: saved.selected, fallback: defaultModel() }, ac.signal);
          if (timedOut || listingError) {
            // The proxy did not answer its model listing within OPENWORK_TIMEOUT_MS (said as the chat request's timeout
            // would be), or nothing accepted the connection: the message would fail the same way.
            const [{ classifyError, exitCodeFor }, { formatError }] = await Promise.all([import('./runtime/errors.js'), import('./commands/io.js')]);
            const s = runtime.getState();
            const error = listingError ?? classifyError({ name: 'TimeoutError' }, { ...(s.config.baseUrl ? { url: s.config.baseUrl } : {}), timeoutMs: s.config.timeoutMs, headless: true })!;
            io.stderr.write(formatError(io, error));
            return exitCodeFor(error.kind);
          }
          const extras = { format: command.format, cwd: process.cwd(), ...(start.system ? { system: start.system } : {}) };
          return await runPrompt(runtime, { ...io, color: !noColor && !!process.stderr.isTTY }, command.text, model, ac.signal, extras);
        } finally {
          process.off('SIGINT', onSigint);
        }
      }
      case 'models': {
        const { runModels } = await import('./commands/models.js');
        return await runModels(runtime.getState, () => runtime.listModels(), io, command.json);
      }
      default: {
        const unhandled: never = command; // every command is handled above
        process.stderr.write(m.cli.notAvailable({ kind: (unhandled as { kind: string }).kind }));
        return 1;
      }
    }
  } finally {
    runtime.close();
    await paramMemory.settled();
    restoreConsole();
  }
}
