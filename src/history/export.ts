// A saved session as Markdown (for people: /export, `sessions export`, `sessions show`) or JSON (for
// scripts). Pure: the session and its messages in, text out. Control characters are removed from
// everything a server or a user wrote, so the output is safe to print to a terminal.
import type { Messages } from '../i18n/index.js';
import type { ErrorKind } from '../runtime/types.js';
import { stripControl } from '../render/sanitize.js';
import type { SessionSummary, StoredMessage } from './store.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, e.g. 2026-12-07 14:05:09 (seconds left out when `seconds` is false). */
export function localTime(ms: number, seconds = true): string {
  const d = new Date(ms);
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}${seconds ? `:${pad(d.getSeconds())}` : ''}`;
}

/** An error kind as the error card names it (a kind this version does not know: as stored). */
export function errorTitle(kind: string | null, m: Messages): string {
  return m.errorCard.title({ kind: (kind ?? 'unknown') as ErrorKind }) ?? kind ?? '';
}

function replyLine(msg: StoredMessage, m: Messages): string {
  const d = m.history.doc;
  const parts: string[] = [];
  if (msg.model) parts.push(`${d.model}: ${stripControl(msg.model)}`);
  parts.push(`${d.time}: ${localTime(msg.created)}`);
  if (msg.callId) parts.push(`${d.callId}: ${stripControl(msg.callId)}`);
  if (msg.inputTokens !== null || msg.outputTokens !== null) parts.push(d.tokens({ input: msg.inputTokens ?? '?', output: msg.outputTokens ?? '?' }));
  if (msg.cost !== null) parts.push(d.cost({ cost: msg.cost }));
  if (msg.connection) parts.push(`${d.connection}: ${stripControl(msg.connection)}`);
  const status =
    msg.status === 'interrupted'
      ? d.status.interrupted
      : msg.status === 'failed'
        ? d.status.failed({ title: errorTitle(msg.errorKind, m) })
        : msg.status === 'streaming'
          ? d.status.streaming
          : msg.stopReason === 'max_tokens'
            ? d.status.max_tokens
            : undefined;
  if (status) parts.push(`**${status}**`);
  return `*${parts.join(' · ')}*`;
}

export function toMarkdown(session: SessionSummary, messages: readonly StoredMessage[], m: Messages): string {
  const d = m.history.doc;
  const out: string[] = [`# ${stripControl(session.title).replace(/\n/g, ' ') || d.session({ id: session.id })}`, ''];
  const meta = [d.session({ id: session.id }), `${d.started}: ${localTime(session.created, false)}`, `${d.updated}: ${localTime(session.updated, false)}`];
  if (session.cwd) meta.push(`${d.folder}: \`${stripControl(session.cwd)}\``);
  out.push(meta.join(' · '), '');
  for (const msg of messages) {
    if (msg.role === 'user') {
      out.push(`## ${d.user} · ${localTime(msg.created)}`, '', stripControl(msg.text), '');
    } else {
      out.push(`## ${d.assistant}`, '', replyLine(msg, m), '');
      if (msg.text.trim() !== '') out.push(stripControl(msg.text), '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One session for `sessions list --json` / `search --json`. */
export function summaryJson(s: SessionSummary) {
  return { id: s.id, title: s.title, updated: iso(s.updated), created: iso(s.created), messages: s.messages, model: s.model, cwd: s.cwd };
}

export function toJson(session: SessionSummary, messages: readonly StoredMessage[]) {
  return {
    ...summaryJson(session),
    systemPrompt: session.systemPrompt,
    role: session.role,
    messages: messages.map((msg) => ({
      id: msg.id,
      role: msg.role,
      text: msg.text,
      status: msg.status,
      errorKind: msg.errorKind,
      stopReason: msg.stopReason,
      model: msg.model,
      connection: msg.connection,
      callId: msg.callId,
      inputTokens: msg.inputTokens,
      outputTokens: msg.outputTokens,
      cost: msg.cost,
      created: iso(msg.created),
      updated: iso(msg.updated),
    })),
  };
}

/** /export's default file name, e.g. openwork-session-12-2026-12-07-1405.md. */
export function exportFileName(session: SessionSummary): string {
  return `openwork-session-${session.id}-${localTime(session.updated, false).replace(/[ :]/g, '-').replace(/-(\d\d)$/, '$1')}.md`;
}
