// "Nearest first" ordering of model names: claude-3-5-sonnet-20241022 → claude-3-5-sonnet.

/** Lower-case, drop a provider prefix (anthropic/...) and a trailing date or "-latest". */
export function baseModelName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^[a-z0-9_-]+\//, '')
    .replace(/(-|@)(\d{8}|latest|v\d+(:\d+)?)$/, '');
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function score(wanted: string, candidate: string): number {
  const w = baseModelName(wanted);
  const c = baseModelName(candidate);
  if (w === c) return 0;
  if (c.startsWith(w) || w.startsWith(c)) return 1 + Math.abs(c.length - w.length) / 100;
  return 2 + editDistance(w, c);
}

/** `served` sorted nearest-first to `wanted` (stable for ties). */
export function nearestModels(wanted: string, served: readonly string[]): string[] {
  return served
    .map((name, i) => ({ name, i, s: score(wanted, name) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.name);
}

/** The served name that is clearly the same model (same base name), if any. */
export function sameModel(wanted: string, served: readonly string[]): string | undefined {
  const w = baseModelName(wanted);
  return served.find((s) => s !== wanted && baseModelName(s) === w);
}

/** The nearest served name when it is plausibly the same model family, not just "some model". */
export function suggestFor(name: string, served: readonly string[]): string | undefined {
  const same = sameModel(name, served);
  if (same) return same;
  const best = nearestModels(name, served)[0];
  if (!best || best === name) return undefined;
  const a = baseModelName(name);
  const b = baseModelName(best);
  return a.startsWith(b) || b.startsWith(a) ? best : undefined;
}

/** The model the chat uses when nobody chose one and the proxy lacks it: the nearest served name, else the first it lists. */
export function replacementFor(name: string, served: readonly string[]): string | undefined {
  return served.includes(name) ? undefined : (suggestFor(name, served) ?? served[0]);
}
