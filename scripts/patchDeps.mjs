// Applies the dependency patches (the table is DEPENDENCY_PATCHES in buildOptions.mjs) and makes
// sure none can silently stop applying. Shared by the build (esbuild plugin below) and the tests
// (scripts/testPatches.mjs applies the same table when Node loads node_modules for vitest).
//
// A patch names its package, the file inside it, and the versions its search text was written for:
//   { pkg: 'string-width', file: 'index.js', versions: /^8\./, steps: [{ find, replace }], upstream }
// The build FAILS when
//  - a step's search text is not in the file (the dependency changed);
//  - a bundled copy of a patched package has no patch for its version (a nested copy, or an upgrade);
//  - a patched file was not bundled from a copy whose package was (the file was renamed or moved).
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Applies find/replace steps; throws when the dependency's source no longer matches. */
export function patchSource(source, steps, path) {
  for (const step of steps) {
    if (!source.includes(step.find)) throw new Error(`build patch: ${path} changed; update scripts/buildOptions.mjs`);
    source = source.replace(step.find, () => step.replace); // a function: no $-patterns in the replacement
  }
  return source;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const slashes = (p) => p.split(sep).join('/');

/** The copy of a package a file belongs to: its folder (…/node_modules/<pkg>), or undefined. */
export function copyOf(path, pkg) {
  const p = slashes(path);
  const marker = `/node_modules/${pkg}/`;
  const at = p.lastIndexOf(marker);
  return at < 0 ? undefined : p.slice(0, at + marker.length - 1);
}

const versions = new Map();
/** The version in a copy's package.json (read once per copy). */
export function versionOf(copy) {
  if (!versions.has(copy)) versions.set(copy, JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).version);
  return versions.get(copy);
}

/** The patches for one loaded file: those of its package, its version, and its path inside the copy. */
export function patchesFor(patches, path) {
  const out = [];
  for (const patch of patches) {
    const copy = copyOf(path, patch.pkg);
    if (copy && slashes(path) === `${copy}/${patch.file}` && patch.versions.test(versionOf(copy))) out.push(patch);
  }
  return out;
}

/** The patched text of a loaded file, or undefined when no patch is for it. */
export function patchFile(patches, path, source) {
  const mine = patchesFor(patches, path);
  if (!mine.length) return undefined;
  return mine.reduce((text, patch) => patchSource(text, patch.steps, path), source);
}

/**
 * What a build bundled of the patched packages and what it patched, and the problems: a copy with no
 * patch for its version, or a patch whose file that copy did not give (renamed, moved).
 */
export function patchProblems(patches, loadedCopies, applied) {
  const problems = [];
  for (const [copy, pkg] of loadedCopies) {
    const version = versionOf(copy);
    const mine = patches.filter((p) => p.pkg === pkg && p.versions.test(version));
    if (!mine.length) {
      problems.push(`${pkg}@${version} at ${copy} is bundled but no patch in scripts/buildOptions.mjs is for that version: patch it, or resolve it to a patched copy`);
      continue;
    }
    for (const patch of mine) {
      if (!applied.has(`${copy}/${patch.file}`)) problems.push(`${pkg}@${version} at ${copy}: ${patch.file} was not bundled, so its patch did not apply (renamed or moved?)`);
    }
  }
  return problems;
}

/** The esbuild plugin: patches each file as it loads, and fails the build on any problem above. */
export function patchPlugin(patches) {
  const pkgs = [...new Set(patches.map((p) => p.pkg))];
  const anyFile = new RegExp(`[\\\\/]node_modules[\\\\/](${pkgs.map((p) => escape(p).replace('\\/', '[\\\\/]')).join('|')})[\\\\/]`);
  return {
    name: 'patch-dependencies',
    setup(b) {
      const loadedCopies = new Map();
      const applied = new Set();
      b.onStart(() => {
        loadedCopies.clear();
        applied.clear();
      });
      b.onLoad({ filter: anyFile }, (args) => {
        for (const pkg of pkgs) {
          const copy = copyOf(args.path, pkg);
          if (copy) loadedCopies.set(copy, pkg);
        }
        const source = readFileSync(args.path, 'utf8');
        const patched = patchFile(patches, args.path, source);
        if (patched === undefined) return undefined;
        applied.add(slashes(args.path));
        return { contents: patched, loader: 'js' };
      });
      b.onEnd((result) => {
        if (result.errors.length) return undefined;
        const problems = patchProblems(patches, loadedCopies, applied);
        return problems.length ? { errors: problems.map((text) => ({ text: `build patch: ${text}` })) } : undefined;
      });
    },
  };
}
