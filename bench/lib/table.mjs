// Judges each row against its target and prints the table.

/**
 * kind 'ratio': ratio compared with target — the row's own `ratio` when it has one (the median of
 * run-by-run ratios, see pairedRatio), else measured / baseline; 'abs': measured compared with
 * target; 'bool': `ok` is given. A row may set ok: false itself (e.g. wrong output) to fail.
 */
export function judge(r) {
  const ratio = r.kind === 'ratio' ? (r.ratio ?? r.measured / r.baseline) : undefined;
  const value = r.kind === 'ratio' ? ratio : r.measured;
  let ok = r.ok;
  if (r.kind !== 'bool' && ok !== false) {
    ok = Number.isFinite(value) && (r.op === '<=' ? value <= r.target : r.op === '<' ? value < r.target : value === r.target);
  }
  return { ...r, ratio, ok };
}

const fmt = (v) => {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
    return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  }
  return v === undefined ? '—' : String(v);
};

export function printTable(rows, out) {
  const head = ['row', 'measured', 'baseline', 'ratio', 'target', 'ok'];
  const cells = rows.map((r) => [
    r.row,
    fmt(r.measured),
    fmt(r.baseline),
    r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
    `${r.kind === 'ratio' ? 'ratio ' : ''}${r.op} ${r.target}${r.unit ?? ''}`,
    r.ok ? 'ok' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  out.write(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const c of cells) out.write(`${line(c)}\n`);
  out.write('\nnotes:\n');
  for (const r of rows) {
    if (r.note) out.write(`  ${r.row}: ${r.note}\n`);
    if (r.detail) out.write(`${r.detail.replace(/^/gm, '    | ')}\n`);
  }
}
