// Runs a submitted slash command. The screens it opens are passed in, so the app decides what
// "open the model picker" or "open settings" means.
import { useCallback, useRef } from 'react';
import { parseSlash } from './slash.js';
import type { ChatControls } from './useChat.js';

export interface CommandActions {
  chat: ChatControls;
  /** `/model NAME` */
  switchModel(name: string): void;
  /** bare `/model` */
  openModels(): void;
  openSettings(): void;
  openDoctor(): void;
  /** `/debug`: turns the request log on or off. */
  toggleRequestLog(): void;
  clearScreen(): void;
  quit(): void;
}

/** Returns `run(text)`: true when the text was a command (known or not) and has been handled. */
export function useCommands(actions: CommandActions): (text: string) => boolean {
  const latest = useRef(actions);
  latest.current = actions;
  return useCallback((text: string): boolean => {
    const cmd = parseSlash(text);
    if (!cmd) return false;
    const a = latest.current;
    if (cmd.kind === 'unknown') {
      const name = cmd.name;
      a.chat.dispatch({ type: 'info', text: (m) => m.chat.unknownCommand({ name }), tone: 'warn' });
      return true;
    }
    switch (cmd.command.name) {
      case 'model':
        if (cmd.arg === '') a.openModels();
        else a.switchModel(cmd.arg);
        break;
      case 'settings':
        a.openSettings();
        break;
      case 'doctor':
        a.openDoctor();
        break;
      case 'debug':
        a.toggleRequestLog();
        break;
      case 'clear':
        a.chat.cancel();
        a.clearScreen();
        a.chat.dispatch({ type: 'clear' });
        break;
      case 'help':
        a.chat.dispatch({ type: 'help' });
        break;
      case 'quit':
        a.quit();
        break;
    }
    return true;
  }, []);
}
