// The message catalogs and the language choice. No ink/react here: the runtime, settings, commands
// and the UI all take a catalog from this module (passed in, never a module-level "current").
// Terminal widths are in width.ts: string-width costs ~40 ms to load, which `-p` does not need.
import { en, type Messages, type Say } from './en.js';
import type { Lang } from './lang.js';

export { en } from './en.js';
export type { Messages, Say } from './en.js';

export { LANG_NAMES, detectLang, envLang, parseLang, type Lang, type LangChoice, type LangSources } from './lang.js';

/** Text made below the UI: a plain string, or words said in whichever language the UI shows. */
export type LazyText = string | Say;

export function resolveText(t: LazyText, m: Messages): string {
  return typeof t === 'string' ? t : t(m);
}

/** Something with an English `message` (logs, tests) that can be said again in the user's language. */
export function localized(x: { message: string; say?: Say | undefined }, m: Messages): string {
  return x.say ? x.say(m) : x.message;
}

let zhCN: Messages | undefined;

/**
 * The catalog for `lang`, loading it first if needed. English is always there; the Chinese one is a
 * file of its own (~40 KB the app need not read at start-up unless it speaks Chinese).
 */
export async function loadMessages(lang: Lang): Promise<Messages> {
  if (lang === 'zh-CN') zhCN ??= (await import('./zh-CN.js')).zhCN;
  return messagesFor(lang);
}

/** The catalog for `lang`, which loadMessages() has loaded (English always is). */
export function messagesFor(lang: Lang): Messages {
  if (lang === 'en') return en;
  if (!zhCN) throw new Error(`the ${lang} catalog is not loaded (loadMessages first)`);
  return zhCN;
}
