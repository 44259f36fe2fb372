import { readFileSync } from 'node:fs';
import { EnvDocument } from '../config/envDocument.js';
import { resolveConfig } from './config.js';
import type { ConfigSnapshot } from './types.js';

export interface LoadedConfig {
  config: ConfigSnapshot;
  /** The file's text (undefined when missing), for no-op change detection. */
  text: string | undefined;
}

/** A .env that exists but cannot be read (no permission, a folder, an I/O error): config/readWords.ts words it. */
export class EnvReadError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`cannot read ${path} (${code})`, { cause });
  }
}

export function readEnvFile(envPath: string): string | undefined {
  try {
    return readFileSync(envPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new EnvReadError(envPath, code ?? 'EIO', err);
  }
}

/** Reads $OPENWORK_HOME/.env and resolves it with the process environment. */
export function loadConfig(envPath: string, env: NodeJS.ProcessEnv): LoadedConfig {
  const text = readEnvFile(envPath);
  return { text, config: configFromText(envPath, text, env) };
}

export function configFromText(envPath: string, text: string | undefined, env: NodeJS.ProcessEnv): ConfigSnapshot {
  const doc = text === undefined ? undefined : new EnvDocument(text);
  const lines = new Map<string, number>();
  for (const e of doc?.entries() ?? []) lines.set(e.key, e.line); // last one wins, as in dotenv
  return resolveConfig({
    envPath,
    text,
    env,
    lineProblems: doc?.problems() ?? [],
    lineOf: (key) => lines.get(key),
    ...(doc ? { fileValues: doc.toObject() } : {}),
  });
}
