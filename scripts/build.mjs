// Bundles the app into dist/: cli.js (argument parsing and the headless commands, code-split so
// --version and --help load no ink, React or SDK), tui.js (the chat's entry: Ink, React and the
// loader of chat.js, the chat's own code as a script compiled with a code cache) and lazy/ (the SDK
// adapters and conf, loaded when first needed).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { cliBuildOptions, tuiBuildOptions } from './buildOptions.mjs';
import { chatScriptOptions } from './chatScript.mjs';
import { writeSdkModels } from './sdkModels.mjs';

// The Anthropic SDK's model list and deprecation table, as the installed SDK has them (src/config/sdkModels.ts).
writeSdkModels();

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await Promise.all([build(cliBuildOptions('dist')), build(tuiBuildOptions('src/chatLoader.ts', 'dist')), build(await chatScriptOptions('dist'))]);
