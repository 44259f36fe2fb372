// The chat (the command with no subcommand), bundled as dist/chat.js: one script, compiled with a
// code cache and run by dist/tui.js, which holds Ink and React (src/chatLoader.ts). What the chat
// needs after its first frame (src/screens.ts) is in that script but runs only when first imported.
// The SDK adapters, conf and the Chinese catalog load when first needed, from the CLI's build
// (scripts/buildOptions.mjs).
import { join } from 'node:path';
import { parseArgs, type ParsedArgs } from './args.js';
import { missingProfile, modelKey, createFileLogger, defaultModel, detectionFile, openRuntime, prefsParamMemory, routeConsoleToLog, savedModels, sessionBasics } from './startup.js';
import { runTui } from './tui.js';
import { capHeapGrowthWhenGrown } from './runtime/heapPolicy.js';
import { loadMarkdown } from './render/lazyMarkdown.js';
import { VERSION } from './version.js';
import { SessionRecorder } from './history/recorder.js';
import { historyOffByEnv } from './history/problem.js';
import { savedHistory } from './settings/prefsFile.js';
import { connectionLabel } from './i18n/connection.js';
import type { ResumeRequest } from './state/useSessions.js';
import type { Command } from './args.js';
import type { CodeCache } from './codeCache.js';

let codeCache: CodeCache | undefined;
/** The cache this code was compiled with (dist/tui.js sets it: src/chatLoader.ts); saved after the first frame. */
export function setCodeCache(cache: CodeCache): void {
  codeCache = cache;
}

/** After the first frame: a missing or refused code cache is made from what that frame compiled. */
function saveCodeCache(log: { info(m: string): void; warn(m: string): void }): void {
  if (!codeCache || codeCache.state === 'used' || codeCache.state === 'off') return;
  const problem = codeCache.save();
  if (problem) log.warn(`[Startup] code cache not saved (${codeCache.file}): ${problem}`);
  else log.info(`[Startup] code cache ${codeCache.state === 'none' ? 'made' : `replaced (${codeCache.state})`}: ${codeCache.file}`);
}

/** --continue / --resume [ID] → what the chat brings back once the database is open. */
function resumeRequest(c: Command): ResumeRequest | undefined {
  if (c.kind !== 'tui') return undefined;
  if (c.continue) return { kind: 'continue' };
  if (c.resume === 'pick') return { kind: 'pick' };
  if (typeof c.resume === 'number') return { kind: 'id', id: c.resume };
  return undefined;
}

