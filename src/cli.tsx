// The entry: parses argv, builds the services, then runs a headless command or the TUI.
// Only light modules are imported up front: --help and --version load no ink, React or SDK.
import { parseArgs, UsageError, type ParsedArgs } from './args.js';
import { helpText } from './help.js';
import { VERSION } from './version.js';

const EXIT_USAGE = 2;

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`openwork-tui: ${err.message}\nRun "openwork-tui --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const { command } = args;
  if (command.kind === 'help') {
    process.stdout.write(helpText(VERSION)); // allow-console
    return 0;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }

  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const { resolvePaths } = await import('./settings/paths.js');
  const { createFileLogger } = await import('./runtime/logger.js');
  const paths = resolvePaths(env);
  const logger = createFileLogger(paths.logFile, { debug: args.debug });
  const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, color: !noColor && !!process.stdout.isTTY };

  if (command.kind === 'logs') {
    const { runLogs } = await import('./commands/logs.js');
    return runLogs(paths.logFile, io, command.follow);
  }
  if (command.kind === 'config') {
    const { runConfig } = await import('./commands/config.js');
    return runConfig(command, { envPath: paths.envFile, env }, io);
  }

  if (command.kind === 'doctor') {
    // Before the runtime is built: doctor sends every request itself, each with its own time limit.
    const { runDoctorCommand } = await import('./commands/doctor.js');
    return runDoctorCommand({ envPath: paths.envFile, home: paths.home, env, logger, json: command.json, ...(args.model ? { model: args.model } : {}) }, io);
  }

  const { routeConsoleToLog } = await import('./runtime/console.js');
  const restoreConsole = routeConsoleToLog(logger);
  const { RuntimeService } = await import('./runtime/service.js');
  const runtime = new RuntimeService({ envPath: paths.envFile, env, logger, watch: command.kind === 'tui' });
  const { openPrefs } = await import('./settings/prefs.js');
  const { connectionKey } = await import('./runtime/describe.js');
  const { DEFAULT_MODEL } = await import('./runtime/models.js');
  const prefs = openPrefs(paths.home);
  const config = runtime.getState().config;
  const model = args.model ?? prefs.selectedModel(connectionKey(config)) ?? DEFAULT_MODEL;

  try {
    switch (command.kind) {
      case 'prompt': {
        const { runPrompt } = await import('./commands/prompt.js');
        const ac = new AbortController();
        const onSigint = () => ac.abort();
        process.once('SIGINT', onSigint);
        try {
          return await runPrompt(runtime, { ...io, color: !noColor && !!process.stderr.isTTY }, command.text, model, ac.signal);
        } finally {
          process.off('SIGINT', onSigint);
        }
      }
      case 'models': {
        const { runModels } = await import('./commands/models.js');
        return await runModels(runtime.getState, () => runtime.listModels(), io, command.json);
      }
      case 'tui': {
        const { runTui } = await import('./tui.js');
        const firstRun = !config.fileExists && !config.credential;
        return await runTui({
          runtime,
          model,
          version: VERSION,
          color: !noColor,
          firstRun,
          env,
          recentModels: prefs.recentModels(connectionKey(config)),
          savedModels: (key) => ({ selected: prefs.selectedModel(key), recent: prefs.recentModels(key) }),
          onModelChange: (m) => prefs.selectModel(connectionKey(runtime.getState().config), m),
        });
      }
      default: {
        const unhandled: never = command; // every command is handled above
        process.stderr.write(`openwork-tui: "${(unhandled as { kind: string }).kind}" is not available yet\n`);
        return 1;
      }
    }
  } finally {
    runtime.close();
    restoreConsole();
  }
}
