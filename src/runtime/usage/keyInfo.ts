// LiteLLM's GET /key/info (Bearer key): the key's spend, max_budget and budget_reset_at. Optional:
// a proxy without it (older, no database, a plain gateway) gives undefined and nothing is shown.
import type { Budget } from '../types.js';

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The budget in a /key/info answer (`{ key, info: { spend, max_budget, budget_reset_at } }`). */
export function parseKeyInfo(body: unknown): Budget | undefined {
  const info = (body as { info?: unknown } | undefined)?.info;
  if (typeof info !== 'object' || info === null) return undefined;
  const r = info as Record<string, unknown>;
  const spend = num(r.spend);
  const maxBudget = num(r.max_budget);
  const resetAt = typeof r.budget_reset_at === 'string' && r.budget_reset_at ? r.budget_reset_at : undefined;
  if (spend === undefined && maxBudget === undefined) return undefined;
  return { ...(spend !== undefined ? { spend } : {}), ...(maxBudget !== undefined ? { maxBudget } : {}), ...(resetAt ? { resetAt } : {}) };
}

export async function fetchKeyInfo(fetchImpl: typeof fetch, baseUrl: string, credential: string | undefined, ms: number): Promise<Budget | undefined> {
  try {
    const res = await fetchImpl(`${baseUrl}/key/info`, {
      headers: { accept: 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
      signal: AbortSignal.timeout(ms),
    });
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return undefined;
    }
    return parseKeyInfo(await res.json());
  } catch {
    return undefined;
  }
}

/** Spent share of the budget (0..1+), when there is a limit. */
export function budgetShare(b: Budget | undefined): number | undefined {
  if (!b || b.maxBudget === undefined || b.maxBudget <= 0 || b.spend === undefined) return undefined;
  return b.spend / b.maxBudget;
}

/** `2026-12-31T00:00:00.000Z` → `2026-12-31 00:00 UTC` (short, unambiguous). */
export function shownTime(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return undefined;
  return new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
