// Renders the chat app and resolves with the exit code when it closes.
import React from 'react';
import { render } from 'ink';
import { App, type AppProps } from './app.js';

export async function runTui(props: AppProps): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('openwork-tui: the chat needs a terminal; use -p "text" for scripts\n');
    return 2;
  }
  const instance = render(<App {...props} />, { exitOnCtrlC: false, patchConsole: false });
  await instance.waitUntilExit();
  return 0;
}
