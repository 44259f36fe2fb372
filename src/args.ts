// argv → what to do. Pure, so it is tested without spawning anything.

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'tui' }
  | { kind: 'prompt'; text: string | undefined }
  | { kind: 'models'; json: boolean }
  | { kind: 'doctor'; json: boolean }
  | { kind: 'config'; action: 'get' | 'set' | 'unset' | 'list'; key?: string; value?: string; reveal: boolean }
  | { kind: 'logs'; follow: boolean };

export interface ParsedArgs {
  command: Command;
  model?: string;
  debug: false | true | 'body';
  lang?: string;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { command: { kind: 'tui' }, debug: false };
  const positional: string[] = [];
  let prompt: { text: string | undefined } | undefined;
  let json = false;
  let follow = false;
  let reveal = false;
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`${flag} needs a value`);
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
      case '--lang':
        out.lang = inline ?? value(i++, flag);
        break;
      case '--debug':
        if (inline !== undefined && inline !== 'body') throw new UsageError('--debug takes no value, or --debug=body');
        out.debug = inline === 'body' ? 'body' : true;
        break;
      case '--json':
        json = true;
        break;
      case '-f':
      case '--follow':
        follow = true;
        break;
      case '--reveal':
        reveal = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        positional.push(a);
    }
  }
  const [cmd, ...rest] = positional;
  if (prompt) {
    if (cmd !== undefined) {
      if (prompt.text === undefined) prompt.text = positional.join(' ');
      else throw new UsageError(`unexpected argument "${cmd}"`);
    }
    return { ...out, command: { kind: 'prompt', text: prompt.text } };
  }
  switch (cmd) {
    case undefined:
      return out;
    case 'models':
      return { ...out, command: { kind: 'models', json } };
    case 'doctor':
      return { ...out, command: { kind: 'doctor', json } };
    case 'logs':
      return { ...out, command: { kind: 'logs', follow } };
    case 'config': {
      const [action = 'list', key, val, ...extra] = rest;
      if (action !== 'get' && action !== 'set' && action !== 'unset' && action !== 'list') {
        throw new UsageError(`unknown config action "${action}" (get, set, unset, list)`);
      }
      if (action !== 'list' && !key) throw new UsageError(`config ${action} needs a KEY`);
      if (action === 'set' && val === undefined) throw new UsageError('config set needs KEY and VALUE');
      if (extra.length || (action !== 'set' && val !== undefined)) throw new UsageError('too many arguments for config');
      return { ...out, command: { kind: 'config', action, ...(key ? { key } : {}), ...(val !== undefined ? { value: val } : {}), reveal } };
    }
    case 'help':
      return { ...out, command: { kind: 'help' } };
    default:
      throw new UsageError(`unknown command "${cmd}"`);
  }
}
