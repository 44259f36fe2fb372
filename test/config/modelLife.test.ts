// The default model and end-of-life states, from the installed Anthropic SDK's own data and the clock.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultModel, endOfLife, modelLife } from '../../src/config/modelLife.js';
import { SDK_END_OF_LIFE, SDK_MODELS } from '../../src/config/sdkModels.js';
// @ts-expect-error: a build script (plain ES module, no types)
import { isoDate, readSdkModels, sdkModelsSource, SDK_MODELS_FILE } from '../../scripts/sdkModels.mjs';

describe('src/config/sdkModels.ts', () => {
  it('is exactly what the installed @anthropic-ai/sdk says (its Model type and DEPRECATED_MODELS)', () => {
    expect(readFileSync(SDK_MODELS_FILE, 'utf8')).toBe(sdkModelsSource());
    const sdk = readSdkModels();
    expect(SDK_MODELS).toEqual(sdk.models);
    expect(SDK_END_OF_LIFE).toEqual(sdk.endOfLife);
    expect(SDK_END_OF_LIFE['claude-sonnet-4-5-20250929']).toBe('2026-11-30');
  });

  it("reads the SDK's dates and refuses one it cannot read (the build then fails)", () => {
    expect(isoDate('November 30th, 2026')).toBe('2026-11-30');
    expect(isoDate('June 1st, 2027')).toBe('2027-06-01');
    expect(() => isoDate('30/11/2026')).toThrow(/unreadable end-of-life date/);
  });
});

describe('defaultModel', () => {
  it('today: the newest Sonnet the SDK lists that is not in its deprecation table — never a retired one', () => {
    const def = defaultModel();
    expect(def).toMatch(/sonnet/);
    expect(endOfLife(def)).toBeUndefined();
    expect(modelLife(def).state).toBe('current');
    // With this SDK (1.14.0): claude-sonnet-5-5, not the built-in of before (retired 2026-11-30).
    expect(defaultModel(new Date('2026-12-07T04:00:00Z'))).toBe('claude-sonnet-5-5');
  });

  it('moves on with the table and the clock', () => {
    const models = ['claude-sonnet-5', 'claude-opus-5', 'claude-sonnet-4-6', 'claude-sonnet-4-5-20250929', 'claude-3-5-sonnet-20241022'];
    expect(defaultModel(new Date('2027-01-01'), models, {})).toBe('claude-sonnet-5');
    expect(defaultModel(new Date('2027-01-01'), models, { 'claude-sonnet-5': '2027-06-30' })).toBe('claude-sonnet-4-6');
    // Every Sonnet deprecated: the newest whose end of life is still ahead, until that day comes.
    const all = { 'claude-sonnet-5': '2027-06-30', 'claude-sonnet-4-6': '2027-03-01', 'claude-sonnet-4-5-20250929': '2026-11-30', 'claude-3-5-sonnet-20241022': '2025-10-22' };
    expect(defaultModel(new Date('2027-02-01'), models, all)).toBe('claude-sonnet-5');
    expect(defaultModel(new Date('2027-07-01'), ['claude-sonnet-4-6', 'claude-sonnet-5'], { ...all, 'claude-sonnet-4-6': '2027-09-01' })).toBe('claude-sonnet-4-6');
    // The order of the list does not matter: versions are compared.
    expect(defaultModel(new Date('2027-01-01'), [...models].reverse(), {})).toBe('claude-sonnet-5');
  });
});

describe('modelLife', () => {
  it('current, deprecated (end of life ahead) or retired (past it), by name or the provider model behind an alias', () => {
    expect(modelLife('claude-sonnet-4-5-20250929', new Date('2026-11-29T23:00:00Z'))).toEqual({ state: 'deprecated', date: '2026-11-30' });
    expect(modelLife('claude-sonnet-4-5-20250929', new Date('2026-11-30T00:00:00Z'))).toEqual({ state: 'retired', date: '2026-11-30' });
    expect(modelLife('anthropic/claude-opus-4-5-20251101', new Date('2026-12-07'))).toEqual({ state: 'deprecated', date: '2027-01-22' });
    expect(modelLife('claude-3-5-sonnet')).toEqual({ state: 'current' });
    expect(modelLife(undefined)).toEqual({ state: 'current' });
  });
});
