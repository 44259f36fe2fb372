// OPENWORK_API_KEY_HELPER: a command (a vault or SSO tool) that prints the key on stdout. Run through
// the shell at start and once more after a 401, within a time limit. Its output is the key: it is
// never logged or shown, and neither is its stderr (which may echo it). A failure names the command.
import { spawn } from 'node:child_process';
import { KeyHelperError } from './keyHelperError.js';
import type { ConfigSnapshot } from '../types.js';

export { KeyHelperError, isKeyHelperError } from './keyHelperError.js';

const MAX_OUTPUT = 64 * 1024;

/** Runs the helper; resolves with the key (its stdout, trimmed, one line). */
export function runKeyHelper(command: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    let child: ReturnType<typeof spawn>;
    try {
      // Its own process group, so a timeout ends the shell and whatever it started.
      child = spawn(command, { shell: true, env, stdio: ['ignore', 'pipe', 'ignore'], detached: process.platform !== 'win32', windowsHide: true });
    } catch {
      return reject(new KeyHelperError(command, 'spawn'));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: KeyHelperError | undefined, key?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(key!);
    };
    const timer = setTimeout(() => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      finish(new KeyHelperError(command, 'timeout', timeoutMs));
    }, timeoutMs);
    child.stdout?.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_OUTPUT) chunks.push(c);
    });
    child.once('error', () => finish(new KeyHelperError(command, 'spawn')));
    child.once('close', (code, signal) => {
      if (code !== 0) return finish(new KeyHelperError(command, 'exit', code ?? signal ?? undefined));
      const out = Buffer.concat(chunks).toString('utf8').trim();
      if (!out) return finish(new KeyHelperError(command, 'empty'));
      if (/[\r\n]/.test(out)) return finish(new KeyHelperError(command, 'lines'));
      finish(undefined, out);
    });
  });
}

/**
 * The snapshot with the helper's key as its credential (sent as a Bearer token to a proxy, as
 * x-api-key to Anthropic unless the file says otherwise). Throws KeyHelperError.
 */
export async function withHelperKey(config: ConfigSnapshot, env: NodeJS.ProcessEnv): Promise<ConfigSnapshot> {
  const helper = config.network?.keyHelper;
  if (!helper) return config;
  const key = await runKeyHelper(helper.value, config.timeoutMs, env);
  const credentialVar = config.credentialVar ?? (config.baseUrl ? 'ANTHROPIC_AUTH_TOKEN' : 'ANTHROPIC_API_KEY');
  return Object.freeze({ ...config, credential: key, credentialVar, keyFromHelper: true });
}
