// The runtime reports a failure as a fact; tests read it as the user does, worded by
// src/words/errors.ts (message and hint, and `say` for another language).
import type { AppError } from '../../src/runtime/types.js';
import { errorWords, type ErrorWords } from '../../src/words/errors.js';
import { en, type Messages } from '../../src/i18n/en.js';

export type Worded = AppError & ErrorWords & { say(m: Messages): ErrorWords };

export function worded(e: AppError, m?: Messages): Worded;
export function worded(e: AppError | undefined, m?: Messages): Worded | undefined;
export function worded(e: AppError | undefined, m: Messages = en): Worded | undefined {
  return e && { ...e, ...errorWords(e, m), say: (mm: Messages) => errorWords(e, mm) };
}
