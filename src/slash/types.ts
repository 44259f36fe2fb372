// What a slash command is. Each command is one module in this folder (its words in the catalogs'
// `slash` section, its test beside it) and one line in registry.ts; /help, the menu, Tab completion
// and dispatch all read the registry.
import type { LazyText, Say } from '../i18n/index.js';
import type { ChatControls } from '../state/useChat.js';
import type { SessionControls } from '../state/useSessions.js';
import type { SystemControls } from '../state/useSystemPrompt.js';
import type { ProfileControls } from '../state/useProfiles.js';
import type { SentPrompt } from '../state/chat.js';
import type { Messages } from '../i18n/index.js';

/** The screens a command can open in place of the prompt. */
export type CommandScreen = 'models' | 'settings' | 'doctor' | 'resume' | 'roles';

/**
 * What a command can do to the app. The app's chat controller builds it; a command that needs
 * something new adds it here and there.
 */
export interface SlashContext {
  chat: ChatControls;
  /** The model the next message goes to (now, not as of the last render). */
  model(): string;
  /** Switch to this model, checking it first (says the outcome in the transcript). */
  switchModel(name: string): void;
  open(screen: CommandScreen): void;
  /** Turn the request log (--debug) on or off, and say so. */
  toggleRequestLog(): void;
  /** Erase the terminal and its scrollback. */
  clearScreen(): void;
  quit(): void;
  /** This session's usage, with the key's budget asked of the proxy just now (for /usage). */
  usage(): Promise<import('../state/usageReport.js').UsageView>;
  /** A line in the transcript: information, or a warning. */
  say(text: LazyText, tone?: 'warn'): void;
  /** The saved sessions: /new, /rename, /export, /resume. */
  sessions: SessionControls;
  /** The catalog the user reads now (for text written to a file, e.g. /export). */
  messages(): Messages;
  /** The assistant's replies in this conversation, oldest first (what /copy picks from). */
  replies(): readonly string[];
  /** Puts text on the clipboard (OSC 52 and a local tool); the status line says `what` was copied and how. */
  copy(text: string, what: Say): void;
  /** The system prompt and role: /system, /role. */
  system: SystemControls;
  /** The last prompt sent in this conversation (/retry). */
  lastPrompt(): SentPrompt | undefined;
  /** Connection profiles: /profile lists them and switches live. */
  profiles: ProfileControls;
}

export interface SlashCommand {
  /** Typed after `/`: lowercase, no spaces. */
  name: string;
  aliases?: readonly string[];
  /** The argument's placeholder, e.g. "[name]"; a command with one completes to `/name `. */
  args?: Say;
  /** One line for /help and the menu. */
  description: Say;
  /** Candidates for the argument being typed (Tab completes to their common prefix). Pure and quick. */
  complete?(arg: string): readonly string[];
  /** Runs the command; `arg` is the trimmed text after the name. */
  run(arg: string, ctx: SlashContext): void;
}

/** Declares a command (typed, nothing else). */
export function defineCommand(c: SlashCommand): SlashCommand {
  return c;
}
