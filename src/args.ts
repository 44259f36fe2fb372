// argv → what to do. Pure, so it is tested without spawning anything.
// No catalog is loaded here (--version must stay fast): a usage error carries its words as `say`.
import type { Say } from './i18n/en.js';
import { parseLang, type Lang } from './i18n/lang.js';
import { isProfileName } from './config/profiles.js';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'tui'; continue?: true; resume?: number | 'pick' }
  | { kind: 'prompt'; text: string | undefined; format: OutputFormat }
  | { kind: 'models'; json: boolean }
  | { kind: 'doctor'; json: boolean; all?: true }
  | { kind: 'config'; action: 'get' | 'set' | 'unset' | 'list'; key?: string; value?: string; reveal: boolean }
  | { kind: 'logs'; follow: boolean }
  | SessionsCommand;

export type SessionsCommand =
  | { kind: 'sessions'; action: 'list'; json: boolean }
  | { kind: 'sessions'; action: 'search'; query: string; json: boolean }
  | { kind: 'sessions'; action: 'show' | 'rm'; id: number }
  | { kind: 'sessions'; action: 'export'; id: number; format: 'md' | 'json'; out?: string };

export type OutputFormat = 'text' | 'json' | 'stream-json';
const FORMATS: readonly string[] = ['text', 'json', 'stream-json'];

export interface ParsedArgs {
  command: Command;
  model?: string;
  /** --system, --system-file, --role: the system prompt (-p and the chat); at most one of them. */
  system?: string;
  systemFile?: string;
  role?: string;
  debug: false | true | 'body';
  /** --verbose: the runtime's log lines also on stderr (headless commands only). */
  verbose?: boolean;
  /** --lang, checked. */
  lang?: Lang;
  /** --profile NAME: $OPENWORK_HOME/profiles/NAME.env instead of .env, for any command. */
  profile?: string;
}

/** A mistake on the command line, said in the user's language by `say`. */
export class UsageError extends Error {
  constructor(readonly say: Say) {
    super('usage error');
  }
}

