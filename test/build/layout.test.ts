// The shape of the built app (dist/, made by `npm test`'s build step) that start-up speed rests on:
// --version and --help load no ink or SDK, the chat starts from one ES module (Ink, React) and one
// script (its own code, compiled with a code cache), and the SDKs and conf load only when first used.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Files loaded, by static imports, when `entry` is imported. */
function staticGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(join(DIST, file), 'utf8');
    for (const m of src.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+)["']/g)) visit(join(file, '..', m[1]!));
  };
  visit(entry);
  return [...seen];
}

const dynamicImports = (file: string): string[] => [...readFileSync(join(DIST, file), 'utf8').matchAll(/import\(["'](\.\/[^"']+)["']\)/g)].map((m) => m[1]!);

describe('dist layout', () => {
  it('cli.js loads no ink, React or SDK before it knows the command', () => {
    const files = staticGraph('cli.js');
    const code = files.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(code.length).toBeLessThan(20_000);
    expect(code).not.toMatch(/yoga|react-reconciler|openai|anthropic-ai/i);
    expect(dynamicImports('cli.js')).toContain('./tui.js');
  });

  it("the chat starts from one ES module holding Ink and React, and its own code is a script that takes them from there", () => {
    // dist/tui.js: Ink, React (and yoga's WebAssembly) and the loader; none of the app's own code.
    expect(staticGraph('tui.js')).toEqual(['tui.js']);
    const entry = readFileSync(join(DIST, 'tui.js'), 'utf8');
    const chat = readFileSync(join(DIST, 'chat.js'), 'utf8');
    for (const inkOrReact of ['react.transitional.element', 'AGFzbQ']) {
      expect(entry).toContain(inkOrReact);
      expect(chat).not.toContain(inkOrReact); // one copy, handed over by the loader
    }
    expect(entry).not.toContain('Send a message');
    expect(chat).toContain('Send a message');
    // dist/chat.js: one function expression under a header naming its content (the code cache's key).
    expect(chat).toMatch(/^\/\/ openwork-tui chat [0-9a-f]{16}\n\(function \(module, exports, require, __host, __import, __importMetaUrl\) \{\n/);
    expect(chat.trimEnd().endsWith('})')).toBe(true);
    // It loads the SDK adapters, conf and the Chinese catalog from the CLI's build when first needed, through the loader's import().
    const lazy = [...chat.matchAll(/__import\(["'](\.\/[^"']+)["']\)/g)].map((m) => m[1]!);
    for (const name of ['openaiChat', 'anthropicMessages', 'prefs', 'zh-CN']) {
      expect(lazy).toContain(`./lazy/${name}.js`);
      expect(existsSync(join(DIST, 'lazy', `${name}.js`))).toBe(true);
    }
    // argv the chat does not run (a usage error, a command) goes to the CLI's build.
    expect(lazy).toContain('./cli.js');
  });
});

describe('a broken install', () => {
  it('without the Chinese catalog file, a Chinese locale falls back to English instead of failing', async () => {
    const root = mkdtempSync(join(tmpdir(), 'openwork-install-'));
    try {
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(DIST, '..', part), join(root, part), { recursive: true });
      rmSync(join(root, 'dist', 'lazy', 'zh-CN.js'));
      const bin = join(root, 'bin', 'openwork-tui.cjs');
      const env = { LANG: 'zh_CN.UTF-8' };
      const help = await runCli(['--help'], { home: root, env, bin });
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage');
      // The chat's own bundle (no terminal here: it says so, in English, and exits 2).
      const chat = await runCli([], { home: root, env, bin });
      expect(chat.code).toBe(2);
      expect(chat.stderr).toContain('-p');
      expect(chat.stderr).not.toMatch(/unexpected error/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
