// The chat's own code as a script, dist/chat.js, that src/chatLoader.ts (dist/tui.js) compiles with
// a V8 code cache (src/codeCache.ts). It is CommonJS wrapped in one function expression whose
// parameters hand it what an ES module would import: Ink, React and string-width from dist/tui.js
// (one copy, shared with Ink), import() for the lazy files of dist/ and the loader's import.meta.url.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { baseOptions, lazyFromCli, ROOT } from './buildOptions.mjs';

/** The packages dist/tui.js hands over: the keys of HOST_MODULES in src/chatLoader.ts. */
export const HOST_MODULES = ['ink', 'react', 'react/jsx-runtime', 'string-width'];
const WRAPPER_PARAMS = 'module, exports, require, __host, __import, __importMetaUrl';

/** The names each host module exports (the script destructures them once, when it starts). */
async function exportNames() {
  const require = createRequire(join(ROOT, 'package.json'));
  const named = (keys) => keys.filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
  return {
    ink: named(Object.keys(await import('ink'))),
    react: named(Object.keys(require('react'))),
    'react/jsx-runtime': named(Object.keys(require('react/jsx-runtime'))),
    'string-width': [],
  };
}

function hostModules(names) {
  return {
    name: 'host-modules',
    setup(b) {
      const filter = new RegExp(`^(${HOST_MODULES.map((m) => m.replace('/', '\\/')).join('|')})$`);
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'host-modules' }));
      b.onLoad({ filter: /.*/, namespace: 'host-modules' }, (args) => {
        const list = names[args.path];
        const named = list.length ? `export const { ${list.join(', ')} } = m;\n` : '';
        return { contents: `const m = __host[${JSON.stringify(args.path)}];\nexport default m.default;\n${named}`, loader: 'js' };
      });
    },
  };
}

/**
 * The bundle, CommonJS, becomes the script: import() of a lazy file or a Node module goes through the
 * loader (a script has no module to resolve from), and a header names the content (its cache's name).
 * `calls` is how many import() calls the bundle has (esbuild's metafile): the build fails if the
 * rewrite finds another number (an "import(" inside a string), or anything a script cannot run is left.
 */
export function toScript(code, calls) {
  let found = 0;
  const script = code.replace(/(?<![\w$.])import\((?=["'`])/g, () => {
    found++;
    return '__import(';
  });
  if (found !== calls) throw new Error(`chat script: ${found} import() calls rewritten, the bundle has ${calls}`);
  const left = /(?<![\w$.])import\s*\(|\bimport\.meta\b/.exec(script);
  if (left) throw new Error(`chat script: "${script.slice(left.index, left.index + 60)}" cannot run in a script`);
  const body = `(function (${WRAPPER_PARAMS}) {\n${script}\n})`;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return `// openwork-tui chat ${hash}\n${body}`;
}

function writeScript(outfile) {
  return {
    name: 'chat-script',
    setup(b) {
      b.onEnd((result) => {
        if (result.errors.length) return undefined;
        try {
          const calls = Object.values(result.metafile.inputs)
            .flatMap((input) => input.imports)
            .filter((i) => i.kind === 'dynamic-import' && i.external).length;
          const text = toScript(result.outputFiles.find((f) => f.path === outfile).text, calls);
          mkdirSync(dirname(outfile), { recursive: true });
          writeFileSync(outfile, text);
          return undefined;
        } catch (err) {
          return { errors: [{ text: err.message }] };
        }
      });
    },
  };
}

/** esbuild options for `outdir`/chat.js (with the CLI's build and dist/tui.js: scripts/build.mjs). */
export async function chatScriptOptions(outdir) {
  const base = baseOptions();
  const outfile = resolve(ROOT, outdir, 'chat.js');
  return {
    ...base,
    entryPoints: ['src/tuiMain.tsx'],
    outfile,
    format: 'cjs',
    write: false,
    metafile: true,
    banner: {},
    define: { ...base.define, 'import.meta.url': '__importMetaUrl' },
    logOverride: { 'empty-import-meta': 'error' },
    plugins: [hostModules(await exportNames()), ...base.plugins, lazyFromCli, writeScript(outfile)],
  };
}
