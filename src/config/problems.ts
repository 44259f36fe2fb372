// A problem found while reading .env, worded by the config schema that found it (its checks carry
// their words, `say`): the runtime passes problems on and words none of them.
import type { Say } from '../i18n/en.js';
import { said } from '../i18n/said.js';
import type { ConfigKey } from './keys.js';
import type { UrlCheck } from './values.js';

export interface ConfigProblem {
  line: number; // 1-based; 0 when not tied to a line
  key?: string;
  /** In English (logs, tests); `say` words it in the user's language. */
  message: string;
  say?: Say;
  /** A warning does not make the file unusable (e.g. a duplicated key). */
  warning?: boolean;
}

/** Why the schema refuses a value. */
export type ValueFault = { id: 'url'; check: Extract<UrlCheck, { ok: false }> } | { id: 'proxyFormat'; value: string } | { id: 'timeout'; value: string };

/** The problem for `key`'s value, on `line` of the file (0: from the environment, `fromEnv`). */
export function valueProblem(key: ConfigKey, line: number, fromEnv: boolean, fault: ValueFault): ConfigProblem {
  const say: Say =
    fault.id === 'url'
      ? (m) => m.problems.keyed({ key, message: fault.check.say(m) })
      : fault.id === 'proxyFormat'
        ? (m) => m.problems.proxyFormat({ value: fault.value })
        : (m) => m.problems.timeout({ value: fault.value });
  return { line, key, ...said((m) => (fromEnv ? m.problems.fromEnv({ message: say(m) }) : say(m))) };
}
