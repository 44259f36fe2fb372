// The built app in a real pseudo-terminal with LANG=zh_CN.UTF-8: the chat, the status bar and an
// error card read in Chinese; --lang en brings English back.
import { describe, expect, it } from 'vitest';
import { typeLine, type PtyApp } from '../helpers/pty.js';
import { eachPtyApp } from '../helpers/ptyFixture.js';
import { keys } from '../helpers/keys.js';

const f = eachPtyApp({ server: { chunkDelayMs: 2 }, env: (url) => `# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=sk-test-master\n` });
let app: PtyApp | undefined;

describe('Chinese in a real terminal', () => {
  it('LANG=zh_CN.UTF-8: the prompt, the status bar, a reply and a 403 card in Chinese; Ctrl+C twice exits', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet'], { env: { LANG: 'zh_CN.UTF-8' } });
    await app.waitFor('输入消息 · / 打开命令');
    await app.waitFor(/● LiteLLM 127\.0\.0\.1:\d+ · claude-3-5-sonnet · 密钥 ✓ +就绪/);

    await typeLine(app, '你好');
    await app.waitFor('Hello from the proxy');
    // The proxy refused stream_options (as LiteLLM does for anthropic/* models): the count is an estimate, marked so.
    await app.waitFor(/就绪 · 约 \d+ tok/);

    f.server.fault = '403-json';
    await typeLine(app, 'again');
    await app.waitFor('403 错误（认证失败）');
    // The card whole, down to its bottom border (its last row, the server's words, comes after the
    // label this waited on alone).
    const screen = await app.waitFor([/服务器返回[\s\S]*╰/, 'sk-…ster', 'ANTHROPIC_API_KEY']);
    expect(screen).toContain('sk-…ster');
    expect(screen).toContain('ANTHROPIC_API_KEY');
    expect(screen).not.toContain('sk-test-master');
    // The card's borders line up (the right one in the same cell on every row).
    const rows = screen.split('\n').filter((l) => l.startsWith('│'));
    expect(rows.length).toBeGreaterThan(2);
    const { default: stringWidth } = await import('string-width');
    expect(new Set(rows.map((l) => stringWidth(l.trimEnd()))).size).toBe(1);

    app.write(keys.ctrlC);
    await app.waitFor('再按一次 Ctrl+C 退出');
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });

  it('--lang en overrides LANG for the run; the settings switch to Chinese at once', async () => {
    app = f.start(['--model', 'claude-3-5-sonnet', '--lang', 'en'], { env: { LANG: 'zh_CN.UTF-8' } });
    await app.waitFor('Send a message');
    await app.waitFor(/key ✓ +ready/);
    expect(app.screen()).not.toMatch(/[\u4e00-\u9fff]/);

    // Settings → Language (the last row) → next choice: the Chinese catalog loads and the UI speaks it.
    app.write('\x13'); // Ctrl+S
    await app.waitFor('‹ English ›');
    for (let i = 0; i < 7; i++) app.write(keys.down);
    await app.waitFor(/› Language +‹ English ›/);
    app.write(keys.right);
    await app.waitFor('界面语言：简体中文');
    await app.waitFor('设置');
    app.write(keys.esc);
    await app.waitFor('输入消息 · / 打开命令');
    app.write(keys.ctrlC);
    app.write(keys.ctrlC);
    expect(await app.exit).toBe(0);
  });
});
