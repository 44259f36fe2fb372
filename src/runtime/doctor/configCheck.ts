// Check 1: the .env file. No network.
import { stat } from 'node:fs/promises';
import type { ConfigSnapshot } from '../types.js';
import { CONFIG_KEYS, SECRET_KEYS } from '../types.js';
import { isAnthropicDirect, parseEnvText } from '../config.js';
import { readEnvFile } from '../loadConfig.js';
import { maskSecret } from '../secrets.js';
import { EnvDocument } from '../../settings/envDocument.js';
import type { CheckStatus, DoctorInput, Outcome } from './types.js';

/** 1. The config file: found, parsed, private; problems by line; which value won for each key. */
export async function checkConfig(input: DoctorInput): Promise<Outcome> {
  const { config } = input;
  const path = config.envPath;
  const detail: string[] = [];
  let text = input.envText;
  if (text === undefined && config.fileExists) text = readEnvFile(path);
  let status: CheckStatus = 'pass';
  let title: string;
  let fix: string | undefined;

  if (!config.fileExists) {
    const fromEnv = CONFIG_KEYS.some((k) => config.sources[k] === 'env');
    if (!fromEnv) {
      return {
        status: 'fail',
        kind: 'config',
        title: `Nothing is configured: ${path} does not exist and no ANTHROPIC_* variable is set`,
        detail: [],
        fix: `Create ${path} with ANTHROPIC_BASE_URL and ANTHROPIC_API_KEY, or run openwork-tui (the settings screen opens on first run).`,
      };
    }
    status = 'warn';
    title = `no ${path}: using the environment only`;
    fix = `Save the settings (Ctrl+S in openwork-tui) to keep them in ${path}.`;
  } else {
    title = path;
    if (process.platform !== 'win32') {
      const mode = (await stat(path)).mode & 0o777;
      const octal = `0${mode.toString(8)}`;
      if (mode & 0o077) {
        status = 'warn';
        title = `${path} (${octal}: other users can read the key)`;
        fix = `chmod 600 ${path}`;
      } else title = `${path} (${octal}, private)`;
    }
  }

  const errors = config.problems.filter((p) => !p.warning);
  for (const p of config.problems) detail.push(`${p.line ? `line ${p.line}: ` : ''}${p.warning ? 'warning: ' : ''}${p.message}`);
  if (errors.length) {
    status = 'fail';
    const lines = [...new Set(errors.filter((p) => p.line).map((p) => p.line))];
    title = `${path}: ${errors.length} problem${errors.length === 1 ? '' : 's'}${lines.length ? ` (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})` : ''}`;
    fix = `Fix ${lines.length ? `line${lines.length === 1 ? '' : 's'} ${lines.join(', ')} of ${path}` : 'the values above'} (or edit them in the settings screen, Ctrl+S).`;
  } else if (config.problems.length && status === 'pass') {
    status = 'warn';
    fix = `Tidy ${path} (the warnings above do not stop anything).`;
  }
  detail.push(...valueLines(config, text, input.env));
  return { status, title, detail, ...(fix ? { fix } : {}), ...(status === 'fail' ? { kind: 'config' as const } : {}) };
}

/** Which value won for each key, and from where; secrets masked. */
function valueLines(config: ConfigSnapshot, text: string | undefined, env: NodeJS.ProcessEnv | undefined): string[] {
  const fileValues = text === undefined ? {} : parseEnvText(text);
  const lineOf = new Map<string, number>();
  if (text !== undefined) for (const e of new EnvDocument(text).entries()) lineOf.set(e.key, e.line);
  const width = Math.max(...CONFIG_KEYS.map((k) => k.length)) + 1;
  const out: string[] = [];
  for (const key of CONFIG_KEYS) {
    const v = config.values[key];
    const show = (x: string) => (SECRET_KEYS.has(key) ? maskSecret(x) : x);
    if (!v) {
      if (key === 'ANTHROPIC_BASE_URL') out.push(`${key.padEnd(width)}(not set: Anthropic's API directly)`);
      else if (key === 'OPENWORK_PROXY_FORMAT') out.push(`${key.padEnd(width)}auto (default)`);
      else if (key === 'OPENWORK_TIMEOUT_MS') out.push(`${key.padEnd(width)}${config.timeoutMs} (default)`);
      continue;
    }
    const notes: string[] = [];
    const src = config.sources[key];
    notes.push(src === 'file' ? `.env line ${lineOf.get(key) ?? '?'}` : 'environment');
    const envValue = env?.[key]?.trim();
    if (src === 'file' && envValue && envValue !== v) notes.push(`overrides the environment's ${show(envValue)}`);
    if (src === 'env' && key in fileValues) notes.push(`.env line ${lineOf.get(key) ?? '?'} is empty`);
    if (key === config.credentialVar) notes.push('sent as the key');
    else if (key === 'ANTHROPIC_API_KEY' && config.credentialVar === 'ANTHROPIC_AUTH_TOKEN') notes.push('not sent: ANTHROPIC_AUTH_TOKEN wins');
    if (key === 'OPENAI_API_KEY') notes.push('only for gpt-*/o* models, never sent to the proxy');
    if (key === 'ANTHROPIC_BASE_URL' && isAnthropicDirect(v)) notes.push("Anthropic's API directly");
    out.push(`${key.padEnd(width)}${show(v)}  (${notes.join('; ')})`);
  }
  return out;
}