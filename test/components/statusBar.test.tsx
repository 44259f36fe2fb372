// The status bar's second row: a notice and the meters share it; a notice too long to sit beside the
// meters gets the whole row (the meters come back when it is gone).
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { StatusBar } from '../../src/components/StatusBar.js';
import { I18nProvider } from '../../src/components/I18n.js';
import { en } from '../../src/i18n/en.js';
import { fakeRuntime } from '../helpers/fakeRuntime.js';
import type { Meters } from '../../src/state/meters.js';

const meters: Meters = { context: { tokens: 1000, window: 200_000, exact: false, level: 'ok' }, session: { cost: 0.0012, estimated: true } };
const row2 = (frame: string) => frame.split('\n')[1] ?? '';

function bar(flash?: string) {
  const runtime = fakeRuntime().getState();
  return render(
    <I18nProvider messages={en}>
      <StatusBar runtime={runtime} model="claude-3-5-sonnet" live={undefined} last={undefined} color={false} meters={meters} flash={flash ? { id: 1, text: flash, level: 'info' } : undefined} />
    </I18nProvider>,
  );
}

describe('StatusBar, second row', () => {
  it('a short notice sits beside the meters', () => {
    const r = bar('Copied.');
    expect(row2(r.lastFrame()!)).toMatch(/^Copied\. +context ▱▱▱▱▱ ~1 % · session ~\$0\.0012$/);
    r.unmount();
  });

  it('a notice too long to sit beside them is shown whole, without the meters', () => {
    const long = 'Copied code block 1 (python, 8 lines), 245 B · OSC 52 through tmux and xclip';
    const r = bar(long);
    // ink-testing-library's terminal is 100 columns wide: 76 + 38 do not fit in one row.
    expect(row2(r.lastFrame()!).trimEnd()).toBe(long);
    r.unmount();
  });
});
