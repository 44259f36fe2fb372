// `openwork-tui sessions …` run as a user would (the built CLI), on a real sessions.db.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openHistory } from '../../src/history/open.js';
import { localTime } from '../../src/history/export.js';
import { parseArgs, UsageError } from '../../src/args.js';
import { runCli } from '../helpers/cli.js';
import { tempHome, type TempHome } from '../helpers/home.js';

let home: TempHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

const WEEK = 7 * 24 * 3600 * 1000;
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { home: home.dir, env });

/** Two sessions: a week-old one about fjords, and today's about bread. */
async function seed() {
  const r = await openHistory({ home: home.dir });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  const s = r.store;
  const now = Date.now();
  const old = s.createSession({ title: 'Norway trip', cwd: '/home/me/travel', now: now - WEEK });
  s.addMessage(old, { role: 'user', text: 'Which fjords can we reach by train?', now: now - WEEK });
  s.addMessage(old, {
    role: 'assistant',
    text: 'The **Nærøyfjord** via the Flåm Railway.',
    model: 'claude-3-5-sonnet',
    connection: 'LiteLLM proxy 127.0.0.1:3000',
    callId: 'litellm-call-7f3',
    inputTokens: 11,
    outputTokens: 9,
    cost: 0.0002,
    now: now - WEEK + 2000,
  });
  const today = s.createSession({ title: 'Sourdough', cwd: '/home/me', now });
  s.addMessage(today, { role: 'user', text: 'How long should the dough rest?', now });
  s.addMessage(today, { role: 'assistant', text: 'About 12 hours, then shape it \x1b[31mcarefully', status: 'interrupted', model: 'claude-3-5-haiku', now: now + 1000 });
  s.close();
  return { old, today, now };
}

