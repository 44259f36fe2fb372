// Text made below the UI (config problems, validation, model checks): the English words for logs
// and tests, and `say` for the words in the user's language.
import { en, type Say } from './en.js';

export interface Said {
  message: string;
  say: Say;
}

export function said(say: Say): Said {
  return { message: say(en), say };
}

/** An Error whose message can be said in the user's language (e.g. a .env edit that cannot be made). */
export class SaidError extends Error {
  readonly say: Say;
  constructor(say: Say) {
    super(say(en));
    this.say = say;
  }
}

/** The words of any thrown value: a SaidError's own, else its English message. */
export function thrownWords(err: unknown): { message: string; say?: Say } {
  if (err instanceof SaidError) return { message: err.message, say: err.say };
  return { message: err instanceof Error ? err.message : String(err) };
}
