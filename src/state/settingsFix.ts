// What to do about a failed "Test connection" check, said as it is true on the settings screen:
// the doctor's fixes are written for the chat and the shell ("open settings with Ctrl+S", "or edit
// them in the settings screen"), which is wrong advice on the screen that is already open. Pure.
import type { CheckResult } from '../doctor/index.js';
import type { ConfigSnapshot } from '../runtime/types.js';
import type { Messages } from '../i18n/en.js';

export function settingsFix(r: CheckResult, config: ConfigSnapshot, m: Messages): string | undefined {
  const here = m.settings.checks.fix;
  if (r.status !== 'fail' || r.fix === undefined) return r.fix;
  if (r.kind === 'auth') return here.key({ key: config.credentialVar ?? 'ANTHROPIC_API_KEY' });
  if (r.id === 'config') {
    const lines = [...new Set(config.problems.filter((p) => !p.warning && p.line).map((p) => p.line))];
    return lines.length ? here.lines({ path: config.envPath, lines }) : here.values;
  }
  return r.fix;
}
