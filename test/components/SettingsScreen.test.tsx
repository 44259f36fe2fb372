// The settings screen driven by real key sequences (ink-testing-library), on a throwaway .env.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { SettingsScreen, type SettingsScreenProps } from '../../src/components/SettingsScreen.js';
import { fakeRuntime } from '../helpers/fakeRuntime.js';
import { tempHome, type TempHome } from '../helpers/home.js';
import { keys } from '../helpers/keys.js';
import { settle, waitFor } from './harness.js';

const SEED = '# LiteLLM 代理服务器地址\nANTHROPIC_BASE_URL=http://127.0.0.1:3000\n\n# LiteLLM API 密钥\nANTHROPIC_API_KEY=sk-test-master\n';
const ctrl = (letter: string): string => String.fromCharCode(letter.charCodeAt(0) - 96);
const posix = process.platform !== 'win32';

let home: TempHome;
beforeEach(() => {
  home = tempHome();
});
afterEach(() => {
  cleanup();
  home.cleanup();
});

function mount(props: Partial<SettingsScreenProps> = {}) {
  const onClose = vi.fn();
  const r = render(
    <SettingsScreen envPath={home.envPath} env={{}} runtime={fakeRuntime()} color={false} onClose={onClose} isActive {...props} />,
  );
  const frame = (): string => r.lastFrame() ?? '';
  const see = (text: string | RegExp): Promise<string> =>
    waitFor(() => {
      const f = frame();
      return (typeof text === 'string' ? f.includes(text) : text.test(f)) && f;
    }, `${String(text)} in:\n${frame()}`);
  const press = async (...seq: string[]): Promise<void> => {
    for (const s of seq) {
      r.stdin.write(s);
      await settle();
    }
  };
  return { frame, see, press, onClose, rerender: r.rerender };
}
/** The frame's line for a setting. */
const row = (frame: string, key: string): string => frame.split('\n').find((l) => l.slice(2).startsWith(key + ' ')) ?? '';
const envText = (): string => readFileSync(home.envPath, 'utf8');

