// openwork-tui config list|get|set|unset [KEY] [VALUE] [--reveal]
// The same validation (settings/fields) and writer (settings/saveEnv) as the settings screen.
import type { Command } from '../args.js';
import { configFromText } from '../runtime/loadConfig.js';
import { maskSecret } from '../runtime/secrets.js';
import { CONFIG_KEYS, type ConfigKey, type ConfigSnapshot } from '../runtime/types.js';
import { readIfExists } from '../settings/atomicWrite.js';
import { fieldSpec, isConfigKey, validateField } from '../settings/fields.js';
import { saveEnv } from '../settings/saveEnv.js';
import { dim, green, red, yellow, type IO } from './io.js';

export type ConfigCommand = Extract<Command, { kind: 'config' }>;

export interface ConfigContext {
  envPath: string;
  env: NodeJS.ProcessEnv;
}

const EXIT_OK = 0;
const EXIT_UNSET = 1;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;

const SOURCE: Record<string, string> = { file: 'file', env: 'environment' };

export function shownValue(config: ConfigSnapshot, key: ConfigKey, reveal: boolean): string | undefined {
  const value = config.values[key];
  if (value === undefined) return undefined;
  return fieldSpec(key).secret && !reveal ? maskSecret(value) : value;
}

export function renderConfigList(io: IO, config: ConfigSnapshot, reveal: boolean): string {
  const width = Math.max(...CONFIG_KEYS.map((k) => k.length)) + 2;
  const values = CONFIG_KEYS.map((k) => shownValue(config, k, reveal) ?? '');
  const valueWidth = Math.max(8, ...values.map((v) => v.length)) + 2;
  const out = [dim(io, `# ${config.envPath}${config.fileExists ? '' : ' (does not exist yet)'}`)];
  CONFIG_KEYS.forEach((key, i) => {
    const source = config.sources[key];
    const value = values[i] ?? '';
    const fallback = fieldSpec(key).fallback;
    const unset = dim(io, fallback ? `unset (${fallback})` : 'unset');
    out.push(`${key.padEnd(width)}${(value || '-').padEnd(valueWidth)}${source ? SOURCE[source] : unset}`);
  });
  return out.join('\n') + '\n';
}

function problemsText(io: IO, config: ConfigSnapshot): string {
  return config.problems
    .map((p) => `${yellow(io, 'warning:')} .env${p.line ? ` line ${p.line}` : ''}: ${p.message}\n`)
    .join('');
}

export function runConfig(cmd: ConfigCommand, ctx: ConfigContext, io: IO): number {
  const snapshot = readIfExists(ctx.envPath);
  const config = configFromText(ctx.envPath, snapshot?.text, ctx.env);
  if (cmd.action === 'list') {
    io.stdout.write(renderConfigList(io, config, cmd.reveal));
    io.stderr.write(problemsText(io, config));
    return EXIT_OK;
  }
  const key = cmd.key ?? '';
  if (!isConfigKey(key)) {
    io.stderr.write(`openwork-tui: unknown setting "${key}". Known settings:\n${CONFIG_KEYS.map((k) => `  ${k}\n`).join('')}`);
    return EXIT_USAGE;
  }
  const fromEnv = ctx.env[key]?.trim() ? ctx.env[key] : undefined;

  if (cmd.action === 'get') {
    const shown = shownValue(config, key, cmd.reveal);
    if (shown === undefined) {
      io.stderr.write(`${key} is not set\n`);
      return EXIT_UNSET;
    }
    io.stdout.write(`${shown}\n`);
    return EXIT_OK;
  }

  let value = '';
  if (cmd.action === 'set') {
    const check = validateField(key, cmd.value ?? '');
    if (!check.ok) {
      io.stderr.write(`${red(io, '✖')} ${check.message}\nNothing was written.\n`);
      return EXIT_USAGE;
    }
    if (check.value === '') {
      io.stderr.write(`${red(io, '✖')} empty value; use "openwork-tui config unset ${key}" to remove it\nNothing was written.\n`);
      return EXIT_USAGE;
    }
    if (check.note) io.stderr.write(dim(io, `note: ${check.note}\n`));
    value = check.value;
  }

  const result = saveEnv(ctx.envPath, { [key]: value }, { base: snapshot });
  if (result.status === 'error') {
    io.stderr.write(`${red(io, '✖')} ${result.message}\n`);
    return EXIT_FAIL;
  }
  if (result.status === 'conflict') {
    io.stderr.write(`${red(io, '✖')} ${ctx.envPath} changed while saving; nothing was written, try again\n`);
    return EXIT_FAIL;
  }
  const shown = fieldSpec(key).secret ? maskSecret(value) : value;
  if (cmd.action === 'set') {
    const what = result.status === 'saved' ? `${green(io, '✔')} ${key}=${shown}` : `${key} already is ${shown}`;
    io.stdout.write(`${what} ${dim(io, `(${ctx.envPath})`)}\n`);
    if (fromEnv) io.stderr.write(dim(io, `note: the environment also sets ${key}; the file's value wins\n`));
  } else {
    io.stdout.write(result.status === 'saved' ? `${green(io, '✔')} removed ${key} from ${ctx.envPath}\n` : `${key} was not in ${ctx.envPath}\n`);
    if (fromEnv) io.stderr.write(`${yellow(io, 'note:')} ${key} is still set in the environment, which now applies\n`);
  }
  return EXIT_OK;
}
