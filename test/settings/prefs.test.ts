// Model preferences persist in conf under $OPENWORK_HOME, per connection: a proxy's aliases never
// show up for Anthropic direct (or for another proxy).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_RECENT, openPrefs } from '../../src/settings/prefs.js';
import { resolvePaths } from '../../src/settings/paths.js';
import { connectionKey } from '../../src/runtime/describe.js';
import { configFromText } from '../../src/runtime/loadConfig.js';
import { tempHome, type TempHome } from '../helpers/home.js';

let home: TempHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => home.cleanup());

const keyFor = (envText: string): string => connectionKey(configFromText(home.envPath, envText, {}));

describe('model preferences', () => {
  it('selected and recent models survive a new openPrefs() (a new run)', () => {
    const paths = resolvePaths({ OPENWORK_HOME: home.dir });
    const proxy = keyFor('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\n');
    const first = openPrefs(paths.home);
    first.selectModel(proxy, 'claude-3-5-haiku-20241022');
    first.selectModel(proxy, 'claude-3-5-sonnet');
    const again = openPrefs(paths.home);
    expect(again.selectedModel(proxy)).toBe('claude-3-5-sonnet');
    expect(again.recentModels(proxy)).toEqual(['claude-3-5-sonnet', 'claude-3-5-haiku-20241022']);
    // Kept in conf's file under $OPENWORK_HOME, not in the .env file.
    expect(existsSync(join(home.dir, 'preferences.json'))).toBe(true);
    expect(existsSync(home.envPath)).toBe(false);
  });

  it("a proxy's aliases do not appear for Anthropic direct, nor for another proxy", () => {
    const prefs = openPrefs(home.dir);
    const proxy = keyFor('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\nANTHROPIC_API_KEY=sk-test\n');
    const direct = keyFor('ANTHROPIC_API_KEY=sk-ant-test\n');
    expect(direct).toBe('anthropic');
    prefs.selectModel(proxy, 'claude-3-5-sonnet');
    prefs.selectModel(direct, 'claude-sonnet-4-5-20250929');
    const again = openPrefs(home.dir);
    expect(again.selectedModel(direct)).toBe('claude-sonnet-4-5-20250929');
    expect(again.recentModels(direct)).toEqual(['claude-sonnet-4-5-20250929']);
    expect(again.recentModels(direct)).not.toContain('claude-3-5-sonnet');
    expect(again.selectedModel(proxy)).toBe('claude-3-5-sonnet');
    expect(again.selectedModel(keyFor('ANTHROPIC_BASE_URL=http://10.0.0.2:4000\n'))).toBeUndefined();
  });

  it('the same proxy written differently (trailing slash, /v1) is the same connection', () => {
    expect(keyFor('ANTHROPIC_BASE_URL=http://127.0.0.1:3000/v1/\n')).toBe(keyFor('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\n'));
  });

  it('recent models: most recent first, no duplicates, at most MAX_RECENT', () => {
    const prefs = openPrefs(home.dir);
    for (let i = 0; i < MAX_RECENT + 3; i++) prefs.selectModel('anthropic', `m${i}`);
    prefs.selectModel('anthropic', 'm5');
    const recent = openPrefs(home.dir).recentModels('anthropic');
    expect(recent[0]).toBe('m5');
    expect(recent).toHaveLength(MAX_RECENT);
    expect(new Set(recent).size).toBe(recent.length);
    // A returned list is a copy: changing it does not change the store.
    recent.length = 0;
    expect(prefs.recentModels('anthropic')).toHaveLength(MAX_RECENT);
  });

  it('no secret lands in the preferences file', () => {
    const prefs = openPrefs(home.dir);
    prefs.selectModel(keyFor('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\nANTHROPIC_API_KEY=sk-secret-123\n'), 'claude-3-5-sonnet');
    expect(readFileSync(join(home.dir, 'preferences.json'), 'utf8')).not.toContain('sk-secret-123');
  });
});

describe('start-up reads of the preferences file (without loading conf)', () => {
  it('savedModels/savedLang read exactly what conf wrote', async () => {
    const { savedModels, savedLang } = await import('../../src/settings/prefsFile.js');
    const proxy = keyFor('ANTHROPIC_BASE_URL=http://127.0.0.1:3000\n');
    expect(savedModels(home.dir, proxy)).toEqual({ recent: [] });
    const prefs = openPrefs(home.dir);
    prefs.selectModel(proxy, 'claude-3-5-haiku-20241022');
    prefs.selectModel(proxy, 'claude-3-5-sonnet');
    prefs.setLang('zh-CN');
    expect(savedModels(home.dir, proxy)).toEqual({ selected: 'claude-3-5-sonnet', recent: ['claude-3-5-sonnet', 'claude-3-5-haiku-20241022'] });
    expect(savedModels(home.dir, 'anthropic')).toEqual({ recent: [] });
    expect(savedLang(home.dir)).toBe('zh-CN');
  });

  it('a corrupt file reads as empty', async () => {
    const { writeFileSync } = await import('node:fs');
    const { savedModels } = await import('../../src/settings/prefsFile.js');
    writeFileSync(join(home.dir, 'preferences.json'), '{not json');
    expect(savedModels(home.dir, 'anthropic')).toEqual({ recent: [] });
  });
});
