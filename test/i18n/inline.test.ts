// Every user-facing string comes from the catalog (src/i18n): this test reads the code that
// makes the screens, the CLI output, the errors and hints and the doctor's checks with the
// TypeScript parser, and fails on a string literal or JSX text of two or more English words.
// Log lines (they stay English, for bug reports), error objects never shown to the user, and the
// few technical strings below are exempt.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Files (or folders) that make user-facing text; for some, only the named functions. */
const SCANNED: readonly (string | { file: string; functions: readonly string[] })[] = [
  'src/components',
  'src/commands',
  'src/help.ts',
  'src/app.tsx',
  'src/tui.tsx',
  'src/cli.tsx',
  'src/args.ts',
  'src/state',
  'src/config',
  'src/slash',
  'src/i18n/connection.ts',
  'src/settings/saveEnv.ts',
  'src/runtime/errors.ts',
  'src/runtime/config.ts',
  'src/runtime/service.ts',
  'src/doctor',
  'src/words',
];

/** Strings that are not user text though they read like it. */
const ALLOWED = new Set([
  'Reply with one word: ok', // the doctor's one-token request to the model
  'plain HTTP to a TLS port', // an internal error carrying a code; classifyError words it
  'usage error', // UsageError's own message; the CLI prints its `say` instead
  'openwork-tui doctor', // the command's name, as the header of its output
  'Authorization: Bearer', // an HTTP header
  '[openwork-tui: the rest of this reply was too long to keep in the conversation]', // chat.ts CUT_NOTE, said to the model
]);

/** Calls whose string arguments are not shown to the user. */
const SILENT_CALLS = /^(logger|this\.opts\.logger|input\.logger|opts\.logger|console)\.(info|warn|error|debug|log)$|^(codeError|runtime\.logError)$/;

const WORDS = /[A-Za-z]{2,}[,.:;!?]?\s+[A-Za-z]{2,}/;

function files(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .filter((f) => !/\.test\.tsx?$/.test(f)) // tests beside their module (src/slash/) are not user text
    .flatMap((f) => files(join(path, f)));
}

interface Finding {
  where: string;
  text: string;
}

function scan(path: string, only?: readonly string[], text = readFileSync(join(ROOT, path), 'utf8')): Finding[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const report = (node: ts.Node, value: string) => {
    if (!WORDS.test(value) || ALLOWED.has(value.trim())) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push({ where: `${relative(ROOT, join(ROOT, path))}:${line + 1}`, text: value.trim().slice(0, 100) });
  };
  const visit = (node: ts.Node, inScope: boolean): void => {
    // Not user text: module names, types, log lines, errors that never reach the screen.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node) || ts.isTypeNode(node)) return;
    if (ts.isCallExpression(node) && (SILENT_CALLS.test(node.expression.getText(source)) || node.expression.kind === ts.SyntaxKind.ImportKeyword)) return;
    if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(source))) return;
    let scope = inScope;
    if (only && ts.isFunctionDeclaration(node) && node.name && only.includes(node.name.text)) scope = true;
    if (scope) {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) report(node, node.text);
      else if (ts.isTemplateExpression(node)) report(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' '));
      else if (ts.isJsxText(node)) report(node, node.text);
    }
    ts.forEachChild(node, (child) => visit(child, scope));
  };
  visit(source, !only);
  return found;
}

describe('user-facing text', () => {
  const targets: { file: string; functions?: readonly string[] | undefined }[] = SCANNED.flatMap((s) => (typeof s === 'string' ? files(s).map((file) => ({ file })) : [s]));

  it('the scan covers the files that make the screens, the CLI output, errors and the doctor', () => {
    expect(targets.length).toBeGreaterThan(40);
  });

  it.each(targets.map((t) => [t.file, t.functions] as const))('%s has no English sentence outside the catalog', (file, functions) => {
    expect(scan(file, functions)).toEqual([]);
  });

  it('notices a sentence in JSX, in a string and in a template, but not in a log line, an import or a type', () => {
    const code = [
      "import { x } from 'some module name';",
      "type T = 'one two' | 'three';",
      'const a = <Text>Press any key</Text>;',
      "const b = 'not from the catalog';",
      'const c = `${a} items were found`;',
      "logger.info('[Runtime] this is a log line');",
      "throw new Error('internal only text');",
      "const d = m.chat.placeholder + 'x' + 'Ctrl+C';",
    ].join('\n');
    expect(scan('probe.tsx', undefined, code).map((f) => f.text)).toEqual(['Press any key', 'not from the catalog', 'items were found']);
  });
});
