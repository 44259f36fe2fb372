// Each screen in English and Chinese at 80 and 120 columns, on a virtual terminal: no line Ink
// writes is wider than the terminal (in terminal cells), and every box's borders line up.
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { classifyError } from '../../src/runtime/errors.js';
import { builtinModels, mergeModels } from '../../src/runtime/models.js';
import { messagesFor, type Lang } from '../../src/i18n/index.js';
import { textWidth } from '../../src/i18n/width.js';
import { fakeRuntime, makeConfig, reply, type FakeRuntime } from '../helpers/fakeRuntime.js';
import { startServer, type TestServer } from '../helpers/llmServer.js';
import { keys } from '../helpers/keys.js';
import { renderAppInTerminal, settle, waitFor, type TerminalHarness } from './harness.js';

const ctrl = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) - 96);

let open: TerminalHarness | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Every line Ink wrote, escapes removed: none may be wider than the terminal. */
function overwide(h: TerminalHarness, columns: number): string[] {
  const text = h.term.log
    .join('')
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[78]/g, '')
    .replace(/\r/g, '');
  return text.split('\n').filter((l) => textWidth(l) > columns);
}

/** Boxes on screen whose side borders are not in the corners' columns (in terminal cells). */
function brokenBoxes(screen: string): string[] {
  const lines = screen.split('\n');
  const bad: string[] = [];
  lines.forEach((top, i) => {
    const t = /^(.*?)╭(─+)╮/.exec(top);
    if (!t) return;
    const left = textWidth(t[1]!);
    const right = left + 1 + t[2]!.length;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      const cells = Array.from(line);
      const at = (col: number): string | undefined => {
        let w = 0;
        for (const ch of cells) {
          if (w === col) return ch;
          w += textWidth(ch);
          if (w > col) return undefined;
        }
        return undefined;
      };
      if (at(left) === '╰') {
        if (at(right) !== '╯') bad.push(`bottom of the box on line ${i + 1}: ${line}`);
        return;
      }
      if (at(left) !== '│' || at(right) !== '│') {
        bad.push(`line ${j + 1}: ${line}`);
        return;
      }
    }
  });
  return bad;
}

function expectTidy(h: TerminalHarness, columns: number): void {
  expect(overwide(h, columns), h.term.screen()).toEqual([]);
  expect(brokenBoxes(h.term.screen()), h.term.screen()).toEqual([]);
  // The status bar stays one line: the connection, the model and the activity on the same row.
  const status = h.term.viewport().split('\n').find((l) => l.startsWith('● '));
  expect(status, h.term.viewport()).toBeDefined();
  expect(textWidth(status!)).toBeLessThanOrEqual(columns);
}

const served = { status: 'ok' as const, models: mergeModels(builtinModels(false), [{ id: 'claude-3-5-sonnet' }, { id: 'claude-3-5-haiku-20241022' }]) };

const LONG_REPLY =
  'LiteLLM 是一个统一的代理服务器，可以用统一的接口调用多个 LLM 提供商的 API。当使用 LiteLLM 时，即使调用 Claude 模型，也会使用 OpenAI 兼容的 API 格式。\n\n' +
  '配置完成后，发送一条测试消息，如果配置正确，你应该能收到 AI 的回复。A mixed line with English words and 中文 to wrap at the edge of the terminal.';

async function start(lang: Lang, columns: number, runtime: FakeRuntime = fakeRuntime({ models: served })): Promise<TerminalHarness> {
  open = await renderAppInTerminal({ lang, model: 'claude-3-5-sonnet-20241022' }, { columns, rows: 40 }, runtime);
  return open;
}

const ctx = { url: 'http://127.0.0.1:3000', credential: 'sk-test-master-9f3e', credentialVar: 'ANTHROPIC_API_KEY', model: 'claude-3-5-sonnet-20241022' };
const refused = classifyError({ status: 403, error: { message: 'Authentication Error, API Key not allowed to access model.' }, headers: new Headers({ 'content-type': 'application/json' }) }, ctx)!;
const notServed = classifyError(
  { status: 400, error: { message: { error: 'Invalid model name passed in model=claude-3-5-sonnet-20241022' } }, headers: new Headers({}) },
  { ...ctx, servedModels: ['claude-3-5-sonnet', 'claude-3-5-haiku-20241022', 'team-fast', 'team-long-context-model'] },
)!;

