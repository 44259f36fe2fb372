import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, messagesFor } from '../../i18n/index.js';
import { connectionLabel, statusLabel } from '../../i18n/connection.js';
import { resolveConfig } from '../config.js';
import { connectionAfterProbe, detectedKind, initialConnection, KINDS, kindOf } from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const src = join(here, '../..');
const config = (text: string) => resolveConfig({ envPath: '/x/.env', text, env: {} });

describe('connection kinds', () => {
  it('one folder per kind, each registered', () => {
    const folders = readdirSync(here, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(KINDS.map((k) => k.id).sort()).toEqual(folders.sort());
  });

  it('every kind is named in both catalogs, long and short', () => {
    for (const m of [en, messagesFor('zh-CN')]) {
      for (const k of KINDS) {
        const c = { mode: k.id, baseUrl: 'http://h:1', host: 'h:1', unreachable: false, via: 'probe' as const };
        expect(connectionLabel(c, m).trim(), k.id).not.toBe('');
        expect(statusLabel(c, false, m).trim(), k.id).not.toBe('');
      }
    }
  });

  it('picks the kind as before: direct without an address, forced by OPENWORK_PROXY_FORMAT, else the probe', () => {
    expect(initialConnection(config('ANTHROPIC_API_KEY=k\n'))).toMatchObject({ mode: 'anthropic', via: 'direct' });
    expect(initialConnection(config('ANTHROPIC_BASE_URL=http://p:4000\nOPENWORK_PROXY_FORMAT=anthropic\n'))).toMatchObject({ mode: 'gateway', via: 'override' });
    expect(initialConnection(config('ANTHROPIC_BASE_URL=http://p:4000\nOPENWORK_PROXY_FORMAT=openai\n'))).toMatchObject({ mode: 'litellm', via: 'override' });
    const guess = initialConnection(config('ANTHROPIC_BASE_URL=http://p:4000\n'));
    expect(guess).toMatchObject({ mode: 'litellm', via: 'fallback', host: 'p:4000' });
    expect(connectionAfterProbe(guess, { kind: 'litellm', status: 200, version: '1.2.3' })).toMatchObject({ mode: 'litellm', via: 'probe', proxyVersion: '1.2.3' });
    expect(connectionAfterProbe(guess, { kind: 'other', status: 404 })).toMatchObject({ mode: 'gateway', via: 'probe' });
    expect(connectionAfterProbe(guess, { kind: 'unreachable', error: new Error('x') })).toMatchObject({ mode: 'litellm', unreachable: true });
    expect(detectedKind({ kind: 'unreachable', error: undefined })).toBeUndefined();
  });

  it('says whose refusal an error is, without comparing ids', () => {
    // Not a pinned list of kinds: a new kind is one folder and one KINDS entry, no edit here.
    for (const k of KINDS) expect(['anthropic', 'openai', 'proxy'], k.id).toContain(k.server);
    expect([kindOf('litellm')?.server, kindOf('gateway')?.server, kindOf('anthropic')?.server, kindOf('openai')?.server]).toEqual(['proxy', 'proxy', 'anthropic', 'openai']);
    expect(kindOf('nope')).toBeUndefined();
  });

  it('the literal "litellm" appears only in its folder and the catalogs', () => {
    expect(litellmLiterals(src)).toEqual([]);
  });

  it('the literal check fails on a new one (probe: a file outside the folder that compares the id)', () => {
    const root = mkdtempSync(join(tmpdir(), 'ow-literal-'));
    try {
      for (const [rel, text] of [
        ['runtime/connections/litellm/index.ts', "id: 'litellm'"],
        ['i18n/en.ts', "litellm: 'LiteLLM'"],
        ['runtime/service.ts', "if (mode === 'litellm') {}"],
        ['components/Row.tsx', 'const x = `litellm`;'],
        ['runtime/x.test.ts', "'litellm'"],
      ] as const) {
        mkdirSync(join(root, dirname(rel)), { recursive: true });
        writeFileSync(join(root, rel), text);
      }
      expect(litellmLiterals(root).sort()).toEqual(['components/Row.tsx', 'runtime/service.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Source files under `root` (tests, the LiteLLM folder and the catalogs excepted) that write the id as a literal. */
function litellmLiterals(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const rel = relative(root, p).split(sep).join('/');
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !rel.startsWith('runtime/connections/litellm/') && !/^i18n\/(en|zh-CN)\.ts$/.test(rel)) {
        if (/['"`]litellm['"`]/.test(readFileSync(p, 'utf8'))) found.push(rel);
      }
    }
  };
  walk(root);
  return found;
}
