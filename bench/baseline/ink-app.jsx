// The baseline for "launch to first usable frame": a minimal interactive Ink app that renders one
// line. Bundled with the app's esbuild options (bench/lib/setup.mjs) and started like the app
// (bench/baseline/bin.cjs mirrors bin/openwork-tui.cjs).
import { render, Text, useInput } from 'ink';

function Minimal() {
  useInput(() => {});
  return <Text>● ready</Text>;
}

export async function main() {
  const instance = render(<Minimal />, { exitOnCtrlC: true, patchConsole: false });
  await instance.waitUntilExit();
  return 0;
}
