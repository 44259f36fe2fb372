import { describe, expect, it } from 'vitest';
import { packHints } from '../../src/components/packHints.js';
import { textWidth } from '../../src/i18n/width.js';

const HINTS = ['↑↓ move', 'Enter edit', '←→ choose', 'Ctrl+R reveal', 'Ctrl+T test', 'Ctrl+S save', 'Esc close'];

describe('packHints', () => {
  it('keeps every hint, whole, on lines no wider than the terminal (the last one too)', () => {
    for (const width of [100, 80, 60, 40, 20]) {
      const lines = packHints(HINTS, width);
      expect(lines.join(' · ')).toBe(HINTS.join(' · '));
      for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(width);
      expect(lines.at(-1)).toContain('Esc close');
    }
    expect(packHints(HINTS, 200)).toHaveLength(1);
    expect(packHints(HINTS, 80)).toEqual(['↑↓ move · Enter edit · ←→ choose · Ctrl+R reveal · Ctrl+T test · Ctrl+S save', 'Esc close']);
  });

  it('measures wide characters in cells', () => {
    const zh = ['↑↓ 移动', 'Enter 编辑', 'Esc 关闭'];
    for (const l of packHints(zh, 16)) expect(textWidth(l)).toBeLessThanOrEqual(16);
  });
});
