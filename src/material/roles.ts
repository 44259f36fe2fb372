// Roles: Markdown files in $OPENWORK_HOME/roles/NAME.md. The body is the system prompt; optional
// YAML front matter may name a `model` (and a `description` for the picker). No UI here.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Role {
  name: string;
  /** The Markdown body: the system prompt. */
  system: string;
  model?: string;
  description?: string;
}

/** The reason a role cannot be used, for the caller to word. */
export type RoleProblem = { kind: 'missing'; name: string; dir: string; known: string[] } | { kind: 'invalid'; name: string; path: string; detail: string };

export const rolesDir = (home: string): string => join(home, 'roles');

/** A role name is a file name in the roles folder, never a path. */
export const validRoleName = (name: string): boolean => /^[\w][\w.-]*$/.test(name) && !name.endsWith('.md');

const FRONT = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A role from its file's text; a front matter that is not a YAML mapping is a problem. */
export async function parseRole(name: string, path: string, text: string): Promise<Role | RoleProblem> {
  const m = FRONT.exec(text);
  const body = (m ? text.slice(m[0].length) : text).trim();
  if (!m) return { name, system: body };
  let data: unknown;
  try {
    // Only a role with front matter pays for it. yaml is CommonJS: bundled, its functions sit on `default`.
    const mod = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    data = (mod.default ?? mod).parse(m[1]!) ?? {};
  } catch (err) {
    return { kind: 'invalid', name, path, detail: (err as Error).message.split('\n')[0]! };
  }
  if (typeof data !== 'object' || Array.isArray(data)) return { kind: 'invalid', name, path, detail: 'the front matter is not a list of key: value lines' };
  const rec = data as Record<string, unknown>;
  const str = (k: string) => (typeof rec[k] === 'string' && (rec[k] as string).trim() ? (rec[k] as string).trim() : undefined);
  const model = str('model');
  const description = str('description');
  return { name, system: body, ...(model ? { model } : {}), ...(description ? { description } : {}) };
}

export const isRole = (r: Role | RoleProblem): r is Role => !('kind' in r);

/** The names of the roles there are, sorted. */
export async function roleNames(home: string): Promise<string[]> {
  const files = await readdir(rolesDir(home)).catch(() => [] as string[]);
  return files.filter((f) => f.endsWith('.md') && validRoleName(f.slice(0, -3))).map((f) => f.slice(0, -3)).sort();
}

export async function loadRole(home: string, name: string): Promise<Role | RoleProblem> {
  const dir = rolesDir(home);
  const path = join(dir, `${name}.md`);
  const text = validRoleName(name) ? await readFile(path, 'utf8').catch(() => undefined) : undefined;
  if (text === undefined) return { kind: 'missing', name, dir, known: await roleNames(home) };
  return parseRole(name, path, text);
}

/** Every role, for the picker (a broken one is listed with its problem). */
export async function listRoles(home: string): Promise<(Role | RoleProblem)[]> {
  return Promise.all((await roleNames(home)).map((n) => loadRole(home, n)));
}
