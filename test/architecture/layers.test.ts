import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeViolation, importEdges, readSources, violations } from '../helpers/layers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = readSources(root);
const edges = importEdges(sources);

describe('layers', () => {
  it('src/ has no forbidden import', () => {
    expect(sources.size).toBeGreaterThan(50);
    expect(violations(edges).map(describeViolation)).toEqual([]);
  });

  it('fails when a forbidden import is added (the same check, on src/ plus one offending file each)', () => {
    const probes: [string, string, string][] = [
      ['src/runtime/probe.ts', "import { Box } from 'ink';", 'ink'],
      ['src/runtime/probe.ts', "import { useChat } from '../state/useChat.js';", 'src/state/useChat.ts'],
      ['src/runtime/probe.ts', "import type { HelpCard } from '../components/HelpCard.js';", 'src/components/HelpCard.tsx'],
      ['src/runtime/probe.ts', "export { EnvDocument } from '../settings/saveEnv.js';", 'src/settings/saveEnv.ts'],
      ['src/runtime/probe.ts', "const r = await import('react');", 'react'],
      ['src/runtime/probe.ts', "import { en } from '../i18n/en.js';", 'src/i18n/en.ts'],
      ['src/runtime/probe.ts', "import type { Messages } from '../i18n/index.js';", 'src/i18n/index.ts'],
      ['src/runtime/probe.ts', "import { connectionLabel } from '../i18n/connection.js';", 'src/i18n/connection.ts'],
      ['src/runtime/probe.ts', "import { errorWords } from '../words/errors.js';", 'src/words/errors.ts'],
      ['src/runtime/connections/probe/index.ts', "export type { Say } from '../../../i18n/en.js';", 'src/i18n/en.ts'],
      ['src/runtime/probe.ts', "import { runDoctor } from '../doctor/index.js';", 'src/doctor/index.ts'],
      ['src/words/probe.ts', "import { useChat } from '../state/useChat.js';", 'src/state/useChat.ts'],
      ['src/doctor/probe.ts', "import { Text } from 'ink';", 'ink'],
      ['src/settings/probe.ts', "import { resolveConfig } from '../runtime/config.js';", 'src/runtime/config.ts'],
      ['src/settings/probe.ts', "import { Prompt } from '../components/Prompt.js';", 'src/components/Prompt.tsx'],
      ['src/render/probe.ts', "import { connect } from 'node:net';", 'node:net'],
      ['src/render/probe.ts', "import OpenAI from 'openai';", 'openai'],
      ['src/render/probe.ts', "import type { Runtime } from '../runtime/types.js';", 'src/runtime/types.ts'],
      ['src/components/Probe.tsx', "import { runDoctor } from '../doctor/index.js';", 'src/doctor/index.ts'],
      ['src/components/Probe.tsx', "import { classifyError, type AppError } from '../runtime/errors.js';", 'src/runtime/errors.ts'],
    ];
    for (const [file, line, to] of probes) {
      const probe = new Map([[file, line]]);
      // What the probe adds (the first test answers for the rest of src/).
      const found = violations([...edges, ...importEdges(probe, new Map([...sources, ...probe]))]).filter((v) => v.from === file);
      expect(found.map((v) => `${v.from} → ${v.to}`), line).toEqual([`${file} → ${to}`]);
    }
  });

  it("lets components name the runtime's types", () => {
    const probe = new Map([['src/components/Probe.tsx', "import type { Runtime } from '../runtime/types.js';\nimport { type AppError } from '../runtime/types.js';"]]);
    const probed = importEdges(probe, sources);
    expect(probed.map((e) => e.typeOnly)).toEqual([true, true]);
    expect(violations(probed)).toEqual([]);
  });
});
