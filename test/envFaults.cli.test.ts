// Issue 14: a .env that cannot be read, and a disk that is full when a save writes it. Every command
// names the path and what to do, exit 1 (README "Exit codes": other failure), never
// "unexpected error: EACCES/ENOSPC". Made real, not mocked: the tests run as root, whom mode 000 does
// not stop, so the program runs as `nobody` (setpriv); the full disk is a 64 KB tmpfs mounted in a
// private user + mount namespace (`unshare -Urm`, no mount seen by anyone else, gone at exit).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, runCli, type RunResult } from './helpers/cli.js';
import { tempHome, type TempHome } from './helpers/home.js';
import { startApp } from './helpers/pty.js';

const SEED = 'ANTHROPIC_BASE_URL=http://127.0.0.1:9\nANTHROPIC_API_KEY=sk-test-master\n';
const root = process.getuid?.() === 0;
const works = (cmd: string[]) => spawnSync(cmd[0]!, cmd.slice(1), { stdio: 'ignore' }).status === 0;
/** How to run the program as someone the file's mode stops: `nobody` when we are root. */
const AS_OTHER = root ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
const canDrop = !root || works([...AS_OTHER, 'true']);
const canMount = works(['unshare', '-Urm', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d"; r=$?; umount "$d" 2>/dev/null; rmdir "$d"; exit $r']);

let home: TempHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

function run(wrap: readonly string[], args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  if (!wrap.length) return runCli(args, { home: home.dir, env });
  return new Promise((resolve, reject) => {
    const child = spawn(wrap[0]!, [...wrap.slice(1), process.execPath, BIN, ...args], {
      env: { PATH: process.env.PATH, OPENWORK_HOME: home.dir, HOME: home.dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A .env only its owner (root) may read; the folder open to all so that only the file's mode stops the reader. */
function unreadableEnv(): void {
  home.writeEnv(SEED);
  chmodSync(home.dir, 0o755);
  chmodSync(home.envPath, root ? 0o600 : 0o000);
}

describe.skipIf(!canDrop)('a .env the user cannot read', () => {
  const words = () => `cannot read ${home.envPath}: permission denied (check its owner and mode)`;

  it.each([
    ['config list', ['config', 'list']],
    ['config set', ['config', 'set', 'OPENWORK_TIMEOUT_MS', '5000']],
    ['-p', ['-p', 'hi']],
    ['models', ['models']],
  ])('%s names the path and what to do, exit 1', async (_name, args) => {
    unreadableEnv();
    const r = await run(AS_OTHER, args);
    expect(r.stderr).toContain(words());
    expect(r.stderr).not.toMatch(/unexpected error|EACCES/);
    expect(r.code).toBe(1);
    expect(readFileSync(home.envPath, 'utf8')).toBe(SEED);
  });

  it('doctor fails its config check with the path and the fix, exit 1', async () => {
    unreadableEnv();
    const r = await run(AS_OTHER, ['doctor']);
    expect(r.stdout).toContain(`Cannot read ${home.envPath}`);
    expect(r.stdout).toMatch(/fix: Check the file's owner and permissions/);
    expect(r.code).toBe(1);
  });

  it('the chat (a real pty) says so before any frame and exits 1', async () => {
    unreadableEnv();
    const app = startApp([], { home: home.dir, wrap: AS_OTHER });
    try {
      expect(await app.exit).toBe(1);
      const all = await app.waitForAll('permission denied');
      expect(all.replace(/\s/g, '')).toContain(words().replace(/\s/g, ''));
      expect(all).not.toMatch(/unexpected error/);
    } finally {
      app.kill();
    }
  });
});

describe.skipIf(!canMount)('a full disk when the settings are saved', () => {
  /**
   * Runs the command on a 64 KB tmpfs mounted at `dir` (the .env written, the rest filled), then
   * prints the .env and the folder's names as they are inside the namespace.
   */
  const onFullDisk = (dir: string) => [
    'unshare', '-Urm', 'sh', '-c',
    `mount -t tmpfs -o size=64k tmpfs "${dir}" && printf '${SEED.replace(/\n/g, '\\n')}' > "${dir}/.env" && chmod 600 "${dir}/.env" && ` +
      `{ head -c 1048576 /dev/zero > "${dir}/fill" 2>/dev/null; true; } && "$@"; code=$?; cat "${dir}/.env"; ls -a "${dir}"; exit $code`,
    'sh',
  ];

  it('config set says the disk is full and what to do, exit 1; the .env keeps its bytes and no temp file is left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openwork-full-'));
    try {
      const r = await run(onFullDisk(dir), ['config', 'set', 'OPENWORK_TIMEOUT_MS', '5000'], { OPENWORK_HOME: dir, HOME: dir });
      expect(r.stderr).toContain(`cannot write ${dir}/.env: no space left on the disk (free some space, then save again; nothing was changed)`);
      expect(r.stderr).not.toMatch(/unexpected error|ENOSPC/);
      expect(r.code).toBe(1);
      // Inside the namespace, after the command: the same bytes, no temp file.
      expect(r.stdout.startsWith(SEED)).toBe(true);
      expect(r.stdout.split('\n').filter((name) => name.endsWith('.tmp'))).toEqual([]);
      // The mount was private to that namespace: the folder outside is still empty.
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the settings screen (a real pty) says the disk is full and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openwork-full-'));
    const app = startApp(['--model', 'claude-3-5-sonnet'], { home: dir, wrap: onFullDisk(dir), cols: 100, rows: 30 });
    try {
      await app.waitFor('Send a message');
      app.write('\x13'); // Ctrl+S: the settings
      await app.waitFor('ANTHROPIC_BASE_URL');
      app.write('\r');
      app.write('\x15'); // Ctrl+U
      app.write('http://127.0.0.1:8');
      await app.waitFor('http://127.0.0.1:8');
      app.write('\r');
      app.write('\x13'); // Ctrl+S: save
      // The message whole (it wraps; what to do comes after these words).
      const said = `cannotwrite${dir}/.env:nospaceleftonthedisk(freesomespace,thensaveagain;nothingwaschanged)`.replace(/\s/g, '');
      const screen = await app.waitFor((s) => s.replace(/\s/g, '').includes(said));
      expect(screen.replace(/\s/g, '')).toContain(said);
      expect(app.output()).not.toMatch(/unexpected error|ENOSPC/);
    } finally {
      app.kill();
      await app.exit;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
