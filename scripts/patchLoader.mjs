// Node's load hook for the tests (registered by scripts/testPatches.mjs): a patched file of a
// package in node_modules is handed to Node patched, exactly as esbuild bundles it. A search text
// that is gone throws, so the tests fail as the build would.
import { fileURLToPath } from 'node:url';
import { DEPENDENCY_PATCHES } from './buildOptions.mjs';
import { patchFile } from './patchDeps.mjs';

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.startsWith('file:') || !url.includes('/node_modules/') || result.format !== 'module' || result.source == null) return result;
  const path = fileURLToPath(url);
  const patched = patchFile(DEPENDENCY_PATCHES, path, typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8'));
  return patched === undefined ? result : { ...result, source: patched };
}
