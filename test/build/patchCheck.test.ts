// The build's dependency patches cannot silently stop applying (scripts/patchDeps.mjs): esbuild,
// with the same plugin the build uses, bundles a fake node_modules in a temp folder, and the build
// fails on a nested copy no patch is for, on a patched file that was renamed, and on a search text
// that is gone; it patches every copy that has a patch for its version.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { patchPlugin } from '../../scripts/patchDeps.mjs';
// @ts-expect-error: a plain .mjs module without types
import { DEPENDENCY_PATCHES } from '../../scripts/buildOptions.mjs';

type Files = Record<string, string>;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Files): string {
  const root = mkdtempSync(join(tmpdir(), 'ow-patch-'));
  dirs.push(root);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

const pkg = (name: string, version: string, main = 'index.js') => JSON.stringify({ name, version, type: 'module', main });
// width@2 is patched ("slow" → "fast"); wrapper depends on a width of its own.
const PATCHES = [{ pkg: 'width', file: 'index.js', versions: /^2\./, steps: [{ find: "'slow'", replace: "'fast'" }] }];
const base: Files = {
  'entry.js': "import w from 'width';\nimport wrap from 'wrapper';\nconsole.log(w, wrap);\n",
  'node_modules/width/package.json': pkg('width', '2.0.0'),
  'node_modules/width/index.js': "export default 'slow';\n",
  'node_modules/wrapper/package.json': pkg('wrapper', '1.0.0'),
  'node_modules/wrapper/index.js': "import w from 'width';\nexport default w;\n",
};

async function bundle(files: Files, patches: unknown[] = PATCHES): Promise<{ ok: boolean; out: string; errors: string[] }> {
  const root = tree(files);
  try {
    const r = await build({ absWorkingDir: root, entryPoints: ['entry.js'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent', plugins: [patchPlugin(patches)] });
    return { ok: true, out: r.outputFiles[0]!.text, errors: [] };
  } catch (err) {
    return { ok: false, out: '', errors: ((err as { errors?: { text: string }[] }).errors ?? []).map((e) => e.text) };
  }
}

describe('build patches', () => {
  it('patches the copy its version is for', async () => {
    const r = await bundle(base);
    expect(r.errors).toEqual([]);
    expect(r.out).toContain('"fast"');
    expect(r.out).not.toContain('"slow"');
  });

  it('fails on a nested copy of a patched package that no patch is for', async () => {
    const r = await bundle({
      ...base,
      'node_modules/wrapper/node_modules/width/package.json': pkg('width', '1.4.0'),
      'node_modules/wrapper/node_modules/width/index.js': "export default 'slow';\n",
    });
    expect(r.ok).toBe(false);
    expect(r.errors.join('\n')).toMatch(/width@1\.4\.0 at .*wrapper\/node_modules\/width is bundled but no patch .* is for that version/);
  });

  it('patches a nested copy when a patch is for its version', async () => {
    const r = await bundle(
      {
        ...base,
        'node_modules/wrapper/node_modules/width/package.json': pkg('width', '1.4.0'),
        'node_modules/wrapper/node_modules/width/index.js': "export default 'old-slow';\n",
      },
      [...PATCHES, { pkg: 'width', file: 'index.js', versions: /^1\./, steps: [{ find: "'old-slow'", replace: "'old-fast'" }] }],
    );
    expect(r.errors).toEqual([]);
    expect(r.out).toContain('"fast"');
    expect(r.out).toContain('"old-fast"');
  });

  it('fails when the patched file was renamed (the package is bundled, the file is not)', async () => {
    const { ['node_modules/width/index.js']: _gone, ...rest } = base;
    const r = await bundle({ ...rest, 'node_modules/width/package.json': pkg('width', '2.1.0', 'main.js'), 'node_modules/width/main.js': "export default 'slow';\n" });
    expect(r.ok).toBe(false);
    expect(r.errors.join('\n')).toMatch(/width@2\.1\.0 .*: index\.js was not bundled, so its patch did not apply/);
  });

  it("fails when a patch's search text is gone", async () => {
    const r = await bundle({ ...base, 'node_modules/width/index.js': "export default 'quick';\n" });
    expect(r.ok).toBe(false);
    expect(r.errors.join('\n')).toMatch(/width[\\/]index\.js changed; update scripts\/buildOptions\.mjs/);
  });

  it('every real patch names its package, file, versions and upstream status', () => {
    for (const p of DEPENDENCY_PATCHES as { pkg: string; file: string; versions: RegExp; upstream: string; steps: unknown[] }[]) {
      expect(p.pkg, p.file).toMatch(/^[@a-z]/);
      expect(p.versions, p.pkg).toBeInstanceOf(RegExp);
      expect(p.upstream.length, `${p.pkg}/${p.file}`).toBeGreaterThan(10);
      expect(p.steps.length).toBeGreaterThan(0);
    }
  });
});
