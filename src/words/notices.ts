// The words of the runtime's notices (the status bar's line after a start or a .env reload): the
// runtime reports what happened (RuntimeNotice.fact), these say it in the language on screen now.
import type { ConfigProblem, RuntimeNotice } from '../runtime/types.js';
import { connectionLabel } from '../i18n/connection.js';
import { envReadWords } from '../config/readWords.js';
import { en, type Messages } from '../i18n/en.js';
import { problemWords } from './errors.js';

/** The first problem of a .env (errors before warnings), and how many more there are. */
export function problemText(problems: readonly ConfigProblem[], m: Messages = en): string {
  const errors = problems.filter((p) => !p.warning);
  const list = errors.length ? errors : problems;
  const p = list[0]!;
  return m.notices.problem({ line: p.line, message: problemWords(p, m), more: list.length - 1 });
}

export function noticeWords(notice: Pick<RuntimeNotice, 'fact'>, m: Messages = en): string {
  const f = notice.fact;
  switch (f.id) {
    case 'problems':
      return problemText(f.problems, m);
    case 'unreadable':
      // A file that exists but cannot be read says why in the user's words (no permission, a folder…).
      return f.code ? envReadWords(f.path, { code: f.code })(m) : m.notices.cannotRead({ path: f.path, error: f.error });
    case 'keptPrevious':
      return m.notices.keptPrevious({ problem: problemText(f.problems, m) });
    case 'envFine':
      return m.notices.envFine;
    case 'switched':
      return m.notices.switched({ label: connectionLabel(f.connection, m) });
    case 'network':
      return m.notices.network({ problem: f.problems[0]!, more: f.problems.length - 1 });
  }
}
