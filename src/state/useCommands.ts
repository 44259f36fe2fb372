// Runs a submitted slash command from the registry (src/slash/). The context says what "open the
// model picker" or "switch model" means; the app's chat controller builds it.
import { useCallback, useRef } from 'react';
import { parseSlash } from '../slash/match.js';
import type { SlashContext } from '../slash/types.js';

/** Returns `run(text)`: true when the text was a command (known or not) and has been handled. */
export function useCommands(ctx: SlashContext): (text: string) => boolean {
  const latest = useRef(ctx);
  latest.current = ctx;
  return useCallback((text: string): boolean => runSlash(text, latest.current), []);
}

/** Runs `text` if it is a command; an unknown one is said as such. False when it is not a command. */
export function runSlash(text: string, ctx: SlashContext): boolean {
  const cmd = parseSlash(text);
  if (!cmd) return false;
  if (cmd.kind === 'unknown') {
    const name = cmd.name;
    ctx.say((m) => m.chat.unknownCommand({ name }), 'warn');
    return true;
  }
  cmd.command.run(cmd.arg, ctx);
  return true;
}
