// Two app processes writing to one sessions.db at the same time: both keep everything (WAL, a busy
// timeout, short IMMEDIATE transactions). Real processes, a real file.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { openHistory } from '../../src/history/open.js';
import { tempHome, type TempHome } from '../helpers/home.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.tmp', `history-writer-${process.pid}`);
let home: TempHome;

beforeAll(async () => {
  home = tempHome();
  mkdirSync(OUT, { recursive: true });
  // The store as the app bundles it (better-sqlite3 stays external, found in node_modules).
  await build({ entryPoints: { open: join(ROOT, 'src/history/open.ts') }, outdir: OUT, bundle: true, format: 'esm', platform: 'node', external: ['better-sqlite3'], logLevel: 'silent' });
});
afterAll(() => {
  home.cleanup();
  rmSync(OUT, { recursive: true, force: true });
});

const WRITER = `
const { openHistory } = await import(process.argv[1]);
const [home, tag, n] = process.argv.slice(2);
const r = await openHistory({ home });
if (!r.ok) { console.error(JSON.stringify(r.problem)); process.exit(3); }
const s = r.store;
const id = s.createSession({ title: tag, now: Date.now() });
for (let i = 0; i < Number(n); i++) {
  s.addMessage(id, { role: 'user', text: tag + ' prompt ' + i, now: Date.now() });
  const reply = s.addMessage(id, { role: 'assistant', text: '', status: 'streaming', now: Date.now() });
  s.updateMessage(reply, { text: tag + ' reply ' + i, status: 'done' }, Date.now());
}
s.close();
`;

function writer(tag: string, n: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, join(OUT, 'open.js'), home.dir, tag, String(n)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

it('two processes writing at once both keep every message', async () => {
  const N = 300;
  // Both open a database that does not exist yet: creating it and migrating race too.
  const results = await Promise.all([writer('alpha', N), writer('beta', N)]);
  expect(results).toEqual([
    { code: 0, stderr: '' },
    { code: 0, stderr: '' },
  ]);
  const r = await openHistory({ home: home.dir });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  try {
    const sessions = r.store.list();
    expect(sessions.map((s) => s.title).sort()).toEqual(['alpha', 'beta']);
    for (const s of sessions) {
      const msgs = r.store.messages(s.id);
      expect(msgs).toHaveLength(2 * N);
      expect(msgs.filter((m) => m.role === 'assistant').every((m, i) => m.text === `${s.title} reply ${i}` && m.status === 'done')).toBe(true);
    }
    expect(r.store.search('beta reply 299').map((h) => h.title)).toEqual(['beta']);
  } finally {
    r.store.close();
  }
});
