// The build resolves `react` and `react/jsx-runtime` to one ES module each that converts React's
// CommonJS exports once (scripts/buildOptions.mjs), instead of an interop copy per importing module.
// Bundled with the app's options, a module must see exactly what React exports, by default and by name.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { ROOT, tuiBuildOptions } from '../../scripts/buildOptions.mjs';

const require = createRequire(join(ROOT as string, 'package.json'));

describe('the React facade in the build', () => {
  it('gives every importer the same, complete React and JSX runtime, converted once', async () => {
    mkdirSync(join(ROOT as string, '.tmp'), { recursive: true }); // inside the project: node_modules resolves
    const dir = mkdtempSync(join(ROOT as string, '.tmp', 'facade-'));
    try {
      writeFileSync(join(dir, 'a.js'), "import * as A from 'react';\nimport R, { useState } from 'react';\nexport { A, R, useState };\n");
      writeFileSync(join(dir, 'b.js'), "import * as B from 'react';\nimport * as J from 'react/jsx-runtime';\nexport { B, J };\n");
      writeFileSync(join(dir, 'entry.js'), "export * from './a.js';\nexport * from './b.js';\n");
      const options = tuiBuildOptions(join(dir, 'entry.js'), join(dir, 'out'));
      const result = await build({ ...options, entryPoints: { entry: join(dir, 'entry.js') }, minify: false, metafile: true });
      const inputs = Object.keys(result.metafile!.inputs);
      expect(inputs).toContain('react-facade:react');
      expect(inputs).toContain('react-facade:react/jsx-runtime');
      const m = (await import(pathToFileURL(join(dir, 'out', 'entry.js')).href)) as Record<string, Record<string, unknown>>;
      // The production build, as the app's bundle defines NODE_ENV=production.
      const cjs = join(require.resolve('react'), '..', 'cjs');
      const react = require(join(cjs, 'react.production.js')) as Record<string, unknown>;
      const jsx = require(join(cjs, 'react-jsx-runtime.production.js')) as Record<string, unknown>;
      expect(m.R).toBe(m.A!.default);
      for (const k of Object.keys(react)) {
        expect(m.A![k], k).toBeDefined();
        expect(m.A![k], k).toBe(m.B![k]); // one conversion: the same values everywhere
        expect(m.A![k], k).toBe(m.R![k]);
      }
      expect(m.useState).toBe(m.R!.useState);
      for (const k of Object.keys(jsx)) expect(m.J![k], k).toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