describe('openwork-tui sessions', () => {
  it('list: newest first, as a table and as JSON', async () => {
    const { old, today } = await seed();
    const t = await run(['sessions', 'list']);
    expect(t.code).toBe(0);
    const lines = t.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+updated\s+msgs\s+model\s+title$/);
    expect(lines[1]).toMatch(new RegExp(`^${today}\\s+\\S+ \\S+\\s+2\\s+claude-3-5-haiku\\s+Sourdough$`));
    expect(lines[2]).toMatch(new RegExp(`^${old}\\s+.*Norway trip$`));
    const j = await run(['sessions', 'list', '--json']);
    const list = JSON.parse(j.stdout) as { id: number; title: string; updated: string; messages: number }[];
    expect(list.map((x) => [x.id, x.title, x.messages])).toEqual([
      [today, 'Sourdough', 2],
      [old, 'Norway trip', 2],
    ]);
    expect(new Date(list[0]!.updated).getTime()).toBeGreaterThan(new Date(list[1]!.updated).getTime());
  });

  it('search finds a word from a week-old chat, with the hit in a snippet', async () => {
    const { old } = await seed();
    const r = await run(['sessions', 'search', 'fjords', '--json']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as { id: number; snippet: string }[];
    expect(hits.map((h) => h.id)).toEqual([old]);
    expect(hits[0]!.snippet).toContain('Which fjords can we reach');
    const t = await run(['sessions', 'search', 'Flåm']);
    expect(t.stdout).toContain('Norway trip');
    expect(t.stdout).toContain('Flåm Railway');
    const none = await run(['sessions', 'search', 'kayak']);
    expect(none.stdout).toBe('No session matches "kayak".\n');
  });

  it('search finds a word inside Chinese without spaces, in a database written by the previous version', async () => {
    const { default: Database } = await import('better-sqlite3');
    const { MIGRATIONS } = await import('../../src/history/schema.js');
    const db = new Database(join(home.dir, 'sessions.db'));
    db.exec(MIGRATIONS[0]!);
    db.exec(MIGRATIONS[1]!);
    db.pragma('user_version = 2');
    db.prepare("INSERT INTO sessions (title, created, updated) VALUES ('代理', ?, ?)").run(Date.now() - WEEK, Date.now() - WEEK);
    db.prepare("INSERT INTO messages (session_id, role, text, created, updated) VALUES (1, 'assistant', ?, 1, 1)").run('这是LiteLLM代理服务器配置指南。');
    db.close();
    const r = await run(['sessions', 'search', '配置', '--json']);
    expect(r.code).toBe(0);
    const hits = JSON.parse(r.stdout) as { id: number; title: string; snippet: string }[];
    expect(hits.map((h) => [h.id, h.title])).toEqual([[1, '代理']]);
    expect(hits[0]!.snippet).toContain('LiteLLM代理服务器配置指南');
    const t = await run(['sessions', 'search', '服务器配置']);
    expect(t.stdout).toMatch(/^1\s.*代理\n\s+这是LiteLLM代理服务器配置指南。\n$/m);
  });

  it('show prints the transcript with model, time and call id per reply, without control characters', async () => {
    const { old, today, now } = await seed();
    const r = await run(['sessions', 'show', String(old)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Norway trip');
    expect(r.stdout).toContain('## You · ');
    expect(r.stdout).toContain('Which fjords can we reach by train?');
    expect(r.stdout).toContain(`*model: claude-3-5-sonnet · time: ${localTime(now - WEEK + 2000)} · call id: litellm-call-7f3 · tokens 11 in / 9 out · cost $0.0002 · via: LiteLLM proxy 127.0.0.1:3000*`);
    const t = await run(['sessions', 'show', String(today)]);
    expect(t.stdout).toContain('**interrupted**');
    expect(t.stdout).toContain('shape it carefully');
    expect(t.stdout).not.toContain('\x1b');
  });

  it('export writes Markdown or JSON to a file', async () => {
    const { old } = await seed();
    const md = join(home.dir, 'trip.md');
    const r = await run(['sessions', 'export', String(old), '-o', md]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Wrote ${md}\n`);
    expect(readFileSync(md, 'utf8')).toContain('The **Nærøyfjord** via the Flåm Railway.');
    const j = await run(['sessions', 'export', String(old), '--format', 'json']);
    const doc = JSON.parse(j.stdout) as { title: string; messages: { role: string; callId: string | null; cost: number | null }[] };
    expect(doc.title).toBe('Norway trip');
    expect(doc.messages.map((x) => [x.role, x.callId, x.cost])).toEqual([
      ['user', null, null],
      ['assistant', 'litellm-call-7f3', 0.0002],
    ]);
  });

  it('rm deletes one session; an unknown ID says so and exits 1', async () => {
    const { old, today } = await seed();
    const r = await run(['sessions', 'rm', String(old)]);
    expect(r.stdout).toBe(`Removed session ${old} (Norway trip).\n`);
    const list = JSON.parse((await run(['sessions', 'list', '--json'])).stdout) as { id: number }[];
    expect(list.map((x) => x.id)).toEqual([today]);
    const gone = await run(['sessions', 'show', String(old)]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(`no session ${old}`);
  });

  it('no database yet: an empty list', async () => {
    const r = await run(['sessions', 'list']);
    expect(r).toMatchObject({ code: 0, stdout: 'No saved sessions yet.\n' });
    expect(JSON.parse((await run(['sessions', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('a corrupt file: says history is unavailable and why, exit 1, the file untouched', async () => {
    const file = join(home.dir, 'sessions.db');
    writeFileSync(file, 'garbage '.repeat(600));
    const r = await run(['sessions', 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('history unavailable');
    expect(r.stderr).toContain('damaged or not a database');
    expect(readFileSync(file, 'utf8')).toBe('garbage '.repeat(600));
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    await seed();
    const r = await run(['sessions', 'search', 'kayak', '--lang', 'zh-CN']);
    expect(r.stdout).toBe('没有会话包含 "kayak"。\n');
  });
});

describe('argument parsing', () => {
  it('sessions actions, -c and --resume', () => {
    expect(parseArgs(['sessions']).command).toEqual({ kind: 'sessions', action: 'list', json: false });
    expect(parseArgs(['sessions', 'search', 'two', 'words', '--json']).command).toEqual({ kind: 'sessions', action: 'search', query: 'two words', json: true });
    expect(parseArgs(['sessions', 'export', '3', '--format=json', '-o', 'x.json']).command).toEqual({ kind: 'sessions', action: 'export', id: 3, format: 'json', out: 'x.json' });
    expect(parseArgs(['sessions', 'export', '3']).command).toMatchObject({ format: 'md' });
    expect(parseArgs(['-c']).command).toEqual({ kind: 'tui', continue: true });
    expect(parseArgs(['--continue', '--model', 'x']).command).toEqual({ kind: 'tui', continue: true });
    expect(parseArgs(['--resume']).command).toEqual({ kind: 'tui', resume: 'pick' });
    expect(parseArgs(['--resume', '12']).command).toEqual({ kind: 'tui', resume: 12 });
    expect(parseArgs(['--resume=12']).command).toEqual({ kind: 'tui', resume: 12 });
    for (const bad of [['sessions', 'show'], ['sessions', 'show', 'abc'], ['sessions', 'search'], ['sessions', 'export', '1', '--format', 'pdf'], ['sessions', 'frob'], ['-c', '--resume', '2'], ['sessions', 'list', '-o', 'x'], ['models', '-c']]) {
      expect(() => parseArgs(bad), bad.join(' ')).toThrow(UsageError);
    }
  });
});
