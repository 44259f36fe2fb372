// Ctrl+G: the draft in $VISUAL / $EDITOR. The terminal is the editor's while it runs: raw mode off
// (the editor sets its own), the app's loop blocked (Ink draws nothing meanwhile), raw mode back on
// after; what was saved comes back into the prompt. No React here; the prompt calls it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type EditorResult = { ok: true; text: string } | { ok: false; reason: 'none' } | { ok: false; reason: 'failed'; editor: string; detail: string };

/** The editor command: $VISUAL, then $EDITOR (either may carry arguments, e.g. "code --wait"). */
export function editorCommand(env: NodeJS.ProcessEnv): string | undefined {
  return [env.VISUAL, env.EDITOR].map((e) => e?.trim()).find((e) => e);
}

export interface TerminalHandle {
  setRawMode?(on: boolean): void;
  isTTY?: boolean;
}

export function editDraft(text: string, env: NodeJS.ProcessEnv, stdin: TerminalHandle): EditorResult {
  const editor = editorCommand(env);
  if (!editor) return { ok: false, reason: 'none' };
  const dir = mkdtempSync(join(tmpdir(), 'openwork-draft-'));
  const file = join(dir, 'draft.md');
  const raw = stdin.isTTY && stdin.setRawMode;
  try {
    writeFileSync(file, text, { mode: 0o600 });
    if (raw) stdin.setRawMode!(false);
    // Through sh, so an EDITOR with arguments works; the file is "$1", never spliced into the command.
    const r = spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit', env });
    if (r.error) return { ok: false, reason: 'failed', editor, detail: r.error.message };
    if (r.status !== 0) return { ok: false, reason: 'failed', editor, detail: r.signal ?? String(r.status) };
    // Editors end a file with a newline; the prompt does not want it.
    return { ok: true, text: readFileSync(file, 'utf8').replace(/\r?\n$/, '') };
  } catch (err) {
    return { ok: false, reason: 'failed', editor, detail: err instanceof Error ? err.message : String(err) };
  } finally {
    if (raw) stdin.setRawMode!(true);
    rmSync(dir, { recursive: true, force: true });
  }
}
