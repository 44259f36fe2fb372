// Built-in models and the merge with what a proxy really serves.
import type { ModelEntry } from './types.js';
import { nearestModels, sameModel, baseModelName } from './nearest.js';
import { defaultModel } from '../config/modelLife.js';

interface Builtin {
  id: string;
  label: string;
  contextWindow?: number;
  input?: number; // USD per million input tokens
  output?: number;
}

// Current Claude models (as the installed @anthropic-ai/sdk lists them), then the ones the seed guide
// names. Prices and context windows only where they are known here.
const CLAUDE: Builtin[] = [
  { id: 'claude-sonnet-5-5', label: 'Claude Sonnet 5.5' },
  { id: 'claude-opus-5-5', label: 'Claude Opus 5.5' },
  { id: 'claude-haiku-5-5', label: 'Claude Haiku 5.5' },
  { id: 'claude-opus-4-8', label: 'Claude Opus 4.8' },
  { id: 'claude-sonnet-4-6', label: 'Claude Sonnet 4.6' },
  { id: 'claude-haiku-4-5-20251001', label: 'Claude Haiku 4.5', contextWindow: 200_000, input: 1, output: 5 },
  { id: 'claude-sonnet-4-5-20250929', label: 'Claude Sonnet 4.5', contextWindow: 200_000, input: 3, output: 15 },
  { id: 'claude-3-5-sonnet-20241022', label: 'Claude Sonnet 3.5', contextWindow: 200_000, input: 3, output: 15 },
  { id: 'claude-3-5-haiku-20241022', label: 'Claude Haiku 3.5', contextWindow: 200_000, input: 0.8, output: 4 },
];

const GPT: Builtin[] = [
  { id: 'gpt-4o', label: 'GPT-4o', contextWindow: 128_000, input: 2.5, output: 10 },
  { id: 'gpt-4o-mini', label: 'GPT-4o mini', contextWindow: 128_000, input: 0.15, output: 0.6 },
  { id: 'gpt-4.1', label: 'GPT-4.1', contextWindow: 1_047_576, input: 2, output: 8 },
  { id: 'o4-mini', label: 'o4-mini', contextWindow: 200_000, input: 1.1, output: 4.4 },
];

export function isOpenAIModel(id: string): boolean {
  return /^(gpt-|o\d)/i.test(id);
}

/** "claude-sonnet-6-1" → "Claude Sonnet 6.1" (for a default from a newer SDK that this list lacks). */
function labelOf(id: string): string {
  const [, family = id, version = ''] = /^claude-([a-z]+)-?([\d-]*)/.exec(id) ?? [];
  return `Claude ${family[0]?.toUpperCase() ?? ''}${family.slice(1)} ${version.replace(/-\d{8}$/, '').replace(/-/g, '.')}`.trim();
}

export function builtinModels(withOpenAI: boolean): ModelEntry[] {
  // The default (from the SDK's data) is always in the list, even when the SDK is newer than it.
  const def = defaultModel();
  const claude = CLAUDE.some((b) => b.id === def) ? CLAUDE : [{ id: def, label: labelOf(def) }, ...CLAUDE];
  return [...claude, ...(withOpenAI ? GPT : [])].map((b) => ({
    id: b.id,
    label: b.label,
    source: 'builtin' as const,
    served: undefined,
    vision: true, // every built-in (Claude 3 and later, GPT-4o/4.1, o4-mini) takes images
    ...(b.contextWindow ? { contextWindow: b.contextWindow } : {}),
    ...(b.input !== undefined ? { inputCostPerMTok: b.input } : {}),
    ...(b.output !== undefined ? { outputCostPerMTok: b.output } : {}),
  }));
}

export type RemoteModel = Omit<ModelEntry, 'source' | 'served'>;

/**
 * The list a user picks from: the proxy's models first (served), then built-ins, each built-in
 * marked served or not, with the proxy's nearest name as a suggestion when it lacks one.
 */
export function mergeModels(builtins: ModelEntry[], remote: RemoteModel[] | undefined): ModelEntry[] {
  if (!remote) return builtins;
  const served = remote.map((r) => r.id);
  const servedSet = new Set(served);
  const proxy: ModelEntry[] = remote.map((r) => {
    const twin = builtins.find((b) => baseModelName(b.id) === baseModelName(r.underlying ?? r.id));
    return {
      ...r,
      source: 'proxy',
      served: true,
      ...(r.label || !twin?.label ? {} : { label: twin.label }),
      ...(r.contextWindow || !twin?.contextWindow ? {} : { contextWindow: twin.contextWindow }),
    };
  });
  const rest: ModelEntry[] = builtins
    .filter((b) => !servedSet.has(b.id))
    .map((b) => {
      const suggestion = sameModel(b.id, served) ?? closeEnough(b.id, served);
      return { ...b, served: false, ...(suggestion ? { suggestion } : {}) };
    });
  return [...proxy, ...rest];
}

/** The nearest served name when it is plausibly the same family (not just "some model"). */
function closeEnough(id: string, served: string[]): string | undefined {
  const best = nearestModels(id, served)[0];
  if (!best) return undefined;
  const a = baseModelName(id);
  const b = baseModelName(best);
  return a.startsWith(b) || b.startsWith(a) ? best : undefined;
}

/** Details from LiteLLM's GET /model/info (shape: { data: [{ model_name, litellm_params: { model }, model_info }] }). */
export function parseModelInfo(body: unknown): Map<string, Partial<RemoteModel>> {
  const out = new Map<string, Partial<RemoteModel>>();
  const data = (body as { data?: unknown })?.data;
  if (!Array.isArray(data)) return out;
  for (const item of data) {
    if (typeof item !== 'object' || item === null) continue;
    const rec = item as { model_name?: unknown; litellm_params?: { model?: unknown }; model_info?: Record<string, unknown> };
    if (typeof rec.model_name !== 'string') continue;
    const info = rec.model_info ?? {};
    const num = (k: string) => (typeof info[k] === 'number' ? (info[k] as number) : undefined);
    const ctx = num('max_input_tokens') ?? num('max_tokens');
    const inCost = num('input_cost_per_token');
    const outCost = num('output_cost_per_token');
    const underlying = typeof rec.litellm_params?.model === 'string' ? rec.litellm_params.model : undefined;
    const vision = typeof info.supports_vision === 'boolean' ? info.supports_vision : undefined;
    out.set(rec.model_name, {
      ...(vision !== undefined ? { vision } : {}),
      ...(underlying ? { underlying } : {}),
      ...(ctx ? { contextWindow: ctx } : {}),
      ...(inCost !== undefined ? { inputCostPerMTok: +(inCost * 1e6).toFixed(4) } : {}),
      ...(outCost !== undefined ? { outputCostPerMTok: +(outCost * 1e6).toFixed(4) } : {}),
    });
  }
  return out;
}

/**
 * Whether `model` takes images: a proxy (LiteLLM) model only when its /model/info says
 * supports_vision; at Anthropic or a gateway, a Claude 3-or-later name (all of those do).
 * `entry` is the model as listed (undefined when the listing lacks it).
 */
export function takesImages(model: string, entry: ModelEntry | undefined, viaLiteLLM: boolean): boolean {
  if (entry?.vision !== undefined && (entry.source === 'proxy' || !viaLiteLLM)) return entry.vision;
  if (viaLiteLLM) return false;
  return /^claude-(3|[4-9]|sonnet|opus|haiku)/i.test(model);
}
