// Which language to speak: --lang, the saved choice, or the locale. Tiny and catalog-free, so the
// argument parser can check --lang without loading any words.

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
/** Each language's name in itself (the catalogs' `langName`), for choosing one without loading its catalog. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', 'zh-CN': '简体中文' };
/** What the settings screen offers: a language, or "follow the locale" (nothing saved). */
export type LangChoice = Lang | 'system';

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

