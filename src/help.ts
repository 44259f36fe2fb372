// `openwork-tui --help`, from the catalog. The columns are aligned in terminal cells, so Chinese
// descriptions line up as English ones do.
import { type Messages } from './i18n/index.js';
import { padEnd, textWidth } from './i18n/width.js';

/** Left cells longer than this get their description on the next line. */
const MAX_LEFT = 36;

function table(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(...rows.map(([left]) => textWidth(left)).filter((w) => w <= MAX_LEFT)) + 2;
  return rows.map(([left, right]) => {
    if (!right) return `${indent}${left}`;
    if (textWidth(left) > MAX_LEFT) return `${indent}${left}\n${indent}${' '.repeat(width)}${right}`;
    return `${indent}${padEnd(left, width)}${right}`;
  });
}

export function helpText(version: string, m: Messages): string {
  const u = m.usage;
  const exit = u.exitRows.map(([code, what]) => [code.padStart(3), what] as const);
  return [
    u.title({ version }),
    '',
    u.usage,
    ...table(u.commands),
    '',
    u.options,
    ...table(u.optionRows),
    '',
    u.configuration,
    ...table(u.configRows),
    '',
    u.exitCodes,
    ...exit.map(([code, what]) => `  ${code} ${what}`),
    '',
  ].join('\n');
}
