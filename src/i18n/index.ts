// The message catalogs and the language choice. No ink/react here: the runtime, settings, commands
// and the UI all take a catalog from this module (passed in, never a module-level "current").
import stringWidth from 'string-width';
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

/** Terminal columns a string takes (CJK and emoji are two). */
export function textWidth(s: string): number {
  return stringWidth(s);
}

/** Pads with spaces to `width` terminal columns (never cuts). */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `s` cut to at most `width` terminal cells, ending in "…" when cut. Used before Ink's own
 * truncation, which can overshoot by a cell when it cuts through a wide (CJK) character — and a
 * line one cell too wide wraps, breaking the layout below it.
 */
export function fit(s: string, width: number): string {
  return stringWidth(s) <= width ? s : cut(s, width);
}

/** `s` shortened to `width - 1` cells and "…" (something after it was left out). */
function cut(s: string, width: number): string {
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(s)) {
    const w = stringWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Consecutive pieces of one line (each drawn in its own colour) cut together to `width` cells. */
export function fitParts<T extends { text: string }>(parts: readonly T[], width: number): T[] {
  const out: T[] = [];
  let left = width;
  for (const [i, part] of parts.entries()) {
    const w = stringWidth(part.text);
    const rest = parts.slice(i + 1).reduce((n, p) => n + stringWidth(p.text), 0);
    if (w + rest <= left) return [...out, ...parts.slice(i)];
    if (w >= left) return [...out, { ...part, text: cut(part.text, left) }];
    out.push(part);
    left -= w;
  }
  return out;
}
