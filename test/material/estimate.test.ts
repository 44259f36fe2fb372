import { describe, expect, it } from 'vitest';
import { attachmentList, estimateTokens, formatTokens } from '../../src/material/estimate.js';

describe('token estimate for attachments', () => {
  it('about four characters a token, a flat amount per image', () => {
    expect(estimateTokens(0)).toBe(0);
    expect(estimateTokens(10)).toBe(3);
    expect(estimateTokens(4000, 2)).toBe(1000 + 3200);
  });

  it('short token counts: 950, 3.6k, 200k, 1M', () => {
    expect([950, 3_600, 12_345, 200_000, 1_047_576].map(formatTokens)).toEqual(['950', '3.6k', '12k', '200k', '1M']);
  });

  it('names each attachment with its size (a folder: its entries)', () => {
    const list = attachmentList(
      [
        { kind: 'text', name: 'src/app.tsx', bytes: 20_380, text: '' },
        { kind: 'dir', name: 'docs', entries: ['a', 'b'], more: 1 },
        { kind: 'image', name: 'shot.png', bytes: 900, mediaType: 'image/png', data: '' },
      ],
      (n) => `${n} entries`,
      'image',
    );
    expect(list).toBe('src/app.tsx 19.9 KB, docs/ 3 entries, shot.png 900 B image');
  });
});