/** --lang's value, read without parsing the rest (to word a usage error in it). */
export function langArg(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--lang=')) return parseLang(a.slice(7));
    if (a === '--lang') return parseLang(argv[i + 1]);
  }
  return undefined;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { command: { kind: 'tui' }, debug: false };
  const positional: string[] = [];
  let prompt: { text: string | undefined } | undefined;
  let json = false;
  let all = false;
  let follow = false;
  let reveal = false;
  let cont = false;
  let resume: number | 'pick' | undefined;
  let format: string | undefined;
  let outFile: string | undefined;
  let outputFormat: OutputFormat | undefined;
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError((m) => m.cli.args.needsValue({ flag }));
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    switch (flag) {
      case '-h':
      case '--help':
        return { ...out, command: { kind: 'help' } };
      case '-v':
      case '--version':
        return { ...out, command: { kind: 'version' } };
      case '-p':
      case '--print': {
        const next = inline ?? argv[i + 1];
        if (inline === undefined && next !== undefined && !next.startsWith('-')) i++;
        prompt = { text: next !== undefined && (inline !== undefined || !next.startsWith('-')) ? next : undefined };
        break;
      }
      case '-m':
      case '--model':
        out.model = inline ?? value(i++, flag);
        break;
      case '--lang': {
        const raw = inline ?? value(i++, flag);
        const lang = parseLang(raw);
        if (!lang) throw new UsageError((m) => m.cli.args.lang({ value: raw }));
        out.lang = lang;
        break;
      }
      case '--system':
        out.system = inline ?? value(i++, flag);
        break;
      case '--profile': {
        const name = inline ?? value(i++, flag);
        if (!isProfileName(name)) throw new UsageError((m) => m.profiles.badName({ name }));
        out.profile = name;
        break;
      }
      case '--all':
        all = true;
        break;
      case '--system-file':
        out.systemFile = inline ?? value(i++, flag);
        break;
      case '--role':
        out.role = inline ?? value(i++, flag);
        break;
      case '--output-format': {
        const raw = inline ?? value(i++, flag);
        if (!FORMATS.includes(raw)) throw new UsageError((m) => m.material.args.outputFormat({ value: raw }));
        outputFormat = raw as OutputFormat;
        break;
      }
      case '--debug':
        if (inline !== undefined && inline !== 'body') throw new UsageError((m) => m.cli.args.debugValue);
        out.debug = inline === 'body' ? 'body' : true;
        break;
      case '--json':
        json = true;
        break;
      case '--verbose':
        out.verbose = true;
        break;
      case '-f':
      case '--follow':
        follow = true;
        break;
      case '--reveal':
        reveal = true;
        break;
      case '-c':
      case '--continue':
        cont = true;
        break;
      case '--resume': {
        // An ID may follow (--resume 12, --resume=12); without one the chat opens its picker.
        const next = inline ?? argv[i + 1];
        if (next !== undefined && /^\d+$/.test(next)) {
          if (inline === undefined) i++;
          resume = Number(next);
        } else if (inline !== undefined) throw new UsageError((m) => m.cli.args.sessionId({ value: inline }));
        else resume = 'pick';
        break;
      }
      case '--format':
        format = inline ?? value(i++, flag);
        break;
      case '-o':
      case '--output':
        outFile = inline ?? value(i++, flag);
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError((m) => m.cli.args.unknownOption({ option: a }));
        positional.push(a);
    }
  }
  const [cmd, ...rest] = positional;
  if (all && cmd !== 'doctor') throw new UsageError((m) => m.cli.args.unknownOption({ option: '--all' }));
  // The chat owns the terminal: its runtime lines are in the log (openwork-tui logs).
  if (out.verbose && !prompt && cmd !== 'models') throw new UsageError((m) => m.cli.args.verboseWhere);
  if (out.system !== undefined && out.systemFile !== undefined) throw new UsageError((m) => m.material.args.systemTwice);
  if (out.role !== undefined && (out.system !== undefined || out.systemFile !== undefined)) throw new UsageError((m) => m.material.args.roleAndSystem);
  if (outputFormat !== undefined && !prompt) throw new UsageError((m) => m.material.args.printOnly({ flag: '--output-format' }));
  const systemFlag = out.role !== undefined ? '--role' : out.systemFile !== undefined ? '--system-file' : out.system !== undefined ? '--system' : undefined;
  if (systemFlag && !prompt && cmd !== undefined) throw new UsageError((m) => m.material.args.chatOnly({ flag: systemFlag }));
  if (prompt) {
    if (cmd !== undefined) {
      if (prompt.text === undefined) prompt.text = positional.join(' ');
      else throw new UsageError((m) => m.cli.args.unexpected({ arg: cmd }));
    }
    return { ...out, command: { kind: 'prompt', text: prompt.text, format: outputFormat ?? 'text' } };
  }
  if (cmd !== 'sessions' && (format !== undefined || outFile !== undefined)) throw new UsageError((m) => m.cli.args.unknownOption({ option: format !== undefined ? '--format' : '-o' }));
  if (cmd !== undefined && (cont || resume !== undefined)) throw new UsageError((m) => m.cli.args.unexpected({ arg: cmd }));
  switch (cmd) {
    case undefined:
      if (cont && resume !== undefined) throw new UsageError((m) => m.cli.args.continueOrResume);
      return { ...out, command: { kind: 'tui', ...(cont ? { continue: true as const } : {}), ...(resume !== undefined ? { resume } : {}) } };
    case 'sessions':
      return { ...out, command: sessionsCommand(rest, json, format, outFile) };
    case 'models':
      return { ...out, command: { kind: 'models', json } };
    case 'doctor':
      if (all && out.profile !== undefined) throw new UsageError((m) => m.profiles.allAndProfile);
      return { ...out, command: { kind: 'doctor', json, ...(all ? { all: true as const } : {}) } };
    case 'logs':
      return { ...out, command: { kind: 'logs', follow } };
    case 'config': {
      const [action = 'list', key, val, ...extra] = rest;
      if (action !== 'get' && action !== 'set' && action !== 'unset' && action !== 'list') {
        throw new UsageError((m) => m.cli.args.configAction({ action }));
      }
      if (action !== 'list' && !key) throw new UsageError((m) => m.cli.args.configKey({ action }));
      if (action === 'set' && val === undefined) throw new UsageError((m) => m.cli.args.configSet);
      if (extra.length || (action !== 'set' && val !== undefined)) throw new UsageError((m) => m.cli.args.configExtra);
      return { ...out, command: { kind: 'config', action, ...(key ? { key } : {}), ...(val !== undefined ? { value: val } : {}), reveal } };
    }
    case 'help':
      return { ...out, command: { kind: 'help' } };
    default:
      throw new UsageError((m) => m.cli.args.unknownCommand({ command: cmd }));
  }
}

/** The session ID argument: a positive whole number. */
function sessionId(raw: string | undefined, action: string): number {
  if (raw === undefined) throw new UsageError((m) => m.cli.args.sessionsNeedsId({ action }));
  if (!/^\d+$/.test(raw)) throw new UsageError((m) => m.cli.args.sessionId({ value: raw }));
  return Number(raw);
}

function sessionsCommand(rest: string[], json: boolean, format: string | undefined, out: string | undefined): SessionsCommand {
  const [action = 'list', ...args] = rest;
  const extra = (n: number) => {
    if (args.length > n) throw new UsageError((m) => m.cli.args.unexpected({ arg: args[n]! }));
  };
  if (action !== 'export' && (format !== undefined || out !== undefined)) {
    throw new UsageError((m) => m.cli.args.unknownOption({ option: format !== undefined ? '--format' : '-o' }));
  }
  switch (action) {
    case 'list':
      extra(0);
      return { kind: 'sessions', action, json };
    case 'search': {
      const query = args.join(' ').trim();
      if (!query) throw new UsageError((m) => m.cli.args.sessionsSearch);
      return { kind: 'sessions', action, query, json };
    }
    case 'show':
    case 'rm': {
      const id = sessionId(args[0], action);
      extra(1);
      return { kind: 'sessions', action, id };
    }
    case 'export': {
      const id = sessionId(args[0], action);
      extra(1);
      const fmt = format ?? (json ? 'json' : 'md');
      if (fmt !== 'md' && fmt !== 'json') throw new UsageError((m) => m.cli.args.sessionsFormat({ value: fmt }));
      return { kind: 'sessions', action, id, format: fmt, ...(out !== undefined ? { out } : {}) };
    }
    default:
      throw new UsageError((m) => m.cli.args.sessionsAction({ action }));
  }
}
