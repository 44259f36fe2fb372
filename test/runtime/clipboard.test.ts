// OSC 52 sequences, and the local clipboard tool: a real executable on a temporary PATH that keeps
// what it was given in a file (the test reads the file).
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clipboardTool, copyWithTool, multiplexer, osc52 } from '../../src/runtime/clipboard.js';
import { tempHome, type TempHome } from '../helpers/home.js';

let home: TempHome | undefined;
afterEach(() => home?.cleanup());

const b64 = (s: string) => Buffer.from(s).toString('base64');

/** A folder holding an executable `name` that writes its stdin (and its arguments) to out.txt. */
function fakeTool(name: string, exitCode = 0): { bin: string; out: string } {
  home = tempHome();
  const bin = join(home.dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const out = join(home.dir, 'out.txt');
  writeFileSync(join(bin, name), `#!/bin/sh\nPATH=/usr/bin:/bin\necho "$@" > "${out}.args"\ncat > "${out}"\nexit ${exitCode}\n`);
  chmodSync(join(bin, name), 0o755);
  return { bin, out };
}

describe('OSC 52', () => {
  it('plain: ESC ] 52 ; c ; base64 BEL', () => {
    expect(osc52('print("é")', undefined)).toBe(`\x1b]52;c;${b64('print("é")')}\x07`);
  });
  it('tmux: the plain sequence, then the same in a DCS passthrough with every ESC doubled', () => {
    const seq = `\x1b]52;c;${b64('hi')}\x07`;
    expect(osc52('hi', 'tmux')).toBe(`${seq}\x1bPtmux;\x1b\x1b]52;c;${b64('hi')}\x07\x1b\\`);
  });
  it('screen: DCS pieces of at most 768 bytes that make the sequence again', () => {
    const text = 'x'.repeat(5000);
    const out = osc52(text, 'screen');
    const pieces = out.split('\x1b\\').filter(Boolean);
    for (const p of pieces) {
      expect(p.startsWith('\x1bP')).toBe(true);
      expect(p.length).toBeLessThanOrEqual(768);
    }
    expect(pieces.map((p) => p.slice(2)).join('')).toBe(`\x1b]52;c;${b64(text)}\x07`);
  });
  it('tells tmux and screen from the environment', () => {
    expect(multiplexer({ TMUX: '/tmp/tmux-1/default,1,0', TERM: 'screen-256color' })).toBe('tmux');
    expect(multiplexer({ STY: '123.pts-0' })).toBe('screen');
    expect(multiplexer({ TERM: 'screen.xterm-256color' })).toBe('screen');
    expect(multiplexer({ TERM: 'xterm-256color' })).toBeUndefined();
  });
});

describe('local clipboard tool', () => {
  it('xclip in an X session gets the text on stdin, as the clipboard selection', async () => {
    const { bin, out } = fakeTool('xclip');
    const env = { PATH: bin, DISPLAY: ':0' };
    expect(await copyWithTool('a\n  b "c"\n', env, 10_000, 'linux')).toBe('xclip');
    expect(readFileSync(out, 'utf8')).toBe('a\n  b "c"\n');
    expect(readFileSync(`${out}.args`, 'utf8').trim()).toBe('-selection clipboard');
  });
  it('wl-copy under Wayland', async () => {
    const { bin, out } = fakeTool('wl-copy');
    expect(await copyWithTool('w', { PATH: bin, WAYLAND_DISPLAY: 'wayland-0' }, 10_000, 'linux')).toBe('wl-copy');
    expect(readFileSync(out, 'utf8')).toBe('w');
  });
  it('no tool without a display to serve (an SSH session), or none installed', async () => {
    const { bin } = fakeTool('xclip');
    expect(clipboardTool({ PATH: bin }, 'linux')).toBeUndefined();
    expect(await copyWithTool('x', { PATH: join(bin, 'nothing-here'), DISPLAY: ':0' }, 10_000, 'linux')).toBeUndefined();
  });
  it('a tool that fails is not reported as used', async () => {
    const { bin } = fakeTool('xsel', 1);
    expect(await copyWithTool('x', { PATH: bin, DISPLAY: ':0' }, 10_000, 'linux')).toBeUndefined();
  });
});
