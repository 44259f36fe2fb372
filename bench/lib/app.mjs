// Driving the app in a pty like a person: start it, wait until it takes keys, send prompts.
import { BIN, MODEL, ROOT, childEnv } from './setup.mjs';
import { spawnTerm } from './term.mjs';

/** The status bar once the proxy at `port` is detected and the app is idle. */
export const readyBar = (port) => new RegExp(`LiteLLM 127\\.0\\.0\\.1:${port}[^\\n]*ready`);

/**
 * Starts the TUI and waits until it is usable: the ready status bar is drawn AND a typed key is
 * echoed by the app itself (the first frame is drawn before Ink puts the terminal in raw mode; keys
 * typed in that gap are echoed by the tty and a CR becomes a newline).
 */
export async function startApp({ home, port, env = {}, nodeArgs = [] }) {
  const term = spawnTerm([...nodeArgs, BIN, '--model', MODEL], { env: childEnv(home.dir, env), cwd: ROOT });
  await term.waitFor(readyBar(port), { what: 'the ready status bar' });
  const from = term.length;
  term.write('x');
  await term.waitFor(/› x(?=[\r\n\x1b])/, { from, what: 'the app echoing a key' });
  const cleared = term.length;
  term.write('\x15'); // Ctrl+U: empty the prompt again
  await term.waitFor('Send a message', { from: cleared, what: 'the empty prompt' });
  return term;
}
