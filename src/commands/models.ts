// openwork-tui models [--json]
import type { ModelEntry, RuntimeState, ModelListing } from '../runtime/types.js';
import { whereLabel } from '../i18n/connection.js';
import { EXIT, exitCodeFor } from '../runtime/errors.js';
import { en, type Messages } from '../i18n/index.js';
import { padEnd, textWidth } from '../i18n/width.js';
import { dim, formatError, green, red, type IO } from './io.js';
import { availability } from '../state/modelSwitch.js';
import { safeJson, safeLine } from '../render/sanitize.js';
import { modelLife } from '../config/modelLife.js';
import { errorWords } from '../words/errors.js';

function details(e: ModelEntry, m: Messages): string {
  const parts: string[] = [];
  if (e.contextWindow) parts.push(m.cli.models.context({ k: Math.round(e.contextWindow / 1000) }));
  if (e.inputCostPerMTok !== undefined && e.outputCostPerMTok !== undefined) parts.push(m.cli.models.price({ input: e.inputCostPerMTok, output: e.outputCostPerMTok }));
  if (e.underlying && e.underlying !== e.id) parts.push(`→ ${safeLine(e.underlying)}`);
  // The Anthropic SDK's deprecation table, by the name or the provider model behind a proxy alias.
  const life = modelLife(e.id).state === 'current' ? modelLife(e.underlying) : modelLife(e.id);
  if (life.state !== 'current') parts.push(life.state === 'retired' ? m.picker.retired({ date: life.date }) : m.picker.endOfLife({ date: life.date }));
  return parts.join('  ');
}

export function renderModels(io: IO, state: RuntimeState, listing: ModelListing): string {
  const m = io.messages;
  const w = m.cli.models;
  const out: string[] = [safeLine(w.connection({ label: whereLabel(state, m) }))];
  // Names come from the server: shown cleaned (`--json` has them as they are, JSON-escaped).
  const width = Math.max(...listing.models.map((e) => textWidth(safeLine(e.id)))) + 2;
  const row = (mark: string, e: ModelEntry, extra = '') => `  ${mark} ${padEnd(safeLine(e.id), width)}${dim(io, details(e, m))}${extra}`;
  // As the picker sees them: a built-in gpt-*/o* name the proxy lacks goes to OpenAI directly
  // (only listed when OPENAI_API_KEY is set), so it is not "not served".
  const served = listing.models.filter((e) => availability(e) === 'served');
  const openai = listing.models.filter((e) => availability(e) === 'openai');
  const notServed = listing.models.filter((e) => availability(e) === 'missing');
  const unknown = listing.models.filter((e) => availability(e) === 'unknown');
  if (served.length) {
    out.push('', w.served);
    for (const e of served) out.push(row(green(io, '✔'), e));
  }
  if (openai.length) {
    out.push('', w.openaiDirect);
    for (const e of openai) out.push(row(green(io, '✔'), e));
  }
  if (notServed.length) {
    out.push('', w.notServed);
    for (const e of notServed) out.push(row(red(io, '✖'), e, e.suggestion ? w.use({ suggestion: safeLine(e.suggestion) }) : ''));
  }
  if (unknown.length) {
    out.push('', listing.status === 'error' ? w.unknown : w.builtin);
    for (const e of unknown) out.push(row(' ', e));
  }
  return out.join('\n') + '\n';
}

export async function runModels(state: () => RuntimeState, listModels: () => Promise<ModelListing>, io: IO, json: boolean): Promise<number> {
  const listing = await listModels();
  const s = state();
  if (json) {
    io.stdout.write(
      safeJson(JSON.stringify(
        {
          connection: { mode: s.connection.mode, baseUrl: s.connection.baseUrl ?? null, reachable: !s.connection.unreachable },
          status: listing.status,
          ...(listing.error ? { error: { kind: listing.error.kind, ...errorWords(listing.error, en) } } : {}),
          // availability: served | openai (sent to OpenAI directly) | missing | unknown, as in the text output
          models: listing.models.map((e) => {
            const life = modelLife(e.id).state === 'current' ? modelLife(e.underlying) : modelLife(e.id);
            return { ...e, availability: availability(e), ...(life.state !== 'current' ? { endOfLife: life.date, retired: life.state === 'retired' } : {}) };
          }),
        },
        null,
        2,
      )) + '\n',
    );
  } else {
    io.stdout.write(renderModels(io, s, listing));
    if (listing.error) io.stderr.write('\n' + formatError(io, listing.error));
  }
  return listing.error ? exitCodeFor(listing.error.kind) : EXIT.ok;
}
