// openwork-tui config list|get|set|unset [KEY] [VALUE] [--reveal]
// The same validation (settings/fields) and writer (settings/saveEnv) as the settings screen.
import type { Command } from '../args.js';
import { configFromText } from '../runtime/loadConfig.js';
import { shownSetting } from '../config/secrets.js';
import type { ConfigSnapshot } from '../runtime/types.js';
import { CONFIG_KEYS, type ConfigKey } from '../config/keys.js';
import { readIfExists } from '../settings/atomicWrite.js';
import { fallbackShown, fieldSpec, isConfigKey, validateField } from '../config/fields.js';
import { readErrorText, saveEnv } from '../settings/saveEnv.js';
import { localized } from '../i18n/index.js';
import { padEnd, textWidth } from '../i18n/width.js';
import { dim, green, red, yellow, type IO } from './io.js';
import { safeLine } from '../render/sanitize.js';

export type ConfigCommand = Extract<Command, { kind: 'config' }>;

export interface ConfigContext {
  envPath: string;
  env: NodeJS.ProcessEnv;
}

const EXIT_OK = 0;
const EXIT_UNSET = 1;
const EXIT_FAIL = 1;
const EXIT_USAGE = 2;

export function shownValue(config: ConfigSnapshot, key: ConfigKey, reveal: boolean): string | undefined {
  const value = config.values[key];
  if (value === undefined) return undefined;
  return shownSetting(key, value, reveal);
}

export function renderConfigList(io: IO, config: ConfigSnapshot, reveal: boolean): string {
  const w = io.messages.cli.config;
  const width = Math.max(...CONFIG_KEYS.map((k) => k.length)) + 2;
  const values = CONFIG_KEYS.map((k) => safeLine(shownValue(config, k, reveal) ?? ''));
  const valueWidth = Math.max(8, ...values.map((v) => textWidth(v))) + 2;
  const out = [dim(io, `# ${config.envPath}${config.fileExists ? '' : w.notYet}`)];
  CONFIG_KEYS.forEach((key, i) => {
    const source = config.sources[key];
    const value = values[i] ?? '';
    const fallback = fallbackShown(fieldSpec(key), io.messages);
    const unset = dim(io, fallback ? w.unsetWith({ fallback }) : w.unset);
    out.push(`${padEnd(key, width)}${padEnd(value || '-', valueWidth)}${source === 'file' ? w.file : source === 'env' ? w.environment : unset}`);
  });
  return out.join('\n') + '\n';
}

/** One warning line per .env problem, then per network setting not taken (`config list`, and -p before it sends). */
export function problemsText(io: IO, config: Pick<ConfigSnapshot, 'problems' | 'network'>): string {
  const w = io.messages.cli.config;
  const lines = config.problems.map((p) => `${yellow(io, w.warning)}${w.problem({ line: p.line, message: safeLine(localized(p, io.messages)) })}\n`);
  for (const message of config.network?.problems ?? []) lines.push(`${yellow(io, w.warning)}${safeLine(message)}\n`);
  return lines.join('');
}

export function runConfig(cmd: ConfigCommand, ctx: ConfigContext, io: IO): number {
  const m = io.messages;
  const w = m.cli.config;
  let snapshot: ReturnType<typeof readIfExists>;
  try {
    snapshot = readIfExists(ctx.envPath);
  } catch (err) {
    io.stderr.write(`${red(io, '✖')} ${readErrorText(err, ctx.envPath)(m)}\n`);
    return EXIT_FAIL;
  }
  const config = configFromText(ctx.envPath, snapshot?.text, ctx.env);
  if (cmd.action === 'list') {
    io.stdout.write(renderConfigList(io, config, cmd.reveal));
    io.stderr.write(problemsText(io, config));
    return EXIT_OK;
  }
  const key = cmd.key ?? '';
  if (!isConfigKey(key)) {
    io.stderr.write(`${w.unknownKey({ key })}${CONFIG_KEYS.map((k) => `  ${k}\n`).join('')}`);
    return EXIT_USAGE;
  }
  const fromEnv = ctx.env[key]?.trim() ? ctx.env[key] : undefined;

  if (cmd.action === 'get') {
    const shown = shownValue(config, key, cmd.reveal);
    if (shown === undefined) {
      io.stderr.write(w.notSet({ key }));
      return EXIT_UNSET;
    }
    // Exact for a script; cleaned for a person at a terminal.
    io.stdout.write(`${io.stdout.isTTY ? safeLine(shown) : shown}\n`);
    return EXIT_OK;
  }

  let value = '';
  if (cmd.action === 'set') {
    const check = validateField(key, cmd.value ?? '');
    if (!check.ok) {
      io.stderr.write(`${red(io, '✖')} ${localized(check, m)}\n${w.nothingWritten}`);
      return EXIT_USAGE;
    }
    if (check.value === '') {
      io.stderr.write(`${red(io, '✖')} ${w.empty({ key })}\n${w.nothingWritten}`);
      return EXIT_USAGE;
    }
    if (check.note) io.stderr.write(dim(io, `${w.note}${check.noteSay ? check.noteSay(m) : check.note}\n`));
    value = check.value;
  }

  // One key, applied to the file as it is at the moment of the save (under its lock): another
  // `config set` or an editor saving meanwhile keeps its change too.
  const result = saveEnv(ctx.envPath, { [key]: value }, { base: snapshot, force: true });
  if (result.status === 'error') {
    io.stderr.write(`${red(io, '✖')} ${result.say(m)}\n`);
    return EXIT_FAIL;
  }
  if (result.status === 'conflict') {
    io.stderr.write(`${red(io, '✖')} ${w.conflict({ path: ctx.envPath })}`);
    return EXIT_FAIL;
  }
  const shown = shownSetting(key, value);
  if (cmd.action === 'set') {
    const what = result.status === 'saved' ? `${green(io, '✔')} ${key}=${shown}` : w.already({ key, value: shown });
    io.stdout.write(`${what} ${dim(io, `(${ctx.envPath})`)}\n`);
    if (fromEnv) io.stderr.write(dim(io, `${w.note}${w.envAlso({ key })}\n`));
  } else {
    const path = ctx.envPath;
    io.stdout.write(`${result.status === 'saved' ? `${green(io, '✔')} ${w.removed({ key, path })}` : w.notInFile({ key, path })}\n`);
    if (fromEnv) io.stderr.write(`${yellow(io, w.note)}${w.envStill({ key })}\n`);
  }
  return EXIT_OK;
}
