import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    // The tests load Ink, string-width, ansi-tokenize and yoga with the build's patches applied.
    execArgv: ['--import', fileURLToPath(new URL('./scripts/testPatches.mjs', import.meta.url))],
  },
});
