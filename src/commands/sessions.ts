// openwork-tui sessions list|search|show|export|rm: the saved conversations, from the command line.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SessionsCommand } from '../args.js';
import { openHistory } from '../history/open.js';
import { problemText } from '../history/problem.js';
import { localTime, summaryJson, toJson, toMarkdown } from '../history/export.js';
import type { SearchHit, SessionSummary } from '../history/store.js';
import { padEnd, textWidth } from '../i18n/width.js';
import { stripControl } from '../render/sanitize.js';
import { bold, dim, type IO } from './io.js';

function table(rows: (SessionSummary | SearchHit)[], io: IO): string {
  const c = io.messages.history.cli.columns;
  const head = [c.id, c.updated, c.messages, c.model, c.title];
  const cells = rows.map((r) => [String(r.id), localTime(r.updated, false), String(r.messages), stripControl(r.model ?? '—'), stripControl(r.title)]);
  const widths = head.map((h, i) => Math.max(textWidth(h), ...cells.map((row) => textWidth(row[i]!))));
  const line = (row: string[]) => row.map((cell, i) => (i === row.length - 1 ? cell : padEnd(cell, widths[i]!))).join('  ');
  const out = [bold(io, line(head))];
  rows.forEach((r, i) => {
    out.push(line(cells[i]!));
    if ('snippet' in r && r.snippet.length) out.push(dim(io, `    ${r.snippet.map((p) => (p.hit ? bold(io, stripControl(p.text)) : stripControl(p.text))).join('')}`));
  });
  return out.join('\n') + '\n';
}

export async function runSessions(cmd: SessionsCommand, home: string, io: IO): Promise<number> {
  const m = io.messages;
  const opened = await openHistory({ home });
  if (!opened.ok) {
    io.stderr.write(m.history.cli.unavailable({ why: problemText(opened.problem, opened.path, m) }));
    return 1;
  }
  const store = opened.store;
  try {
    if (cmd.action === 'search') store.finishBackfill(); // an old database's messages, all searchable first
    switch (cmd.action) {
      case 'list':
      case 'search': {
        const rows: (SessionSummary | SearchHit)[] = cmd.action === 'list' ? store.list() : store.search(cmd.query, 100);
        if (cmd.json) {
          const json = rows.map((r) => ({ ...summaryJson(r), ...('snippet' in r ? { snippet: r.snippet.map((p) => p.text).join('').trim() } : {}) }));
          io.stdout.write(JSON.stringify(json, null, 2) + '\n');
        } else if (rows.length === 0) io.stdout.write(cmd.action === 'list' ? m.history.cli.empty : m.history.cli.noMatch({ query: cmd.query }));
        else io.stdout.write(table(rows, io));
        return 0;
      }
      case 'show':
      case 'export': {
        const s = store.session(cmd.id);
        if (!s) {
          io.stderr.write(m.history.cli.notFound({ id: cmd.id }));
          return 1;
        }
        const msgs = store.messages(s.id);
        const text = cmd.action === 'export' && cmd.format === 'json' ? JSON.stringify(toJson(s, msgs), null, 2) + '\n' : toMarkdown(s, msgs, m);
        if (cmd.action === 'export' && cmd.out !== undefined && cmd.out !== '-') {
          const path = resolve(cmd.out);
          writeFileSync(path, text, { mode: 0o600 });
          io.stderr.write(m.history.cli.written({ path }));
        } else io.stdout.write(text);
        return 0;
      }
      case 'rm': {
        const s = store.session(cmd.id);
        if (!s || !store.remove(cmd.id)) {
          io.stderr.write(m.history.cli.notFound({ id: cmd.id }));
          return 1;
        }
        io.stdout.write(m.history.cli.removed({ id: s.id, title: stripControl(s.title) }));
        return 0;
      }
    }
  } finally {
    store.close();
  }
}
