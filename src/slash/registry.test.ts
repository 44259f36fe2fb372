import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en, messagesFor } from '../i18n/index.js';
import { SLASH_COMMANDS } from './registry.js';
import { runSlash } from '../state/useCommands.js';
import { recordingContext } from '../../test/helpers/slashContext.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const HELPERS = new Set(['registry', 'types', 'match']);

describe('the slash command registry', () => {
  it('has one entry per command module in this folder, and each module has its test beside it', () => {
    const files = readdirSync(here);
    const modules = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3));
    const commands = modules.filter((f) => !HELPERS.has(f));
    expect(SLASH_COMMANDS.map((c) => c.name).sort()).toEqual(commands.sort());
    for (const c of commands) expect(files, `${c}.test.ts`).toContain(`${c}.test.ts`);
  });

  it('has unique names and aliases, lowercase without spaces', () => {
    const words = SLASH_COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
    expect(new Set(words).size).toBe(words.length);
    for (const w of words) expect(w).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('words every command in both catalogs', () => {
    for (const m of [en, messagesFor('zh-CN')]) {
      for (const c of SLASH_COMMANDS) {
        expect(c.description(m).trim(), `/${c.name}`).not.toBe('');
        if (c.args) expect(c.args(m).trim(), `/${c.name} args`).not.toBe('');
      }
    }
  });

  it('dispatch: an unknown command is said as such; text that is not a command is left alone', () => {
    const ctx = recordingContext();
    expect(runSlash('/bogus', ctx)).toBe(true);
    expect(ctx.said).toEqual(['warn: unknown command /bogus — /help lists them']);
    expect(runSlash('hello', ctx)).toBe(false);
  });
});
