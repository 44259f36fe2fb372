// The words of a failure: what went wrong and what to do, from the fact the runtime reported. The
// chat's card, the picker, `-p` and `doctor` all word it here, so they say the same.
import type { AppError, ConfigProblem } from '../runtime/types.js';
import type { ErrorFact } from '../runtime/errorFact.js';
import { formatUsd } from '../runtime/usage/ledger.js';
import { stripControl } from '../render/sanitize.js';
import { en, type Messages } from '../i18n/en.js';

export interface ErrorWords {
  /** One line: what went wrong. */
  message: string;
  /** One line: what to do about it. */
  hint: string;
}

/** A config problem (a .env line) in the user's language. */
export const problemWords = (p: ConfigProblem, m: Messages): string => p.say?.(m) ?? p.message;

/** The hint for a key that was not read because its .env line is malformed. */
const unreadKeyHint = (p: ConfigProblem, m: Messages): string => m.errors.unreadKey({ line: p.line, key: p.key ?? 'ANTHROPIC_API_KEY', problem: problemWords(p, m) });

const usd = (v: number | undefined): string | undefined => (v === undefined ? undefined : formatUsd(v));

function words(f: ErrorFact, m: Messages): ErrorWords {
  const e = m.errors;
  const host = 'host' in f ? (f.host ?? e.theServer) : e.theServer;
  const paramHint = (param: string | undefined, proxy: boolean, otherwise: string): string => (param !== undefined ? e.unsupportedParam.hint({ param, proxy }) : otherwise);
  switch (f.id) {
    case 'notTheApiPage':
      return { message: e.notTheApi.page({ host, contentType: f.contentType }), hint: e.notTheApi.hint };
    case 'notTheApiJson':
      return { message: e.notTheApi.notJson({ host, start: JSON.stringify(f.start) }), hint: e.notTheApi.hint };
    case 'notTheApi':
      return { message: e.notTheApi.message({ host, status: f.status }), hint: e.notTheApi.hint };
    case 'timeout':
      return { message: e.timeout.message({ host, timeoutMs: f.timeoutMs }), hint: e.timeout.hint };
    case 'webPage':
      return { message: e.webPage.message({ host, server: f.server }), hint: e.webPage.hint };
    case 'auth':
      return { message: e.auth.message(f), hint: f.unread ? unreadKeyHint(f.unread, m) : e.auth.hint(f) };
    case 'model':
      return { message: e.model.message({ ...f, host }), hint: e.model.hint(f) };
    case 'budget':
      return { message: e.budget.message({ host, spent: usd(f.spent), limit: usd(f.limit) }), hint: e.budget.hint({ resetAt: f.resetAt }) };
    case 'rateLimit':
      return { message: e.rateLimit.message({ host, after: f.after }), hint: e.rateLimit.hint };
    case 'server':
      return { message: e.server.message({ host, status: f.status, detail: f.detail }), hint: paramHint(f.param, f.proxy, e.server.hint) };
    case 'badRequest':
      return { message: e.badRequest.message({ status: f.status, detail: f.detail }), hint: paramHint(f.param, f.proxy, e.badRequest.hint) };
    case 'headersTooLarge':
      return { message: e.headersTooLarge.message({ host }), hint: e.headersTooLarge.hint };
    case 'bodyTooLarge':
      return { message: e.bodyTooLarge.message({ host }), hint: e.bodyTooLarge.hint };
    case 'caFile':
      return { message: e.caFile.message(f), hint: e.caFile.hint(f) };
    case 'tlsUnknownCa':
      return { message: e.tlsUnknownCa.message({ host, code: f.code }), hint: f.caVar ? e.tlsCaFileSet.hint({ caVar: f.caVar }) : e.tlsUnknownCa.hint };
    case 'httpToTls':
      return { message: e.httpToTls.message({ host }), hint: e.httpToTls.hint };
    case 'badPort':
      return { message: e.badPort.message({ host }), hint: e.badPort.hint };
    case 'connectLimit':
      return { message: e.connectLimit.message({ where: f.where ?? e.theServer, ms: f.ms }), hint: e.connectLimit.hint };
    case 'timedOut':
      return { message: e.timedOut.message({ host, code: f.code }), hint: e.timedOut.hint };
    case 'tlsPlain':
    case 'tlsCert':
      return { message: e[f.id].message({ host, code: f.code }), hint: e[f.id].hint };
    case 'unreachable':
      return { message: e.unreachable.message({ where: f.where ?? e.theServer, code: f.code, why: f.why }), hint: e.unreachable.hint({ dns: f.dns }) };
    case 'unknown':
      return { message: e.unknown.message({ text: f.text }), hint: e.unknown.hint };
    case 'streamCut':
      return { message: e.streamCut.message({ host: f.host }), hint: e.streamCut.hint };
    case 'stalled':
      return { message: e.stalled.message({ host: f.host, timeoutMs: f.timeoutMs }), hint: e.stalled.hint };
    case 'unusableAddress':
      return { message: e.unusableAddress.message({ line: f.problem.line, problem: problemWords(f.problem, m) }), hint: e.unusableAddress.hint };
    case 'keyHelper':
      return { message: e.keyHelper.message(f), hint: e.keyHelper.hint };
    case 'noKey':
      return { message: e.noKey.message, hint: f.unread ? unreadKeyHint(f.unread, m) : e.noKey.hint };
    case 'unexpected':
      return { message: e.unexpected.message, hint: e.unexpected.hint };
    case 'noImages':
      return { message: m.material.noImages(f), hint: f.viaProxy ? m.material.noImagesHintProxy(f) : m.material.noImagesHint };
    case 'listingFailed':
      return { message: f.text, hint: e.listingFailed.hint };
  }
}

/** The message and hint of a failure in `m` (English when not given), cleaned for a terminal. */
export function errorWords(err: Pick<AppError, 'fact'>, m: Messages = en): ErrorWords {
  const w = words(err.fact, m);
  return { message: stripControl(w.message), hint: stripControl(w.hint) };
}