describe.each([
  ['en', 80],
  ['en', 120],
  ['zh-CN', 80],
  ['zh-CN', 120],
  // Narrow and odd: where a cut lands on half of a wide character.
  ['zh-CN', 60],
  ['zh-CN', 61],
] as const)('%s at %i columns', (lang, columns) => {
  const m = messagesFor(lang);

  it('chat: a reply, error cards and the status bar', async () => {
    const runtime = fakeRuntime({ models: served });
    runtime.script(reply(LONG_REPLY), [{ type: 'error', error: refused, partial: false }], [{ type: 'error', error: notServed, partial: false }]);
    const h = await start(lang, columns, runtime);
    await h.press('你好', keys.enter);
    await h.see('AI');
    await h.see(m.status.ready);
    await h.press('again', keys.enter);
    await h.see(m.errorCard.title({ kind: 'auth', status: 403 }));
    await h.press('once more', keys.enter);
    await h.see(m.errorCard.title({ kind: 'model' }));
    await settle();
    expectTidy(h, columns);
  });

  it('/help', async () => {
    const h = await start(lang, columns);
    await h.press('/help', keys.enter);
    await h.see(m.keys.exit.slice(0, 6));
    expectTidy(h, columns);
    // The descriptions start in one column, measured in cells.
    // Help rows: a command, then at least two spaces of padding (a wrapped notice line can also start with "/model").
    const rows = h.term.screen().split('\n').filter((l) => /^ {4}\/\S+(?: \S+)? {2,}/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    const starts = rows.map((l) => textWidth(/^(\s+\/\S+(?: \S+)?\s+)/.exec(l)![1]!));
    expect(new Set(starts).size).toBe(1);
  });

  it('the model picker', async () => {
    const h = await start(lang, columns);
    await h.press(ctrl('p'));
    await h.see(m.picker.groups.proxy);
    await h.see(m.picker.notServed);
    expectTidy(h, columns);
  });

  it('settings, with the language row', async () => {
    const h = await start(lang, columns);
    await h.press(ctrl('s'));
    await h.see(m.settings.language.label);
    await down(h);
    await h.see(m.settings.hints.ANTHROPIC_API_KEY.slice(0, 8));
    expectTidy(h, columns);
    // Values start in one column, the language row's label (wider in Chinese) included.
    const valueCol = (label: string): number => {
      const line = h.term.viewport().split('\n').find((l) => l.slice(2).startsWith(label))!;
      return textWidth(/^(..\S+(?:\s\S+)*?\s{2,})/.exec(line)![1]!);
    };
    expect(valueCol(m.settings.language.label)).toBe(valueCol('ANTHROPIC_BASE_URL'));
  });

  it('the doctor checklist against a proxy, then its entry in the transcript', async () => {
    const runtime = fakeRuntime({
      models: served,
      config: makeConfig({ baseUrl: server.url, envPath: '/tmp/openwork-layout/.env', fileExists: false, credential: 'sk-wrong-key-1234', values: { ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'sk-wrong-key-1234' }, sources: { ANTHROPIC_BASE_URL: 'env', ANTHROPIC_API_KEY: 'env' } }),
    });
    const h = await start(lang, columns, runtime);
    await h.press('/doctor', keys.enter);
    await waitFor(() => h.term.screen().includes(m.doctor.summary({ total: 6, passed: 3, warned: 1, skipped: 2, failed: [m.doctor.labels.key] }).slice(0, 4)), () => `the summary in:\n${h.term.screen()}`, 10_000);
    expect(h.term.screen()).toContain(m.doctor.fix.trim());
    expectTidy(h, columns);
  });
});

describe('the box check', () => {
  it('measures in cells: a wide character shifts the right border', () => {
    expect(brokenBoxes('╭──╮\n│ab│\n╰──╯')).toEqual([]);
    expect(brokenBoxes('  ╭────╮\n  │中文│\n  ╰────╯')).toEqual([]);
    expect(brokenBoxes('╭──╮\n│中文│\n╰──╯')).toHaveLength(1);
    expect(brokenBoxes('╭───╮\n│abc│\n╰──╯')).toHaveLength(1);
  });
});

/** The focused settings row. */
const focusedRow = (h: TerminalHarness): string =>
  h.term.viewport().split('\n').find((l) => /^› (ANTHROPIC_|OPENAI_|OPENWORK_|Language|界面语言)/.test(l)) ?? '';

/** Moves the settings focus down one row, and waits for it to show. */
async function down(h: TerminalHarness): Promise<void> {
  const before = focusedRow(h);
  await h.press(keys.down);
  await waitFor(() => focusedRow(h) !== before, () => `the focus to move from "${before}"`);
}

/** Opens the settings and moves to the language row. */
async function focusLanguage(h: TerminalHarness, screen: string, label: string): Promise<void> {
  await h.press(ctrl('s'));
  await h.see(screen);
  for (let i = 0; i < 12 && !focusedRow(h).startsWith(`› ${label}`); i++) await down(h);
  expect(focusedRow(h)).toContain(`› ${label}`);
}

describe('switching the language', () => {
  it('re-renders the live screen in the other language; the transcript already printed is not printed again', async () => {
    const runtime = fakeRuntime({ models: served });
    runtime.script([{ type: 'error', error: refused, partial: false }]);
    const onLangChange: string[] = [];
    open = await renderAppInTerminal({ lang: 'en', langChoice: 'en', onLangChange: (c) => onLangChange.push(c) }, { columns: 100, rows: 40 }, runtime);
    const h = open;
    await h.press('hi', keys.enter);
    await h.see('Authentication failed');
    await focusLanguage(h, 'Test connection (Ctrl+T)', 'Language');
    await h.press(keys.right);
    await h.see('界面语言');
    expect(onLangChange).toEqual(['zh-CN']);
    await h.press(keys.esc);
    await h.see(messagesFor('zh-CN').chat.placeholder);
    // The card stays as it was printed, once: the terminal's history is not erased and printed again.
    expect(h.term.screen().split('Authentication failed').length - 1).toBe(1);
    expect(h.term.screen()).not.toContain('403 错误（认证失败）');
    expect(h.term.log.join('')).not.toMatch(/\x1b\[[23]J/);
    expectTidy(h, 100);
    await focusLanguage(h, '测试连接（Ctrl+T）', '界面语言');
    await h.press(keys.left);
    await h.see('Language');
    expect(onLangChange).toEqual(['zh-CN', 'en']);
  });
});
