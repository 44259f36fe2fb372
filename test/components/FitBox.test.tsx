// FitBox: a screen's rows clipped to what the terminal has, scrolled to keep the focused row (or
// the newest line) in view.
import { afterEach, describe, expect, it } from 'vitest';
import { useRef } from 'react';
import { Box, Text, type DOMElement } from 'ink';
import { FitBox, screenRows } from '../../src/components/FitBox.js';
import { renderInTerminal, waitFor, type TerminalHarness } from './harness.js';

let open: TerminalHarness | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

function Lines({ n, focus, maxRows }: { n: number; focus?: number; maxRows: number }) {
  const ref = useRef<DOMElement>(null);
  return (
    <Box flexDirection="column">
      <Text>TITLE</Text>
      <FitBox maxRows={maxRows} {...(focus !== undefined ? { focus: ref } : {})}>
        {Array.from({ length: n }, (_, i) => (
          <Box key={i} ref={i === focus ? ref : undefined}>
            <Text>line {i}</Text>
          </Box>
        ))}
      </FitBox>
      <Text>KEYS</Text>
    </Box>
  );
}

const rowsOf = (h: TerminalHarness): string[] => h.term.screen().split('\n');

describe('FitBox', () => {
  it('keeps the focused row in view within maxRows, title and keys around it', async () => {
    const h = (open = renderInTerminal(<Lines n={30} focus={20} maxRows={5} />, 40, 24));
    await waitFor(() => rowsOf(h).includes('line 20') && rowsOf(h).length === 7, () => h.term.screen());
    expect(rowsOf(h)).toEqual(['TITLE', 'line 16', 'line 17', 'line 18', 'line 19', 'line 20', 'KEYS']);
  });

  it('shows the end when nothing is focused (a checklist that grows)', async () => {
    const h = (open = renderInTerminal(<Lines n={12} maxRows={4} />, 40, 24));
    await waitFor(() => rowsOf(h).includes('line 11'), () => h.term.screen());
    expect(rowsOf(h)).toEqual(['TITLE', 'line 8', 'line 9', 'line 10', 'line 11', 'KEYS']);
  });

  it('takes only the rows its content needs when that is less', async () => {
    const h = (open = renderInTerminal(<Lines n={2} focus={0} maxRows={10} />, 40, 24));
    await waitFor(() => rowsOf(h).length === 4, () => h.term.screen());
    expect(rowsOf(h)).toEqual(['TITLE', 'line 0', 'line 1', 'KEYS']);
  });

  it('leaves room for the status bar and a spare line', () => {
    expect(screenRows(24)).toBe(21);
    expect(screenRows(20)).toBe(17);
  });
});
