// The chat's entry, dist/tui.js. Ink, React and string-width load here as ES modules, as in any Ink
// app; the app's own code is dist/chat.js, a script compiled with a V8 code cache (src/codeCache.ts)
// that imports them from here (scripts/chatScript.mjs). --version and the headless commands never
// come here (bin/openwork-tui.cjs, src/cli.tsx).
import * as ink from 'ink';
import * as react from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import stringWidth from 'string-width';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCached } from './codeCache.js';
import { openworkHome } from './settings/home.js';
import type { ParsedArgs } from './args.js';
import type * as TuiMain from './tuiMain.js';

type Chat = Pick<typeof TuiMain, 'main' | 'runTuiCommand' | 'setCodeCache'>;

/** What the script finds under these names (scripts/chatScript.mjs builds its imports of them). */
const HOST_MODULES = { ink, react, 'react/jsx-runtime': jsxRuntime, 'string-width': { default: stringWidth } };

let chat: Chat | undefined;

function load(env: NodeJS.ProcessEnv): Chat {
  if (chat) return chat;
  const file = fileURLToPath(new URL('./chat.js', import.meta.url));
  const { fn, cache } = compileCached(file, join(openworkHome(env), 'cache'));
  const module = { exports: {} as Chat };
  // The wrapper's parameters: scripts/chatScript.mjs. Its import() calls are this module's (paths relative to dist/).
  fn(module, module.exports, createRequire(import.meta.url), HOST_MODULES, (spec: string) => import(spec), import.meta.url);
  module.exports.setCodeCache(cache);
  return (chat = module.exports);
}

export function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return load(env).main(argv, env);
}

export function runTuiCommand(args: ParsedArgs, env: NodeJS.ProcessEnv): Promise<number> {
  return load(env).runTuiCommand(args, env);
}
