// Renders the chat app and resolves with the exit code when it closes.
import React from 'react';
import { render } from 'ink';
import { App, type AppProps } from './app.js';
import { messagesFor } from './i18n/index.js';

/** `afterFirstFrame` runs once the first frame is on screen (start-up work that can wait goes there). */
export async function runTui(props: AppProps, afterFirstFrame?: () => void): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(messagesFor(props.lang ?? 'en').cli.needsTerminal);
    return 2;
  }
  // Raw mode (IXON off) before the first frame, if the launcher has not set it already (bin/openwork-tui.cjs).
  if (!process.stdin.isRaw) process.stdin.setRawMode(true);
  const instance = render(<App {...props} />, { exitOnCtrlC: false, patchConsole: false });
  if (afterFirstFrame) setImmediate(afterFirstFrame);
  await instance.waitUntilExit();
  return 0;
}
