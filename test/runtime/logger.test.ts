import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileLogger } from '../../src/runtime/logger.js';
import { tempHome } from '../helpers/home.js';
import { hostile } from '../helpers/hostile.js';

const home = tempHome();
afterEach(() => home.cleanup());

describe('the log file', () => {
  it('stores server text with its control characters escaped (\\x1b), so reading the log cannot act on them', () => {
    const file = join(home.dir, 'logs', 'app.log');
    const log = createFileLogger(file);
    log.warn(`request failed: ${hostile('e')}`, { detail: hostile('d'), version: '1.0\u202e' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('a\\x1b]0;PWNED-title\\x07b');
    expect(text).toContain('\\u202e');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