describe('SettingsScreen', () => {
  it('shows every setting with its value, secrets masked, and where it came from; Ctrl+R reveals the focused key', async () => {
    home.writeEnv(SEED);
    const s = mount({ env: { OPENWORK_TIMEOUT_MS: '5000' } });
    const f = await s.see('ANTHROPIC_BASE_URL');
    expect(row(f, 'ANTHROPIC_BASE_URL')).toMatch(/^› ANTHROPIC_BASE_URL\s+http:\/\/127\.0\.0\.1:3000\s+file$/);
    expect(row(f, 'ANTHROPIC_API_KEY')).toMatch(/sk-…ster\s+file$/);
    expect(row(f, 'OPENWORK_TIMEOUT_MS')).toMatch(/5000\s+environment$/);
    expect(row(f, 'OPENAI_API_KEY')).toMatch(/-\s+unset$/);
    expect(row(f, 'OPENWORK_PROXY_FORMAT')).toMatch(/‹ auto ›\s+default$/);
    expect(f).toContain('Proxy address, e.g.'); // the focused field's hint
    expect(f).not.toContain('sk-test-master');
    await s.press(keys.down, ctrl('r'));
    expect(row(await s.see('sk-test-master'), 'ANTHROPIC_API_KEY')).toMatch(/^› ANTHROPIC_API_KEY\s+sk-test-master/);
    await s.press(keys.down);
    expect(await s.see('sk-…ster')).not.toContain('sk-test-master'); // hidden again on leaving it
  });

  it('edits the base URL inline and saves only that line, comments kept, 0600', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(keys.enter, keys.ctrlU, 'http://10.0.0.2:4000/v1', keys.enter);
    await s.see('dropped the trailing /v1');
    expect(row(s.frame(), 'ANTHROPIC_BASE_URL')).toMatch(/http:\/\/10\.0\.0\.2:4000\s+file · edited$/);
    expect(envText()).toBe(SEED); // nothing written before Save
    await s.press(ctrl('s'));
    await s.see(`✔ Saved to ${home.envPath}`);
    expect(envText()).toBe(SEED.replace('http://127.0.0.1:3000', 'http://10.0.0.2:4000'));
    if (posix) expect(statSync(home.envPath).mode & 0o777).toBe(0o600);
    expect(row(s.frame(), 'ANTHROPIC_BASE_URL')).toMatch(/file$/);
  });

  it('an invalid URL gets an inline message as you type, and Save is refused', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(keys.enter, keys.ctrlU, '127.0.0.1:4000');
    await s.see('✖ add http:// or https:// in front, e.g. http://127.0.0.1:4000');
    await s.press(keys.enter); // not kept
    await s.see('ANTHROPIC_BASE_URL: add http://');
    await s.press(ctrl('s'));
    await s.see('— not saved');
    expect(envText()).toBe(SEED);
    // Fixing it as you type clears the message.
    await s.press(keys.home, 'http://');
    await waitFor(() => !s.frame().includes('✖ add http://'), 'the message to go');
    await s.press(keys.enter, ctrl('s'));
    await s.see('✔ Saved');
    expect(envText()).toContain('ANTHROPIC_BASE_URL=http://127.0.0.1:4000\n');
  });

  it('OPENWORK_TIMEOUT_MS above 2147483647 or not a number is refused as you type, and Save with it', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(...Array.from({ length: 6 }, () => keys.down));
    await waitFor(() => row(s.frame(), 'OPENWORK_TIMEOUT_MS').startsWith('›'), 'the timeout row focused');
    await s.press(keys.enter, keys.ctrlU, '99999999999');
    await s.see('✖ OPENWORK_TIMEOUT_MS must be a whole number of milliseconds from 1 to');
    await s.press(keys.enter, ctrl('s'));
    await s.see('— not saved');
    await s.press(keys.enter, keys.ctrlU, 'abc');
    await s.see('✖ OPENWORK_TIMEOUT_MS must be a whole number of milliseconds from 1 to');
    expect(envText()).toBe(SEED);
  });

  it('a pasted value with a line break or a tab inside is refused, not joined into another value (nothing saved)', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    // Editing: the paste would have become http://xANTHROPIC_API_KEY=evil, a valid-looking host.
    await s.press(keys.enter, keys.ctrlU, keys.pasteStart, 'http://x\nANTHROPIC_API_KEY=evil', keys.pasteEnd);
    await s.see('✖ ANTHROPIC_BASE_URL cannot contain a line break');
    await s.press(keys.enter);
    await s.see('ANTHROPIC_BASE_URL: ANTHROPIC_BASE_URL cannot contain a line break');
    await s.press(ctrl('s'));
    await s.see('— not saved');
    expect(envText()).toBe(SEED);
    await s.press(keys.esc);
    await waitFor(() => row(s.frame(), 'ANTHROPIC_BASE_URL').includes('http://127.0.0.1:3000') && s.frame(), 'the old value back');
    // Browsing: a key pasted over the field with a tab inside (it would have been saved with spaces, or joined).
    await s.press(keys.down, 'sk-abc\tdef-123');
    await s.see('✖ ANTHROPIC_API_KEY cannot contain a tab');
    await s.press(keys.enter, ctrl('s'));
    await s.see('— not saved');
    expect(envText()).toBe(SEED);
    expect(s.frame()).not.toMatch(/abc\s*def|abcdef/);
  });

  it('a user:password inside the base URL is masked on the screen and refused when typed', async () => {
    home.writeEnv(SEED.replace('http://127.0.0.1:3000', 'http://alice:hunter2-secret@127.0.0.1:3000'));
    const s = mount();
    const f = await s.see('ANTHROPIC_BASE_URL');
    expect(row(f, 'ANTHROPIC_BASE_URL')).toContain('http://alice:•••@127.0.0.1:3000');
    expect(f).not.toContain('hunter2');
    await s.press(keys.enter, keys.ctrlU, 'http://bob:pw-typed@127.0.0.1:4000');
    await s.see('holds a user name and password');
    expect(s.frame()).toContain('http://bob:•••@127.0.0.1:4000 holds');
  });

  it.skipIf(!posix)('a .env that cannot be read (a real I/O error: a link to /proc/self/mem) opens the screen with the path and what to do, not a crash', async () => {
    mkdirSync(home.dir, { recursive: true });
    symlinkSync('/proc/self/mem', home.envPath);
    const s = mount();
    await s.see(`cannot read ${home.envPath} (EIO)`);
    expect(s.frame()).toContain('ANTHROPIC_BASE_URL');
    // Saving over it is refused with words too; the link stays a link.
    await s.press(keys.enter, keys.ctrlU, 'http://127.0.0.1:4000', keys.enter, ctrl('s'));
    await s.see(`Not saved: cannot read ${home.envPath} (EIO)`);
    expect(lstatSync(home.envPath).isSymbolicLink()).toBe(true);
  });

  it('a pasted key replaces the old one, trimmed, masked while typing', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(keys.down, keys.enter);
    await s.see('typing replaces it');
    await s.press(keys.pasteStart, ' "sk-new-key-9876"\n', keys.pasteEnd);
    const f = await s.see('trimmed spaces and quotes');
    expect(f).not.toContain('sk-new-key-9876"');
    expect(row(f, 'ANTHROPIC_API_KEY')).toContain('•'.repeat(18));
    await s.press(keys.enter, ctrl('s'));
    await s.see('✔ Saved');
    expect(envText()).toBe(SEED.replace('sk-test-master', 'sk-new-key-9876'));
  });

  it('a choice cycles with Right / Space and is appended on save', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(keys.down, keys.down, keys.down, keys.right);
    await s.see('‹ openai ›');
    await s.press(' ');
    await s.see('‹ anthropic ›');
    await s.press(ctrl('s'));
    await s.see('✔ Saved');
    expect(envText()).toBe(`${SEED}OPENWORK_PROXY_FORMAT=anthropic\n`);
  });

  it('Ctrl+C while editing cancels the edit and never leaves the screen or loses a setting', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(keys.enter, keys.ctrlU, 'http://half-typed', keys.ctrlC);
    await waitFor(() => row(s.frame(), 'ANTHROPIC_BASE_URL').includes('http://127.0.0.1:3000'), 'the old value back');
    expect(s.onClose).not.toHaveBeenCalled();
    expect(envText()).toBe(SEED);
    await s.press(keys.ctrlC); // nothing to cancel, nothing edited: close
    await waitFor(() => s.onClose.mock.calls.length === 1, 'onClose');
  });

  it('Esc with unsaved edits asks first; n stays, y leaves without writing', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(keys.enter, keys.ctrlU, 'http://10.0.0.9:1', keys.enter, keys.esc);
    await s.see('Leave without saving your changes? (y/n)');
    await s.press('n');
    await waitFor(() => !s.frame().includes('Leave without saving'), 'the question to go');
    expect(row(s.frame(), 'ANTHROPIC_BASE_URL')).toContain('http://10.0.0.9:1');
    await s.press(keys.esc);
    await s.see('Leave without saving');
    await s.press('y');
    await waitFor(() => s.onClose.mock.calls.length === 1, 'onClose');
    expect(envText()).toBe(SEED);
  });

  it('asks before overwriting a file changed on disk since the screen opened', async () => {
    home.writeEnv(SEED);
    const s = mount();
    await s.see('ANTHROPIC_BASE_URL');
    const theirs = '# edited by hand meanwhile\nANTHROPIC_BASE_URL=http://127.0.0.1:3000\nANTHROPIC_API_KEY=sk-theirs-0000\n';
    writeFileSync(home.envPath, theirs);
    await s.press(keys.enter, keys.ctrlU, 'http://10.0.0.3:4000', keys.enter, ctrl('s'));
    await s.see('changed on disk since this screen opened');
    await s.see('Save over it anyway?');
    await s.press('n');
    await s.see('Not saved. Your edits are still here');
    expect(envText()).toBe(theirs);
    await s.press(ctrl('s'));
    await s.see('Save over it anyway?');
    await s.press('y');
    await s.see('✔ Saved');
    expect(envText()).toBe(theirs.replace('http://127.0.0.1:3000', 'http://10.0.0.3:4000'));
  });

  it('first run: no folder, no file yet; saving a key creates both privately', async () => {
    const fresh = join(home.dir, 'fresh', '.env');
    const s = mount({ envPath: fresh });
    const f = await s.see('ANTHROPIC_API_KEY');
    expect(row(f, 'ANTHROPIC_BASE_URL')).toMatch(/- \(Anthropic direct\)\s+unset$/);
    await s.press(keys.down, 'sk-first-run-0001', keys.enter, ctrl('s'));
    await s.see('✔ Saved');
    expect(readFileSync(fresh, 'utf8')).toBe('ANTHROPIC_API_KEY=sk-first-run-0001\n');
    if (posix) {
      expect(statSync(fresh).mode & 0o777).toBe(0o600);
      expect(statSync(join(home.dir, 'fresh')).mode & 0o777).toBe(0o700);
    }
  });

  it('takes no keys while inactive', async () => {
    home.writeEnv(SEED);
    const s = mount({ isActive: false });
    await s.see('ANTHROPIC_BASE_URL');
    await s.press(keys.down, keys.esc, keys.ctrlC);
    expect(row(s.frame(), 'ANTHROPIC_BASE_URL')).toMatch(/^› /);
    expect(s.onClose).not.toHaveBeenCalled();
  });

  it('a UI preference is a choice applied on Save, without touching the .env file', async () => {
    home.writeEnv(SEED);
    const onSavePrefs = vi.fn();
    const prefs = [{ id: 'lang', label: 'Language', hint: 'interface language', choices: [{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '中文' }] }];
    const s = mount({ prefs, prefValues: { lang: 'en' }, onSavePrefs });
    await s.see('‹ English ›');
    for (let i = 0; i < 7; i++) await s.press(keys.down);
    await s.press(keys.right);
    await s.see('‹ 中文 ›');
    await s.press(ctrl('s'));
    await s.see('✔ Saved');
    expect(onSavePrefs).toHaveBeenCalledWith({ lang: 'zh-CN' });
    expect(envText()).toBe(SEED);
  });
});
