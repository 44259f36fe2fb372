// The esbuild options for the app's bundle (scripts/build.mjs), shared with the benchmark's
// baseline Ink app (bench/lib/setup.mjs) so both are bundled exactly the same way.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Ink 6.8 memoises the size and the wrapping of every distinct string it ever lays out, in maps
 * that are never emptied. A chat lays out new strings all the time (each frame of a streaming
 * reply, each keystroke in the prompt), so memory grows for as long as the app runs. This bounds
 * both memos: when one holds more than MAX entries it starts afresh. The build fails if Ink's source
 * no longer matches, so an upgrade cannot silently drop the bound.
 */
const MAX = 2000;
const INK_MEMO_PATCHES = [
  {
    file: /ink[\\/]build[\\/]measure-text\.js$/,
    find: '    cache.set(text, dimensions);',
    replace: `    if (cache.size >= ${MAX}) cache.clear();\n    cache.set(text, dimensions);`,
  },
  {
    file: /ink[\\/]build[\\/]wrap-text\.js$/,
    find: 'const cache = {};',
    replace: `let cache = {};\nlet cacheSize = 0;`,
    then: { find: '    cache[cacheKey] = wrappedText;', replace: `    if (++cacheSize > ${MAX}) { cache = {}; cacheSize = 1; }\n    cache[cacheKey] = wrappedText;` },
  },
];

export const boundInkMemos = {
  name: 'bound-ink-memos',
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/](measure-text|wrap-text)\.js$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const p of INK_MEMO_PATCHES.filter((x) => x.file.test(args.path))) {
        for (const step of [p, p.then].filter(Boolean)) {
          if (!source.includes(step.find)) throw new Error(`bound-ink-memos: ${args.path} changed; update scripts/buildOptions.mjs`);
          source = source.replace(step.find, step.replace);
        }
      }
      return { contents: source, loader: 'js' };
    });
  },
};

export function appBuildOptions(entry, outdir) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return {
    entryPoints: [entry],
    outdir,
    absWorkingDir: ROOT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      __OPENWORK_VERSION__: JSON.stringify(pkg.version),
      'process.env.NODE_ENV': '"production"',
    },
    // Some bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    // Optional peer of ink's devtools integration; never used.
    external: ['react-devtools-core'],
    plugins: [boundInkMemos],
  };
}
