import { describe, expect, it } from 'vitest';
import { settingsFix } from '../../src/state/settingsFix.js';
import { configFromText } from '../../src/runtime/loadConfig.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import type { CheckResult } from '../../src/doctor/index.js';

const config = (text: string | undefined) => configFromText('/home/u/.openwork/.env', text, {});

describe('settingsFix', () => {
  it('points a refused or missing key at the field on screen, never at Ctrl+S', () => {
    const r: CheckResult = { id: 'key', status: 'fail', kind: 'auth', title: 'refused', detail: [], fix: en.errors.auth.hint({ key: 'sk-…', keyVar: 'ANTHROPIC_AUTH_TOKEN' }) };
    expect(r.fix).toContain('Ctrl+S');
    const fix = settingsFix(r, config('ANTHROPIC_AUTH_TOKEN=sk-x\n'), en);
    expect(fix).toBe('Check ANTHROPIC_AUTH_TOKEN above (Enter edits it), then test again.');
    expect(settingsFix(r, config('ANTHROPIC_AUTH_TOKEN=sk-x\n'), zhCN)).not.toContain('Ctrl+S');
  });

  it('names the broken .env lines without sending the user to the screen they are on', () => {
    const c = config('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\nANTHROPIC_API_KEY sk-no-equals\n');
    const lines = c.problems.filter((p) => !p.warning && p.line).map((p) => p.line);
    expect(lines.length).toBeGreaterThan(0);
    const r: CheckResult = { id: 'config', status: 'fail', kind: 'config', title: 'problems', detail: [], fix: en.doctor.problemsFix({ path: c.envPath, lines }) };
    expect(r.fix).toContain('settings screen');
    const fix = settingsFix(r, c, en);
    expect(fix).toContain(`line ${lines[0]} of /home/u/.openwork/.env`);
    expect(fix).not.toMatch(/settings screen|Ctrl\+S/);
  });

  it('leaves passing checks and other fixes alone', () => {
    const pass: CheckResult = { id: 'key', status: 'pass', title: 'ok', detail: [] };
    expect(settingsFix(pass, config(''), en)).toBeUndefined();
    const model: CheckResult = { id: 'model', status: 'fail', kind: 'model', title: 'x', detail: [], fix: 'Pick another' };
    expect(settingsFix(model, config(''), en)).toBe('Pick another');
  });
});
