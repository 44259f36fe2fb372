// Which Claude model is the default, and which are deprecated or retired — all from the installed
// Anthropic SDK's own data (src/config/sdkModels.ts, extracted at build time) and today's date, so
// the default moves on by itself when a model reaches its end of life or the SDK is upgraded.
import { SDK_END_OF_LIFE, SDK_MODELS } from './sdkModels.js';

/** YYYY-MM-DD of `now` in UTC (the SDK's dates are calendar days). */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** A provider's name for a model ("anthropic/claude-…", "claude-…@2025…") reduced to the SDK's form. */
function sdkName(id: string): string {
  return id.replace(/^[\w.-]+\//, '').replace(/@.*$/, '');
}

/** The model's end-of-life date (YYYY-MM-DD) when the SDK lists it as deprecated. */
export function endOfLife(id: string | undefined, table: Readonly<Record<string, string>> = SDK_END_OF_LIFE): string | undefined {
  if (!id) return undefined;
  return table[id] ?? table[sdkName(id)];
}

export type ModelLife = { state: 'current' } | { state: 'deprecated' | 'retired'; date: string };

/** current (not in the SDK's deprecation table), deprecated (its end of life is ahead) or retired (past it). */
export function modelLife(id: string | undefined, now: Date = new Date(), table: Readonly<Record<string, string>> = SDK_END_OF_LIFE): ModelLife {
  const date = endOfLife(id, table);
  if (!date) return { state: 'current' };
  return { state: date <= isoDay(now) ? 'retired' : 'deprecated', date };
}

/** A Sonnet's version as numbers to compare: claude-sonnet-4-5-20250929 → [4, 5, 20250929]; claude-3-5-sonnet-… → [3, 5, …]. */
function sonnetVersion(id: string): number[] | undefined {
  const m = /^claude-sonnet-(\d+)(?:-(\d{1,2}))?(?:-(\d{8}))?$/.exec(id) ?? /^claude-(\d+)(?:-(\d{1,2}))?-sonnet(?:-(\d{8}))?$/.exec(id);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function newer(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (b[i] ?? 0) - (a[i] ?? 0);
  return 0;
}

/**
 * The built-in default: the newest Sonnet the SDK lists that is not in its deprecation table; if
 * every Sonnet is deprecated, the newest one whose end of life is still ahead; failing that the
 * newest Sonnet at all (an SDK that lists none keeps the first model it lists).
 */
export function defaultModel(now: Date = new Date(), models: readonly string[] = SDK_MODELS, table: Readonly<Record<string, string>> = SDK_END_OF_LIFE): string {
  const sonnets = models
    .map((id, order) => ({ id, order, v: sonnetVersion(id) }))
    .filter((s): s is { id: string; order: number; v: number[] } => s.v !== undefined)
    // Newest version first; the alias before its dated twin only by the SDK's own order.
    .sort((a, b) => newer(a.v.slice(0, 2), b.v.slice(0, 2)) || a.order - b.order);
  const pick =
    sonnets.find((s) => !endOfLife(s.id, table)) ?? sonnets.find((s) => modelLife(s.id, now, table).state === 'deprecated') ?? sonnets[0];
  return pick?.id ?? models[0] ?? 'claude-sonnet-4-5';
}
