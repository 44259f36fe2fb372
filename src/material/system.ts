// The system prompt a run starts with: --system TEXT, --system-file PATH, or --role NAME (which may
// also name a model). Shared by -p and the chat; loaded only when one of them is given.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Messages } from '../i18n/en.js';
import { isRole, loadRole, type RoleProblem } from './roles.js';

export interface SystemArgs {
  system?: string;
  systemFile?: string;
  role?: string;
}

export interface StartingSystem {
  system?: string;
  role?: string;
  /** The role's model (--model still wins). */
  model?: string;
}

/** Resolves the flags, or returns the words of what is wrong (nothing is sent then). */
export async function startingSystem(args: SystemArgs, home: string, cwd: string, m: Messages): Promise<StartingSystem | { problem: string }> {
  if (args.role !== undefined) {
    const role = await loadRole(home, args.role);
    if (!isRole(role)) return { problem: roleProblem(role, m) };
    return { ...(role.system ? { system: role.system } : {}), role: role.name, ...(role.model ? { model: role.model } : {}) };
  }
  if (args.systemFile !== undefined) {
    const path = resolve(cwd, args.systemFile);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined) return { problem: m.material.systemFileUnreadable({ path }) };
    return text.trim() ? { system: text.trim() } : {};
  }
  return args.system?.trim() ? { system: args.system } : {};
}

export function roleProblem(p: RoleProblem, m: Messages): string {
  return p.kind === 'missing' ? m.material.roleMissing({ name: p.name, dir: p.dir, known: p.known }) : m.material.roleInvalid({ name: p.name, path: p.path, detail: p.detail });
}
