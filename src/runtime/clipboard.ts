// Copying text out of the terminal: OSC 52 (works over SSH, in any terminal that allows it; wrapped
// in a DCS passthrough for tmux and screen) and, beside it, a local clipboard tool when one is
// installed (wl-copy, xclip, xsel, pbcopy). No UI: the caller writes the sequence to the terminal.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export type Multiplexer = 'tmux' | 'screen' | undefined;

export function multiplexer(env: NodeJS.ProcessEnv): Multiplexer {
  if (env.TMUX) return 'tmux';
  if (env.STY || /^screen/.test(env.TERM ?? '')) return 'screen';
  return undefined;
}

/** screen passes at most 768 bytes of one DCS string on: longer ones go in several. */
const SCREEN_CHUNK = 760;

/**
 * The escape sequence that puts `text` on the system clipboard. Inside tmux both the plain sequence
 * (tmux's own set-clipboard takes it) and a passthrough one (for the outer terminal, with
 * allow-passthrough) are sent; inside screen the passthrough, in pieces screen accepts.
 */
export function osc52(text: string, mux: Multiplexer): string {
  const seq = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
  if (mux === 'tmux') return `${seq}\x1bPtmux;${seq.replaceAll('\x1b', '\x1b\x1b')}\x1b\\`;
  if (mux === 'screen') {
    let out = '';
    for (let i = 0; i < seq.length; i += SCREEN_CHUNK) out += `\x1bP${seq.slice(i, i + SCREEN_CHUNK)}\x1b\\`;
    return out;
  }
  return seq;
}

interface Tool {
  cmd: string;
  args: string[];
  /** Only where it can work (a Wayland or X session, macOS). */
  when(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean;
}

const TOOLS: Tool[] = [
  { cmd: 'pbcopy', args: [], when: (_e, p) => p === 'darwin' },
  { cmd: 'wl-copy', args: [], when: (e) => !!e.WAYLAND_DISPLAY },
  { cmd: 'xclip', args: ['-selection', 'clipboard'], when: (e) => !!e.DISPLAY },
  { cmd: 'xsel', args: ['--clipboard', '--input'], when: (e) => !!e.DISPLAY },
];

function onPath(cmd: string, env: NodeJS.ProcessEnv): boolean {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}

/** The clipboard tool to use here, if any. */
export function clipboardTool(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Tool | undefined {
  return TOOLS.find((t) => t.when(env, platform) && onPath(t.cmd, env));
}

/**
 * Gives `text` to the local clipboard tool; resolves with its name when it took it, undefined when
 * there is none or it failed (OSC 52 may still have worked). The tools fork to keep serving the
 * selection, so their output is not waited on — only their exit, bounded by `timeoutMs`.
 */
export function copyWithTool(text: string, env: NodeJS.ProcessEnv, timeoutMs = 3000, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  const tool = clipboardTool(env, platform);
  if (!tool) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(ok ? tool.cmd : undefined);
    };
    const child = spawn(tool.cmd, tool.args, { env, stdio: ['pipe', 'ignore', 'ignore'] });
    const timer = setTimeout(() => {
      child.kill();
      finish(false);
    }, timeoutMs);
    child.on('error', () => finish(false));
    child.on('exit', (code) => finish(code === 0));
    child.stdin.on('error', () => finish(false));
    child.stdin.end(text);
  });
}
