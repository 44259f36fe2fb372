// What every command but --version needs at start. The headless commands load it as one dynamic
// import; the chat's script (dist/chat.js) has it inside.
import { detectLang, loadMessages, messagesFor, parseLang, type Lang } from './i18n/index.js';
import { resolvePaths } from './settings/paths.js';
import { savedLang } from './settings/prefsFile.js';
import { existsSync } from 'node:fs';
import { listProfiles } from './config/profiles.js';
import type { Messages } from './i18n/en.js';

export { savedModels } from './settings/prefsFile.js';
export { prefsParamMemory } from './settings/paramMemory.js';
export { detectionFile } from './settings/detectedFile.js';
export { createFileLogger } from './runtime/logger.js';
export { routeConsoleToLog } from './runtime/console.js';
export { RuntimeService } from './runtime/service.js';
import { RuntimeService } from './runtime/service.js';
import type { RuntimeOptions } from './runtime/serviceOptions.js';
import { EnvReadError } from './runtime/loadConfig.js';
import { envReadWords } from './config/readWords.js';
import type { Say } from './i18n/en.js';
export { connectionKey, modelKey } from './runtime/describe.js';
/** The model when none was chosen (--model, or picked before for this connection): see config/modelLife.ts. */
export { defaultModel } from './config/modelLife.js';

/** The folders, and the language for this run: --lang, else the one saved in the settings, else the locale (LC_ALL, LC_MESSAGES, LANG). */
export async function sessionBasics(env: NodeJS.ProcessEnv, arg: Lang | undefined, profile?: string) {
  const paths = resolvePaths(env, profile);
  const saved = parseLang(savedLang(paths.home));
  const wanted = detectLang({ arg, pref: saved, env });
  // A catalog that cannot load (a broken install) must not stop the app: English is built in.
  const lang = await loadMessages(wanted).then(
    () => wanted,
    (): Lang => 'en',
  );
  return { paths, lang, saved, m: messagesFor(lang) };
}

/**
 * The runtime, or, when .env exists but cannot be read (no permission, a folder, an I/O error), the
 * words naming it and what to do: the caller prints them and exits 1 (never "unexpected error").
 */
export function openRuntime(opts: RuntimeOptions): { runtime: RuntimeService } | { unreadable: Say } {
  try {
    return { runtime: new RuntimeService(opts) };
  } catch (err) {
    if (err instanceof EnvReadError) return { unreadable: envReadWords(err.path, err) };
    throw err;
  }
}

/** --profile NAME whose file does not exist: what to say (the profiles there are, how to create it). */
export function missingProfile(paths: { home: string; envFile: string }, profile: string | undefined, m: Messages): string | undefined {
  if (profile === undefined || existsSync(paths.envFile)) return undefined;
  return m.profiles.missing({ name: profile, path: paths.envFile, known: listProfiles(paths.home) });
}
