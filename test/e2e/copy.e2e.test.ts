// Answers out: a code block in a finished reply, selected with the mouse as a terminal joins rows
// (a soft-wrapped row continues the one above, any other row starts a new line), is the code as the
// model wrote it — in a real pty, read through a real terminal emulator.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from '../helpers/home.js';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';

const f = eachPtyApp();
let app: PtyApp | undefined;

const CODE = [
  'import sys',
  '',
  'def main():',
  `    message = "${'a long string that will not fit on one row of the terminal '.repeat(3)}"`,
  '    for i in range(3):',
  '        print(i, message[:10], file=sys.stderr)',
  '',
  'main()',
].join('\n');

/** The text a mouse selection from row `from` to row `to` (inclusive) copies. */
function selection(rows: { text: string; wrapped: boolean }[], from: number, to: number): string {
  let out = '';
  for (let y = from; y <= to; y++) {
    const r = rows[y]!;
    const continues = rows[y + 1]?.wrapped && y < to;
    // A row the terminal wrapped on is taken whole; a row that ends a line loses its trailing blanks.
    out += (y > from && !r.wrapped ? '\n' : '') + (continues ? r.text : r.text.trimEnd());
  }
  return out;
}

describe('code blocks in a finished reply', () => {
  it('rows of the block, selected and joined by the terminal, are the code: no hard wrap, no indent added', async () => {
    f.server.setReply('claude-3-5-sonnet', `Here is the script:\n\n\`\`\`python\n${CODE}\n\`\`\`\n\nRun it with python3.`);
    app = f.start(['--model', 'claude-3-5-sonnet'], { cols: 80, rows: 40 });
    await app.waitFor('ready');
    await typeLine(app, 'write a script');
    await app.waitFor('Run it with python3.');
    await app.waitFor('ready');
    const rows = app.rows();
    const top = rows.findIndex((r) => r.text.startsWith('── python '));
    expect(top).toBeGreaterThan(0);
    const bottom = rows.findIndex((r, y) => y > top && /^─+\s*$/.test(r.text));
    expect(bottom).toBeGreaterThan(top);
    // The long line took more than one row, soft-wrapped by the terminal.
    expect(rows.slice(top + 1, bottom).some((r) => r.wrapped)).toBe(true);
    expect(selection(rows, top + 1, bottom - 1)).toBe(CODE);
    // The text around it keeps its indent.
    expect(rows.find((r) => r.text.includes('Here is the script'))!.text.startsWith('  Here')).toBe(true);
  });
});

describe('/copy', () => {
  it('/copy code puts the block on the clipboard by OSC 52 (wrapped for tmux) and through xclip, and says so', async () => {
    // A stand-in xclip: keeps what it is given in a file.
    const bin = join(f.home.dir, 'bin');
    mkdirSync(bin);
    const clip = join(f.home.dir, 'clipboard.txt');
    writeFileSync(join(bin, 'xclip'), `#!/bin/sh\nPATH=/usr/bin:/bin\ncat > "${clip}"\n`);
    chmodSync(join(bin, 'xclip'), 0o755);
    f.server.setReply('claude-3-5-sonnet', `Two steps:\n\n\`\`\`python\n${CODE}\n\`\`\`\n`);
    app = f.start(['--model', 'claude-3-5-sonnet'], {
      cols: 100,
      rows: 40,
      env: { PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':99', TMUX: '/tmp/tmux-1000/default,1,0' },
    });
    await app.waitFor('ready');
    await typeLine(app, 'write a script');
    await app.waitFor('main()');
    await app.waitFor('ready');
    await typeLine(app, '/copy code');
    await app.waitFor(/Copied code block 1 \(python, 8 lines\), \d+ B · OSC 52 through tmux and xclip/);
    const b64 = Buffer.from(CODE).toString('base64');
    const out = app.output();
    expect(out).toContain(`\x1b]52;c;${b64}\x07`);
    expect(out).toContain(`\x1bPtmux;\x1b\x1b]52;c;${b64}\x07\x1b\\`);
    await waitUntil(() => { try { return readFileSync(clip, 'utf8') === CODE; } catch { return false; } });

    await typeLine(app, '/copy');
    await app.waitFor(/Copied the last reply/);
    expect(app.output()).toContain(`\x1b]52;c;${Buffer.from(`Two steps:\n\n\`\`\`python\n${CODE}\n\`\`\`\n`).toString('base64')}\x07`);
  });
});
