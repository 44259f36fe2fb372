// Which language, and text measured in terminal cells.
import { describe, expect, it } from 'vitest';
import { detectLang, envLang, parseLang } from '../../src/i18n/index.js';
import { fit, fitParts, padEnd, textWidth } from '../../src/i18n/width.js';

describe('detectLang', () => {
  it('--lang, then the saved choice, then LC_ALL, LC_MESSAGES, LANG', () => {
    expect(detectLang({ arg: 'en', pref: 'zh-CN', env: { LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(detectLang({ pref: 'zh-CN', env: { LANG: 'en_US.UTF-8' } })).toBe('zh-CN');
    expect(detectLang({ env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } })).toBe('zh-CN');
    expect(detectLang({ env: { LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_US.UTF-8' } })).toBe('zh-CN');
    expect(detectLang({ env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } })).toBe('en');
    expect(detectLang({ env: { LANG: 'zh_TW.UTF-8' } })).toBe('zh-CN');
    expect(detectLang({ env: { LANG: 'fr_FR.UTF-8' } })).toBe('en');
    expect(detectLang({ env: {} })).toBe('en');
    expect(detectLang({ pref: 'klingon', env: { LANG: 'zh_CN.UTF-8' } })).toBe('zh-CN');
  });

  it('reads the usual spellings', () => {
    for (const v of ['zh', 'zh-CN', 'zh_CN', 'zh_CN.UTF-8', 'ZH-cn', 'zh-Hans', 'zh_CN@pinyin']) expect(parseLang(v), v).toBe('zh-CN');
    for (const v of ['en', 'en_US.UTF-8', 'C', 'POSIX', 'C.UTF-8']) expect(parseLang(v), v).toBe('en');
    for (const v of ['', ' ', 'fr', 'zhx', undefined]) expect(parseLang(v), String(v)).toBeUndefined();
    expect(envLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
  });
});

describe('terminal cells', () => {
  it('pads and cuts by cells, never through a character', () => {
    expect(textWidth('界面语言')).toBe(8);
    expect(padEnd('界面语言', 10)).toBe('界面语言  ');
    expect(fit('短', 5)).toBe('短');
    for (let w = 1; w <= 12; w++) {
      const cut = fit('测试连接（Ctrl+T）保存', w);
      expect(textWidth(cut), `${w}: ${cut}`).toBeLessThanOrEqual(w);
      expect(cut.endsWith('…')).toBe(true);
    }
    expect(fit('abcdef', 4)).toBe('abc…');
    expect(fit('中文中文', 4)).toBe('中…');
    expect(fit('anything', 0)).toBe('');
  });

  it('cuts pieces of one line together', () => {
    const parts = [{ text: '● ' }, { text: 'LiteLLM 代理' }, { text: ' · ' }, { text: 'claude-3-5-sonnet' }];
    expect(fitParts(parts, 100)).toEqual(parts);
    const cut = fitParts(parts, 14);
    expect(textWidth(cut.map((p) => p.text).join(''))).toBeLessThanOrEqual(14);
    expect(cut.at(-1)!.text.endsWith('…')).toBe(true);
  });
});
