// The Markdown renderer, the code highlighter and the sanitiser on a 20 KB reply and on
// pathological input (the cases a quadratic scan would choke on). Speed lives here, as ratios
// against the plain 20 KB render measured in the same run, not as timed assertions in the tests.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { OUT, ROOT } from '../lib/setup.mjs';
import { median } from '../lib/stats.mjs';

const SAMPLE = [
  '# Setting up the server', '',
  'Here is how you **configure** the `server`, see [the docs](https://example.com/docs) for *details*.',
  "The setting is read at startup, so ~~don't~~ restart after changing it.", '',
  '1. Install the package:', '   ```bash', '   npm install -g server # global', '   ```',
  '2. Edit `config.json`:', '   - set `port` to 8080', '     - nested deeper', '',
  '> **Note:** the quote has _emphasis_', '',
  '| key | value |', '|-----|-------|', '| port | 8080 |', '| host | 服务器 |', '',
  '```ts', 'const x: number = 1; // comment', 'function f(a: string) { return `t ${a}`; }', '```', '',
].join('\n');

/** Each pathological input, named; the renderer must stay linear on all of them. */
const PATHOLOGICAL = [
  ['emphasis openers', (r) => r.md('*a '.repeat(7000))],
  ['mixed delimiters', (r) => r.md('*a_'.repeat(7000))],
  ['brackets', (r) => r.md('['.repeat(20_000))],
  ['backtick runs', (r) => r.md(' `` ```'.repeat(3000))],
  ['nested quotes', (r) => r.md(`${'> '.repeat(5000)}x`)],
  ['table columns', (r) => r.md(`${'| a '.repeat(3000)}\n${'|-'.repeat(3000)}`)],
  ['list markers', (r) => r.md(`${'- '.repeat(10_000)}x`)],
  ['unterminated strings/comments (6 languages)', (r) => {
    const code = '"'.repeat(20_000) + '/*'.repeat(20_000) + "'".repeat(20_000);
    for (const lang of ['ts', 'python', 'bash', 'json', 'go', 'rust']) r.highlightCode(code, lang);
  }],
  ['escape starts (sanitiser)', (r) => r.stripControl('\u001b]'.repeat(50_000) + '\u001b['.repeat(50_000) + '\nok')],
];

async function load() {
  const dir = join(OUT, 'render');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(entry, [
    `export { renderMarkdown } from ${JSON.stringify(join(ROOT, 'src/render/markdown.ts'))};`,
    `export { highlightCode } from ${JSON.stringify(join(ROOT, 'src/render/highlight.ts'))};`,
    `export { stripControl } from ${JSON.stringify(join(ROOT, 'src/render/sanitize.ts'))};`,
  ].join('\n'));
  const outfile = join(dir, 'render.mjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning' });
  const m = await import(`${outfile}?t=${Date.now()}`);
  return { ...m, md: (text) => m.renderMarkdown(text, { width: 80, color: true }) };
}

const best = (fn, runs) => {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    b = Math.min(b, performance.now() - t);
  }
  return b;
};

export async function renderRows({ runs = 7 } = {}) {
  const r = await load();
  let md = '';
  while (md.length < 20_000) md += `${SAMPLE}\n`;
  for (let k = 0; k < 5; k++) r.md(md); // warm up
  const plain = [];
  for (let k = 0; k < 21; k++) plain.push(best(() => r.md(md), 1));
  const base = median(plain);
  const fastest = Math.min(...plain);
  // Each pathological case against the plain render, alternated so drift hits both alike.
  let worst = { name: '', ms: 0, ratio: 0 };
  for (const [name, fn] of PATHOLOGICAL) {
    const ratios = [];
    let ms = Infinity;
    for (let k = 0; k < runs; k++) {
      const a = best(() => fn(r), 1);
      const b = best(() => r.md(md), 1);
      ms = Math.min(ms, a);
      ratios.push(a / b);
    }
    const ratio = median(ratios);
    if (ratio > worst.ratio) worst = { name, ms, ratio };
  }
  return [
    { row: 'Markdown: 20 KB reply rendered (ms)', measured: fastest, baseline: '—', op: '<', target: 50, kind: 'abs',
      note: `fastest of 21 renders (median ${base.toFixed(1)} ms) of a 20,000-character reply with every construct, 80 columns, colour` },
    { row: 'render: worst pathological input vs 20 KB reply', measured: worst.ms, baseline: base, ratio: worst.ratio, op: '<=', target: 20, kind: 'ratio',
      note: `worst: ${worst.name}; ${PATHOLOGICAL.length} inputs of 20–100 K characters; a quadratic scan would be thousands of times the plain render` },
  ];
}