/**
 * The launcher's way in when argv holds only the chat's options (bin/openwork-tui.cjs): the chat
 * starts without loading the CLI at all. Anything else, a usage error included, goes to the CLI.
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: ParsedArgs | undefined;
  try {
    args = parseArgs(argv);
  } catch {
    // worded by the CLI, in the user's language
  }
  if (args?.command.kind === 'tui') return runTuiCommand(args, env);
  const cli = await import('./cli.js');
  return cli.main(argv, env);
}

export async function runTuiCommand(args: ParsedArgs, env: NodeJS.ProcessEnv): Promise<number> {
  // -c / --resume ID read the session before the first frame (below): the file with the database
  // code and the Markdown renderer is read from disk meanwhile.
  if (args.command.kind === 'tui' && (args.command.continue || typeof args.command.resume === 'number')) void import('./screens.js').catch(() => {});
  const { paths, lang, saved: savedLang, m } = await sessionBasics(env, args.lang, args.profile);
  const noProfile = missingProfile(paths, args.profile, m);
  if (noProfile) {
    process.stderr.write(`${noProfile}\n`);
    return 1;
  }
  // --system, --system-file, --role: read only when given (nothing is loaded for them otherwise).
  let start: { system?: string; role?: string; model?: string } = {};
  if (args.system !== undefined || args.systemFile !== undefined || args.role !== undefined) {
    const { startingSystem } = await import('./material/lazy.js');
    const got = await startingSystem(args, paths.home, process.cwd(), m);
    if ('problem' in got) {
      process.stderr.write(m.cli.usage({ message: got.problem }));
      return 2;
    }
    start = got;
  }
  const logger = createFileLogger(paths.logFile, { debug: args.debug });

  // conf (the preferences writer) loads on the first change, not at start-up.
  let writer: Promise<import('./settings/prefs.js').Prefs> | undefined;
  const prefs = () => (writer ??= import('./settings/prefs.js').then(({ openPrefs }) => openPrefs(paths.home)));

  const restoreConsole = routeConsoleToLog(logger);
  let stopHeapWatch: (() => void) | undefined;
  // The proxy is probed, and .env watched, after the first frame.
  const paramMemory = prefsParamMemory(paths.home, prefs);
  const opened = openRuntime({ envPath: paths.envFile, env, logger, watch: true, deferStart: true, paramMemory, detectionMemory: detectionFile(paths.home) });
  if ('unreadable' in opened) {
    // Before the first frame: a plain line on stderr, as for a usage error.
    restoreConsole();
    process.stderr.write(`✖ ${opened.unreadable(m)}\n`);
    return 1;
  }
  const { runtime } = opened;
  // Every turn is saved in $OPENWORK_HOME/sessions.db, opened (with its native module) after the first frame.
  const historyOff = historyOffByEnv(env);
  const dbFile = join(paths.home, 'sessions.db');
  const recorder = new SessionRecorder({
    open: historyOff
      ? () => Promise.resolve({ ok: false as const, problem: { kind: 'off' as const }, path: dbFile })
      : () => import('./screens.js').then((h) => h.openHistory({ home: paths.home })),
    cwd: process.cwd(),
    connection: () => connectionLabel(runtime.getState().connection),
    log: (line) => logger.warn(line),
  });
  if (historyOff || savedHistory(paths.home) === false) recorder.setEnabled(false);
  recorder.setSystem(start.system, start.role); // a new session starts with --system/--role
  const resume = resumeRequest(args.command);
  // -c / --resume ID: the first usable frame is that session, so it is read before the first frame
  // (database, Markdown renderer, its messages) and the first frame shows it. A fresh start (and the
  // picker) opens the database after its first frame.
  const resumed = resume && resume.kind !== 'pick' && !historyOff ? await import('./screens.js').then((l) => l.sessionAtStart(recorder, resume, process.cwd(), start)) : undefined;
  // The session's system prompt and role come back with it, unless this run was started with its own.
  const system = resumed && !(start.system || start.role) ? { system: resumed.system, role: resumed.role } : start;
  const code = await (async () => {
    try {
      const config = runtime.getState().config;
      const saved = savedModels(paths.home, modelKey(config));
      return await runTui(
        {
          runtime,
          model: args.model ?? start.model ?? saved.selected ?? defaultModel(),
          ...(system.system ? { system: system.system } : {}),
          ...(system.role ? { role: system.role } : {}),
          version: VERSION,
          color: env.NO_COLOR === undefined || env.NO_COLOR === '',
          firstRun: !config.fileExists && !config.credential,
          env,
          recentModels: saved.recent,
          savedModels: (key) => savedModels(paths.home, key),
          onModelChange: (name) => {
            const key = modelKey(runtime.getState().config);
            void prefs().then((p) => p.selectModel(key, name));
          },
          // --lang is for this run only; a choice made in the settings is kept.
          lang,
          langChoice: args.lang ?? savedLang ?? 'system',
          modelChosen: args.model !== undefined || start.model !== undefined || saved.selected !== undefined,
          requestLog: {
            file: paths.logFile,
            toggle: () => {
              logger.setDebug(!logger.debugEnabled);
              return logger.debugEnabled;
            },
          },
          onLangChange: (choice) => void prefs().then((p) => p.setLang(choice === 'system' ? undefined : choice)),
          recorder,
          ...(resumed ? { resumed } : resume ? { resume } : {}),
          onHistoryChange: (on) => void prefs().then((p) => p.setHistory(on)),
        },
        () => {
          runtime.start();
          void recorder.open();
          stopHeapWatch = capHeapGrowthWhenGrown();
          loadMarkdown().catch(() => {}); // a reply tries again, and shows an error card (and logs why) if it still fails
          saveCodeCache(logger);
        },
      );
    } finally {
      recorder.close();
      stopHeapWatch?.();
      runtime.close();
      await paramMemory.settled();
      restoreConsole();
    }
  })();
  // The chat is closed and its last frame written (a terminal's writes are synchronous): a request still
  // waiting on a proxy that never answers must not keep the process alive (Ctrl+C twice exits at once).
  setTimeout(() => process.exit(code), 50).unref();
  return code;
}
