// <Static> under the build's Ink patch (scripts/inkStatic.mjs): each batch of items is printed once,
// in order, by the commit that brought it — no second commit to drop it from the tree — and items
// left in the tree until the next batch are never printed again, whatever else redraws.
import { afterEach, describe, expect, it } from 'vitest';
import { Box, Static, Text, render, type Instance } from 'ink';
import { VirtualTerminal } from './vterm.js';
import { settle, waitFor } from './harness.js';

function Log({ items, live }: { items: string[]; live: string }) {
  return (
    <Box flexDirection="column">
      <Static items={items}>{(item) => <Text key={item}>{item}</Text>}</Static>
      <Text>{live}</Text>
    </Box>
  );
}

let instance: Instance | undefined;
afterEach(() => instance?.unmount());

describe('<Static> (patched)', () => {
  it('prints each batch once, in order, with one frame per batch, and never again on later frames', async () => {
    const term = new VirtualTerminal(40, 10);
    let frames = 0;
    instance = render(<Log items={[]} live="live 0" />, {
      stdout: term as unknown as NodeJS.WriteStream,
      debug: false,
      exitOnCtrlC: false,
      patchConsole: false,
      onRender: () => {
        frames++;
      },
    });
    await waitFor(() => term.screen().includes('live 0'), 'the first frame');
    const items: string[] = [];
    const batches = 12;
    await settle();
    const before = frames;
    for (let b = 1; b <= batches; b++) {
      for (let i = 0; i < 3; i++) items.push(`item ${b}.${i}`);
      instance.rerender(<Log items={[...items]} live={`live ${b}`} />);
      await waitFor(() => term.screen().includes(`live ${b}`), () => `batch ${b} drawn:\n${term.screen()}`);
      await settle();
    }
    // One frame per batch: the commit that printed it (the original drew a second for dropping it).
    expect(frames - before).toBe(batches);
    // Frames that change only the live line, with the last batch still in the tree.
    for (let k = 0; k < 5; k++) {
      instance.rerender(<Log items={[...items]} live={`tail ${k}`} />);
      await waitFor(() => term.screen().includes(`tail ${k}`), `tail ${k}`);
    }
    const all = term.screen(); // scrollback and screen
    for (const item of items) expect(all.split(item).length - 1, item).toBe(1);
    const order = items.map((item) => all.indexOf(item));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
