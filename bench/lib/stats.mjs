// Small statistics helpers: the bench reports medians of several runs.
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The median of app[i] / base[i], where each pair ran back to back. This machine's speed drifts by
 * tens of percent over seconds (other tenants, CPU clocks), and a pair shares the moment it ran in:
 * the median of pair ratios moves far less from one bench run to the next than the ratio of the
 * two medians does.
 */
export function pairedRatio(app, base) {
  if (app.length !== base.length) throw new Error('pairedRatio: runs must come in pairs');
  return median(app.map((a, i) => a / base[i]));
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
