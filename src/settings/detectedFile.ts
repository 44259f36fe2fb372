// $OPENWORK_HOME/detected.json: what detection learned per proxy address (kind, version, when; no
// secrets), read once per run and rewritten (temp file + rename) when it changes. A file that cannot
// be read or written only means the next run probes again.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Detected, DetectionMemory } from '../runtime/detectionMemory.js';

type Entries = Record<string, Detected>;

function valid(d: unknown): d is Detected {
  const x = d as Partial<Detected> | null;
  return !!x && typeof x.kind === 'string' && typeof x.at === 'number' && (x.version === undefined || typeof x.version === 'string');
}

export function detectionFile(home: string): DetectionMemory {
  const path = join(home, 'detected.json');
  const read = (): Entries => {
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
      return data && typeof data === 'object' && !Array.isArray(data) ? (data as Entries) : {};
    } catch {
      return {};
    }
  };
  let entries: Entries | undefined;
  return {
    recall(address) {
      entries ??= read();
      const d = entries[address];
      return valid(d) ? d : undefined;
    },
    remember(address, detected) {
      const next = read(); // another run may have written since
      if (detected) next[address] = { kind: detected.kind, ...(detected.version ? { version: detected.version } : {}), at: detected.at };
      else delete next[address];
      entries = next;
      try {
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
        renameSync(tmp, path);
      } catch {
        // Not kept: the next run probes again.
      }
    },
  };
}
