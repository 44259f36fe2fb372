// The caret (Ink's useCursor) stays where the prompt put it through frames the prompt does not
// re-render in (scripts/inkCaret.mjs): the status bar changing alone must not hide it for good.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { ROOT } from '../../scripts/buildOptions.mjs';

interface LogUpdate {
  (str: string): boolean;
  setCursorPosition(p: { x: number; y: number } | undefined): void;
}

async function logUpdate(): Promise<{ render: LogUpdate; written: () => string }> {
  const mod = (await import(pathToFileURL(join(ROOT as string, 'node_modules/ink/build/log-update.js')).href)) as { default: { create: (s: NodeJS.WritableStream) => LogUpdate } };
  let out = '';
  const stream = { write: (s: string) => ((out += s), true), rows: 24, columns: 80 } as unknown as NodeJS.WritableStream;
  return { render: mod.default.create(stream), written: () => out.split('\x1b[?25l').pop()! };
}

const SHOW = '\x1b[?25h';

describe("the prompt's caret", () => {
  it('is placed again after a frame in which only the status bar changed (no useCursor ran)', async () => {
    const { render, written } = await logUpdate();
    // The prompt's commit: its useCursor sets the caret after "› " on row 1.
    render.setCursorPosition({ x: 2, y: 1 });
    render('\n› \n● detecting… · key ?\n');
    expect(written().endsWith(`\x1b[3G${SHOW}`)).toBe(true);
    // The key check answers: only the status bar re-renders.
    render('\n› \n● LiteLLM · key ✓\n');
    expect(written()).toContain('key ✓');
    expect(written().endsWith(`\x1b[3G${SHOW}`)).toBe(true);
  });

  it('is hidden once the prompt says so (a screen took the keyboard) or unmounts', async () => {
    const { render, written } = await logUpdate();
    render.setCursorPosition({ x: 2, y: 1 });
    render('\n› \nstatus\n');
    render.setCursorPosition(undefined);
    render('\nSettings\nstatus\n');
    expect(written()).toContain('Settings');
    expect(written()).not.toContain(SHOW);
    render('\nSettings\nstatus changed\n');
    expect(written()).not.toContain(SHOW);
  });

  it('goes below the live region when Ink lets go of the terminal, not left on the prompt\'s row', async () => {
    const { render, written } = await logUpdate();
    render.setCursorPosition({ x: 2, y: 1 });
    render('\n› \nstatus\n');
    expect(written().endsWith(`\x1b[3G${SHOW}`)).toBe(true);
    (render as unknown as { done(): void }).done();
    // Hidden, then down from the caret's row (1) to the row below the output (3), column 1.
    expect(written()).toBe('\x1b[2B\x1b[1G');
  });
});
