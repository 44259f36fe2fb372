// Bundles src/cli.tsx into dist/ with code splitting, so the SDKs, ink and React load only when a
// command needs them (--version and --help load none of them).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { appBuildOptions } from './buildOptions.mjs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build(appBuildOptions('src/cli.tsx', 'dist'));
