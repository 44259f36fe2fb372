// The import graph of src/ and the rules it must keep (issue 15). Read with the TypeScript parser,
// so `import type` (erased at build) is told apart from an import of values.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

export interface Edge {
  /** The importing file, relative to the repository (src/runtime/service.ts). */
  from: string;
  /** A file under src/ (src/components/App.tsx) or a package name (ink, node:net). */
  to: string;
  /** Only types cross this edge (`import type`, or every named import marked `type`). */
  typeOnly: boolean;
}

/** Every .ts/.tsx file under `dir` (not tests), as repository-relative path → text. */
export function readSources(root: string, dir = 'src'): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(join(root, d), { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.set(p, readFileSync(join(root, p), 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function packageName(spec: string): string {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

function target(from: string, spec: string, files: ReadonlyMap<string, string>): string {
  if (!spec.startsWith('.')) return packageName(spec);
  const base = normalize(join(dirname(from), spec)).replace(/\.js$/, '');
  return files.has(`${base}.tsx`) ? `${base}.tsx` : `${base}.ts`;
}

/** The imports (static, re-exports and dynamic `import()`) of every file; `all` resolves `./x.js` to .ts or .tsx. */
export function importEdges(files: ReadonlyMap<string, string>, all: ReadonlyMap<string, string> = files): Edge[] {
  const edges: Edge[] = [];
  for (const [file, text] of files) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const add = (spec: ts.Expression | undefined, typeOnly: boolean): void => {
      if (spec && ts.isStringLiteral(spec)) edges.push({ from: file, to: target(file, spec.text, all), typeOnly });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node)) {
        const c = node.importClause;
        const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
        const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier, typeOnly);
      } else if (ts.isExportDeclaration(node)) {
        const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
        add(node.moduleSpecifier, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        add(node.arguments[0], false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        add(node.argument.literal as ts.Expression, true);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return edges;
}

/** The layer of a file: its folder under src/ ("runtime"), or "root" for src/app.tsx and the like. */
export function layerOf(file: string): string {
  const rel = relative('src', file).split(/[\\/]/);
  return rel.length > 1 ? (rel[0] ?? 'root') : 'root';
}

const UI = ['react', 'ink', 'ink-testing-library'];
const NETWORK = ['node:net', 'node:http', 'node:https', 'node:tls', 'net', 'http', 'https', 'tls', 'openai', '@anthropic-ai/sdk', 'undici'];

export interface Rule {
  from: string;
  /** Layers (folders under src/) or packages this layer must not import. */
  not: readonly string[];
  /** Type-only imports are fine (the layer may name the shapes, not call the code). */
  typesAllowed?: boolean;
  why: string;
}

export const RULES: readonly Rule[] = [
  { from: 'runtime', not: ['components', 'state', 'slash', 'root', 'settings', 'doctor', ...UI], why: 'the runtime knows no UI, and reads .env through config/' },
  // Not even a type: a runtime that names Messages is handed a catalog to word with.
  { from: 'runtime', not: ['i18n', 'words'], why: 'the runtime reports facts (kinds and data); words/, the UI and the commands word them' },
  { from: 'doctor', not: ['components', 'state', 'slash', 'root', 'settings', ...UI], why: 'the doctor is a command over the runtime, shared by the CLI and the chat\'s state' },
  { from: 'words', not: ['components', 'state', 'slash', 'root', 'settings', 'doctor', ...UI], why: 'words/ words the runtime\'s facts for the chat and the commands alike' },
  { from: 'config', not: ['runtime', 'settings', 'components', 'state', 'slash', 'root', ...UI], why: 'the config schema is shared by runtime/ and settings/' },
  { from: 'settings', not: ['runtime', 'components', 'state', 'slash', 'root', ...UI], typesAllowed: true, why: 'settings and runtime share config/, not each other (settings may implement an interface the runtime declares)' },
  { from: 'render', not: ['runtime', 'components', 'state', ...NETWORK, ...UI], why: 'rendering is pure text work' },
  { from: 'i18n', not: ['runtime', 'components', 'state', 'settings', ...UI], typesAllowed: true, why: 'catalogs are words' },
  { from: 'components', not: ['runtime', 'settings', 'doctor'], typesAllowed: true, why: 'views reach the runtime and the files through state hooks' },
  { from: 'state', not: ['components', 'root'], why: 'state hooks and reducers know no views' },
  { from: 'slash', not: ['components', 'runtime', 'settings', 'root', ...UI], typesAllowed: true, why: 'a command acts through its SlashContext' },
];

export interface Violation extends Edge {
  rule: Rule;
}

/** Edges that break a rule. */
export function violations(edges: readonly Edge[], rules: readonly Rule[] = RULES): Violation[] {
  const out: Violation[] = [];
  for (const e of edges) {
    const fromLayer = layerOf(e.from);
    const toLayer = e.to.startsWith('src/') ? layerOf(e.to) : e.to;
    for (const rule of rules) {
      if (rule.from !== fromLayer || !rule.not.includes(toLayer)) continue;
      if (rule.typesAllowed && e.typeOnly && e.to.startsWith('src/')) continue;
      out.push({ ...e, rule });
    }
  }
  return out;
}

export const describeViolation = (v: Violation): string => `${v.from} → ${v.to}${v.typeOnly ? ' (types)' : ''}: ${v.rule.why}`;
