// openwork-tui models [--json]
import type { ModelEntry, RuntimeState, ModelListing } from '../runtime/types.js';
import { connectionLabel } from '../runtime/describe.js';
import { EXIT, exitCodeFor } from '../runtime/errors.js';
import { dim, formatError, green, red, type IO } from './io.js';

function details(m: ModelEntry): string {
  const parts: string[] = [];
  if (m.contextWindow) parts.push(`${Math.round(m.contextWindow / 1000)}k ctx`);
  if (m.inputCostPerMTok !== undefined && m.outputCostPerMTok !== undefined) parts.push(`$${m.inputCostPerMTok}/$${m.outputCostPerMTok} per Mtok`);
  if (m.underlying && m.underlying !== m.id) parts.push(`→ ${m.underlying}`);
  return parts.join('  ');
}

export function renderModels(io: IO, state: RuntimeState, listing: ModelListing): string {
  const out: string[] = [`Connection: ${connectionLabel(state.connection)}`];
  const width = Math.max(...listing.models.map((m) => m.id.length)) + 2;
  const row = (mark: string, m: ModelEntry, extra = '') => `  ${mark} ${m.id.padEnd(width)}${dim(io, details(m))}${extra}`;
  const served = listing.models.filter((m) => m.served === true);
  const notServed = listing.models.filter((m) => m.served === false);
  const unknown = listing.models.filter((m) => m.served === undefined);
  if (served.length) {
    out.push('', 'Served by the proxy:');
    for (const m of served) out.push(row(green(io, '✔'), m));
  }
  if (notServed.length) {
    out.push('', 'Built in, NOT served by this proxy (requests would fail with "Invalid model name"):');
    for (const m of notServed) out.push(row(red(io, '✖'), m, m.suggestion ? `  use ${m.suggestion}` : ''));
  }
  if (unknown.length) {
    out.push('', listing.status === 'error' ? 'Built in (could not ask the proxy which it serves):' : 'Built in:');
    for (const m of unknown) out.push(row(' ', m));
  }
  return out.join('\n') + '\n';
}

export async function runModels(state: () => RuntimeState, listModels: () => Promise<ModelListing>, io: IO, json: boolean): Promise<number> {
  const listing = await listModels();
  const s = state();
  if (json) {
    io.stdout.write(
      JSON.stringify(
        {
          connection: { mode: s.connection.mode, baseUrl: s.connection.baseUrl ?? null, reachable: !s.connection.unreachable },
          status: listing.status,
          ...(listing.error ? { error: { kind: listing.error.kind, message: listing.error.message, hint: listing.error.hint } } : {}),
          models: listing.models,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.stdout.write(renderModels(io, s, listing));
    if (listing.error) io.stderr.write('\n' + formatError(io, listing.error));
  }
  return listing.error ? exitCodeFor(listing.error.kind) : EXIT.ok;
}
