// The chat's own code is a script (dist/chat.js: scripts/chatScript.mjs): its import() calls go
// through the loader, and anything a script cannot run fails the build instead of the start.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs module without types
import { toScript } from '../../scripts/chatScript.mjs';

const script = toScript as (code: string, calls: number) => string;

describe('the chat script', () => {
  it("hands each import() of a file or a Node module to the loader, and leaves other code alone", () => {
    const text = script('a=import("./lazy/a.js");b=import(\'node:v8\');c=x.import("y");d=__import("z");', 2);
    expect(text).toContain('a=__import("./lazy/a.js")');
    expect(text).toContain("b=__import('node:v8')");
    expect(text).toContain('c=x.import("y")');
    expect(text).toContain('d=__import("z")');
  });

  it('fails when the rewrite would reach into a string (it finds more import() calls than the bundle has)', () => {
    expect(() => script('a=import("./lazy/a.js");e="see import(\'x\')";', 1)).toThrow(/2 import\(\) calls rewritten, the bundle has 1/);
  });

  it('fails on an import() it cannot route and on import.meta', () => {
    expect(() => script('f=import(spec)', 0)).toThrow(/cannot run in a script/);
    expect(() => script('g=import.meta.dirname', 0)).toThrow(/cannot run in a script/);
  });

  it("is one function expression under a header that names its content", () => {
    const a = script('module.exports.n = 1;', 0);
    expect(a).toMatch(/^\/\/ openwork-tui chat [0-9a-f]{16}\n\(function \(module, exports, require, __host, __import, __importMetaUrl\) \{\nmodule\.exports\.n = 1;\n\}\)$/);
    expect(script('module.exports.n = 1;', 0)).toBe(a);
    expect(script('module.exports.n = 2;', 0).slice(0, 36)).not.toBe(a.slice(0, 36));
  });
});
