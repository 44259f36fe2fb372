// Check 1: the .env file. No network.
import { stat } from 'node:fs/promises';
import type { ConfigSnapshot } from '../runtime/types.js';
import { CONFIG_KEYS } from '../config/keys.js';
import { isAnthropicDirect, parseEnvText } from '../config/values.js';
import { networkOf } from '../runtime/config.js';
import { readEnvFile } from '../runtime/loadConfig.js';
import { shownSetting } from '../config/secrets.js';
import { EnvDocument } from '../config/envDocument.js';
import type { CheckStatus, DoctorInput, Outcome } from './types.js';
import { en, type Messages } from '../i18n/en.js';

/** 1. The config file: found, parsed, private; problems by line; which value won for each key. */
export async function checkConfig(input: DoctorInput): Promise<Outcome> {
  const { config } = input;
  const m = input.messages ?? en;
  const d = m.doctor;
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
        title: d.nothingConfigured({ path }),
        detail: [],
        fix: d.nothingConfiguredFix({ path }),
      };
    }
    status = 'warn';
    title = d.envOnly({ path });
    fix = d.envOnlyFix({ path });
  } else {
    title = path;
    if (process.platform !== 'win32') {
      // The settings screen tests values before the first Save: there is no file yet.
      const st = await stat(path).catch(() => undefined);
      const mode = st ? st.mode & 0o777 : undefined;
      const octal = mode === undefined ? '' : `0${mode.toString(8)}`;
      if (mode === undefined) title = d.notSavedYet({ path });
      else if (mode & 0o077) {
        status = 'warn';
        title = d.readable({ path, octal });
        fix = `chmod 600 ${path}`;
      } else title = d.private({ path, octal });
    }
  }

  const errors = config.problems.filter((p) => !p.warning);
  for (const p of config.problems) detail.push(d.problemLine({ line: p.line, warning: !!p.warning, message: p.say ? p.say(m) : p.message }));
  if (errors.length) {
    status = 'fail';
    const lines = [...new Set(errors.filter((p) => p.line).map((p) => p.line))];
    title = d.problems({ path, n: errors.length, lines });
    fix = d.problemsFix({ path, lines });
  } else if (config.problems.length && status === 'pass') {
    status = 'warn';
    fix = d.tidy({ path });
  }
  detail.push(...valueLines(config, text, input.env, m));
  const net = networkOf(config);
  if (net.headers.length) detail.push(d.extraHeaders({ headers: net.headers.map(([k]) => k).join(', ') }));
  if (net.keyHelper) detail.push(d.keyHelper({ command: net.keyHelper.value }));
  if (net.connectTimeout) detail.push(d.connectTimeout({ ms: net.connectTimeout.ms, from: net.connectTimeout.source }));
  for (const p of net.problems) detail.push(d.networkProblem({ message: p }));
  if (net.problems.length && status === 'pass') status = 'warn';
  return { status, title, detail, ...(fix ? { fix } : {}), ...(status === 'fail' ? { kind: 'config' as const } : {}) };
}

/** Which value won for each key, and from where; secrets masked. */
function valueLines(config: ConfigSnapshot, text: string | undefined, env: NodeJS.ProcessEnv | undefined, m: Messages): string[] {
  const w = m.doctor.value;
  const fileValues = text === undefined ? {} : parseEnvText(text);
  const lineOf = new Map<string, number>();
  if (text !== undefined) for (const e of new EnvDocument(text).entries()) lineOf.set(e.key, e.line);
  const width = Math.max(...CONFIG_KEYS.map((k) => k.length)) + 1;
  const out: string[] = [];
  for (const key of CONFIG_KEYS) {
    const v = config.values[key];
    const show = (x: string) => shownSetting(key, x);
    if (!v) {
      if (key === 'ANTHROPIC_BASE_URL') out.push(`${key.padEnd(width)}${w.baseUrlUnset}`);
      else if (key === 'OPENWORK_PROXY_FORMAT') out.push(`${key.padEnd(width)}${w.formatDefault}`);
      else if (key === 'OPENWORK_TIMEOUT_MS') out.push(`${key.padEnd(width)}${w.timeoutDefault({ ms: config.timeoutMs })}`);
      continue;
    }
    const notes: string[] = [];
    const src = config.sources[key];
    notes.push(src === 'file' ? w.fileLine({ line: lineOf.get(key) ?? '?' }) : w.environment);
    const envValue = env?.[key]?.trim();
    if (src === 'file' && envValue && envValue !== v) notes.push(w.overrides({ value: show(envValue) }));
    if (src === 'env' && key in fileValues) notes.push(w.emptyInFile({ line: lineOf.get(key) ?? '?' }));
    if (networkOf(config).keyHelper && (key === 'ANTHROPIC_API_KEY' || key === 'ANTHROPIC_AUTH_TOKEN')) notes.push(w.helperWins);
    else if (key === config.credentialVar) notes.push(w.sent);
    else if (key === 'ANTHROPIC_API_KEY' && config.credentialVar === 'ANTHROPIC_AUTH_TOKEN') notes.push(w.tokenWins);
    if (key === 'OPENAI_API_KEY') notes.push(w.openaiOnly);
    if (key === 'ANTHROPIC_BASE_URL' && isAnthropicDirect(v)) notes.push(w.anthropicDirect);
    out.push(`${key.padEnd(width)}${w.withNotes({ value: show(v), notes })}`);
  }
  return out;
}