import type { AppError } from '../runtime/types.js';
import type { Messages } from '../i18n/index.js';
import { stripControl } from '../render/sanitize.js';
import { errorWords } from '../words/errors.js';

export interface IO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  color: boolean;
  /** The catalog for everything written. */
  messages: Messages;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
export const red = (io: IO, s: string) => paint(io.color, '31', s);
export const green = (io: IO, s: string) => paint(io.color, '32', s);
export const yellow = (io: IO, s: string) => paint(io.color, '33', s);
export const dim = (io: IO, s: string) => paint(io.color, '2', s);
export const bold = (io: IO, s: string) => paint(io.color, '1', s);

/** The same text the TUI's error card shows, for stderr. */
export function formatError(io: IO, e: AppError): string {
  const m = io.messages;
  const { message, hint } = errorWords(e, m);
  const detail = e.detail === undefined ? undefined : stripControl(e.detail);
  const lines = [`${red(io, '✖')} ${m.errorCard.headline({ title: m.errorCard.title({ kind: e.kind, status: e.status }), message })}`];
  // The server's message whole, its own lines indented under the first.
  if (detail && !message.includes(detail)) lines.push(dim(io, m.cli.serverSaid({ detail: detail.split('\n').join('\n    ') })));
  lines.push(`  ${bold(io, m.cli.hint)}${hint}`);
  return lines.join('\n') + '\n';
}
