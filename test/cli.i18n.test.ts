// The built CLI in Chinese and back: LANG/LC_ALL pick the language, --lang overrides it for one run,
// a choice saved in the settings beats the locale; help, usage errors, -p errors and doctor.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { refusedPort } from './helpers/llmServer.js';
import { eachHomeAndServer } from './helpers/home.js';
import { runCli } from './helpers/cli.js';
import { textWidth } from '../src/i18n/width.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const f = eachHomeAndServer();

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { home: f.home.dir, env });
const seedEnv = (url: string, key = 'sk-test-master') => `ANTHROPIC_BASE_URL=${url}\nANTHROPIC_API_KEY=${key}\n`;

/** The column where the descriptions start, in terminal cells, for the lines of a section. */
function descriptionColumns(text: string, section: string, count: number): number[] {
  const lines = text.split('\n');
  const start = lines.indexOf(section) + 1;
  return lines.slice(start, start + count).map((l) => {
    const m = /^( {2}\S.*?\S)( {2,})(\S.*)$/.exec(l);
    return m ? textWidth(m[1]! + m[2]!) : -1;
  });
}

describe('language of the CLI', () => {
  it('LANG=zh_CN.UTF-8 --help is in Chinese, its columns aligned in terminal cells; --lang en switches back', async () => {
    const zh = await run(['--help'], ZH);
    expect(zh.code).toBe(0);
    for (const s of ['用法', '选项', '退出码', '模型不支持', 'ANTHROPIC_BASE_URL', '-p "文本"']) expect(zh.stdout).toContain(s);
    const cols = descriptionColumns(zh.stdout, '选项', 5);
    expect(new Set(cols).size).toBe(1);
    expect(cols[0]).toBeGreaterThan(0);
    const en = await run(['--help', '--lang', 'en'], ZH);
    expect(en.stdout).toContain('Usage');
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('follows LC_ALL over LANG, and a C or English locale is English', async () => {
    expect((await run(['--help'], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).stdout).toContain('用法');
    expect((await run(['--help'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).stdout).toContain('Usage');
    expect((await run(['--help'], { LC_MESSAGES: 'zh_TW.UTF-8' })).stdout).toContain('用法');
    expect((await run(['--help'])).stdout).toContain('Usage');
  });

  it('a language saved in the settings wins over the locale; --lang wins over both', async () => {
    writeFileSync(join(f.home.dir, 'preferences.json'), JSON.stringify({ models: {}, lang: 'zh-CN' }));
    expect((await run(['--help'], { LANG: 'en_US.UTF-8' })).stdout).toContain('用法');
    expect((await run(['--help', '--lang=en'], { LANG: 'en_US.UTF-8' })).stdout).toContain('Usage');
  });

  it('usage errors are in the language too, and a wrong --lang is one', async () => {
    const bogus = await run(['--bogus'], ZH);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe('openwork-tui：未知选项 --bogus\n运行 "openwork-tui --help" 查看用法。\n');
    const lang = await run(['--lang', 'fr'], ZH);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('--lang 只能是 en 或 zh-CN');
  });

  it('-p: a refused key, a stopped proxy and an unserved model say so in Chinese (403 错误 / 连接超时 wording), exit codes unchanged', async () => {
    f.server.fault = '403-json';
    f.home.writeEnv(seedEnv(f.server.url));
    const refused = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet'], ZH);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('403 错误');
    expect(refused.stderr).toContain('拒绝了密钥');
    expect(refused.stderr).toContain('sk-…ster');
    expect(refused.stderr).toContain('提示：');
    expect(refused.stderr).not.toContain('sk-test-master');

    f.server.fault = 'none';
    const model = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet-20241022'], ZH);
    expect(model.code).toBe(5);
    expect(model.stderr).toContain('模型不支持');
    expect(model.stderr).toContain('claude-3-5-sonnet');

    const port = await refusedPort();
    f.home.writeEnv(seedEnv(`http://127.0.0.1:${port}`));
    const stopped = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet'], ZH);
    expect(stopped.code).toBe(4);
    expect(stopped.stderr).toContain(`http://127.0.0.1:${port}`);
    expect(stopped.stderr).toContain('LiteLLM 服务器正在运行');

    const back = await run(['-p', 'hello', '--model', 'claude-3-5-sonnet', '--lang', 'en'], ZH);
    expect(back.stderr).toContain(`Cannot reach http://127.0.0.1:${port}`);
  });

  it('doctor reads in Chinese: labels, titles, fixes and the summary', async () => {
    f.home.writeEnv(seedEnv(f.server.url, 'sk-wrong-key-9f3e'));
    const r = await run(['doctor', '--model', 'claude-3-5-sonnet'], ZH);
    expect(r.code).toBe(3);
    for (const s of ['✔ 配置文件：', '✔ 地址：', '✔ 服务器：LiteLLM 1.39.5', '✖ 密钥：认证失败', '修复：', '- 模型：已跳过', '1 项检查未通过：密钥']) expect(r.stdout).toContain(s);
    expect(r.stdout).not.toContain('sk-wrong-key-9f3e');
    // --json is for scripts: English whatever the language.
    const json = await run(['doctor', '--json', '--model', 'claude-3-5-sonnet'], ZH);
    expect(json.stdout).not.toMatch(/[\u4e00-\u9fff]/);
    expect(JSON.parse(json.stdout).checks.find((c: { id: string }) => c.id === 'key').title).toMatch(/refused the key/);
  });

  it('models and config list speak Chinese and keep their columns', async () => {
    f.home.writeEnv(seedEnv(f.server.url));
    const models = await run(['models'], ZH);
    expect(models.stdout).toContain('代理提供的模型：');
    const list = await run(['config', 'list'], ZH);
    const rows = list.stdout.split('\n').filter((l) => l.startsWith('ANTHROPIC_') || l.startsWith('OPENWORK_') || l.startsWith('OPENAI_'));
    expect(rows.length).toBe(7);
    // The third column starts at the same cell on every row.
    const third = rows.map((l) => textWidth(/^(\S+\s+\S+\s+)/.exec(l)![1]!));
    expect(new Set(third).size).toBe(1);
    expect(list.stdout).toContain('未设置（auto）');
  });
});
