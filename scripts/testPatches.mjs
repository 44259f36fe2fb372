// The tests run against the dependency patches that ship: vitest starts its workers with
// `--import scripts/testPatches.mjs` (vitest.config.ts), which registers a load hook that applies
// the build's own table (DEPENDENCY_PATCHES, scripts/buildOptions.mjs) with the same function
// (patchFile, scripts/patchDeps.mjs) when Node loads a patched file from node_modules. ES modules
// only: dotenv's patch (CommonJS, a start-up saving) and the React facade (bundling only) are the
// build's alone; neither changes what the code does.
import { register } from 'node:module';

register('./patchLoader.mjs', import.meta.url);
