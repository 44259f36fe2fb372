// The message catalogs and the language choice. No ink/react here: the runtime, settings, commands
// and the UI all take a catalog from this module (passed in, never a module-level "current").
import stringWidth from 'string-width';
import { en, type Messages, type Say } from './en.js';
import { zhCN } from './zh-CN.js';

export { en } from './en.js';
export type { Messages, Say } from './en.js';

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
/** What the settings screen offers: a language, or "follow the locale" (nothing saved). */
export type LangChoice = Lang | 'system';

/** Text made below the UI: a plain string, or words said in whichever language the UI shows. */
export type LazyText = string | Say;

export function resolveText(t: LazyText, m: Messages): string {
  return typeof t === 'string' ? t : t(m);
}

/** Something with an English `message` (logs, tests) that can be said again in the user's language. */
export function localized(x: { message: string; say?: Say | undefined }, m: Messages): string {
  return x.say ? x.say(m) : x.message;
}

export function messagesFor(lang: Lang): Messages {
  return lang === 'zh-CN' ? zhCN : en;
}

/**
 * `zh`, `zh_CN.UTF-8`, `zh-Hans`, `zh_TW` → zh-CN (the one Chinese catalog); `en*`, `C`, `POSIX` → en;
 * anything else → undefined.
 */
export function parseLang(value: string | undefined): Lang | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (/^zh([-_.@]|$)/.test(v)) return 'zh-CN';
  if (/^en([-_.@]|$)/.test(v) || v === 'c' || v === 'posix' || v.startsWith('c.')) return 'en';
  return undefined;
}

export interface LangSources {
  /** --lang */
  arg?: string | undefined;
  /** The saved preference (settings screen). */
  pref?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/**
 * --lang, then the saved preference, then the locale: the first of LC_ALL, LC_MESSAGES and LANG
 * that is set (POSIX order). Chinese for `zh*`, English otherwise.
 */
export function detectLang({ arg, pref, env = {} }: LangSources): Lang {
  const chosen = parseLang(arg) ?? parseLang(pref);
  if (chosen) return chosen;
  return envLang(env);
}

/** The language the locale variables ask for (what "System" means in the settings). */
export function envLang(env: NodeJS.ProcessEnv): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v.trim() !== '');
  return parseLang(locale) === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Terminal columns a string takes (CJK and emoji are two). */
export function textWidth(s: string): number {
  return stringWidth(s);
}

/** Pads with spaces to `width` terminal columns (never cuts). */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(s))) + s;
}
