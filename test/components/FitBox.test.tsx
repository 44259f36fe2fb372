// FitBox: a screen's rows clipped to what the terminal has, scrolled to keep the focused row (or
// the newest line) in view.
import { afterEach, describe, expect, it } from 'vitest';
import { useRef, useState } from 'react';
import { Box, Text, useInput, type DOMElement } from 'ink';
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

/** A prompt that opens a screen of `n` lines (in a FitBox of `maxRows`) on any key, as Ctrl+S does. */
function Opens({ n, maxRows }: { n: number; maxRows: number }) {
  const [open, setOpen] = useState(false);
  useInput(() => setOpen(true));
  return open ? <Lines n={n} maxRows={maxRows} /> : <Text>PROMPT</Text>;
}

/** The rows of each frame written that shows the screen (from its title to the saved bottom, ESC 7). */
function screenFrames(writes: string[]): number[] {
  return writes
    .filter((w) => w.includes('TITLE') && w.includes('\x1b7'))
    .map((w) => w.slice(w.lastIndexOf('TITLE'), w.lastIndexOf('\x1b7')).split('\n').length - 1);
}

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

  it('draws a screen at the height it keeps from its first frame (no taller frame first, which scrolled the terminal)', async () => {
    // The first frame used to be drawn at maxRows (the bound) and shrunk a frame later, once measured:
    // a screen shorter than the terminal still scrolled the transcript up by the difference and
    // left blank rows below when it shrank.
    const h = (open = renderInTerminal(<Opens n={3} maxRows={15} />, 40, 24));
    await waitFor(() => h.term.screen().includes('PROMPT'), () => h.term.screen());
    const writes: string[] = [];
    const write = h.term.write;
    h.term.write = (data: string) => (writes.push(data), write(data));
    // Past Ink's render throttle (33 ms), as a key pressed later is: its frame is drawn at once then.
    await new Promise((r) => setTimeout(r, 100));
    await h.press('x');
    await waitFor(() => rowsOf(h).join('|') === 'TITLE|line 0|line 1|line 2|KEYS', () => h.term.screen());
    await waitFor(() => screenFrames(writes).length > 0, 'a frame of the screen');
    expect(screenFrames(writes)).toEqual(screenFrames(writes).map(() => 5));
  });

  it('leaves room for the status bar and a spare line', () => {
    expect(screenRows(24)).toBe(21);
    expect(screenRows(20)).toBe(17);
  });
});
