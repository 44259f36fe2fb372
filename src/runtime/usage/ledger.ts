// What this session used: tokens and cost per reply, summed per model and in all. Pure. A cost is the
// proxy's own figure (x-litellm-response-cost) when it sent one; otherwise it is computed from
// prices (the proxy's /model/info, else the built-in table) and marked as an estimate.

export type CostSource = 'proxy' | 'prices' | 'builtin';

export interface ReplyUsage {
  model: string;
  inputTokens?: number;
  outputTokens?: number;
  cost?: number;
  costSource?: CostSource;
  /** The proxy sent no token counts: these are estimated from the text (usage/estimate.ts). */
  tokensEstimated?: boolean;
}

export interface Totals {
  replies: number;
  inputTokens: number;
  outputTokens: number;
  cost: number;
  /** Some of the cost was computed here, not reported by the proxy. */
  estimated: boolean;
  /** Some replies had no price at all (their cost is missing from `cost`). */
  unpriced: boolean;
  /** How many (`unpriced` is this > 0; a reply priced later takes one off). */
  unpricedReplies: number;
  /** Some token counts are estimates (the proxy sent none). */
  tokensEstimated?: boolean;
}

export interface SessionUsage {
  total: Totals;
  byModel: readonly (Totals & { model: string })[];
  last?: ReplyUsage;
}

const ZERO: Totals = { replies: 0, inputTokens: 0, outputTokens: 0, cost: 0, estimated: false, unpriced: false, unpricedReplies: 0 };

export const EMPTY_USAGE: SessionUsage = { total: ZERO, byModel: [] };

function add(t: Totals, r: ReplyUsage): Totals {
  return {
    replies: t.replies + 1,
    inputTokens: t.inputTokens + (r.inputTokens ?? 0),
    outputTokens: t.outputTokens + (r.outputTokens ?? 0),
    cost: t.cost + (r.cost ?? 0),
    estimated: t.estimated || (r.cost !== undefined && r.costSource !== 'proxy'),
    unpriced: t.unpriced || r.cost === undefined,
    unpricedReplies: t.unpricedReplies + (r.cost === undefined ? 1 : 0),
    ...(t.tokensEstimated || r.tokensEstimated ? { tokensEstimated: true } : {}),
  };
}

export function addReply(s: SessionUsage, r: ReplyUsage): SessionUsage {
  const i = s.byModel.findIndex((m) => m.model === r.model);
  const byModel = [...s.byModel];
  if (i < 0) byModel.push({ model: r.model, ...add(ZERO, r) });
  else byModel[i] = { model: r.model, ...add(byModel[i]!, r) };
  return { total: add(s.total, r), byModel, last: r };
}

/**
 * `r`, added without a price (its model's prices came later: the proxy's model list), now priced at
 * `cost`: the totals gain the cost and lose one unpriced reply.
 */
export function priceLater(s: SessionUsage, r: ReplyUsage, cost: number, costSource: CostSource): SessionUsage {
  const fix = (t: Totals): Totals => {
    const left = Math.max(0, t.unpricedReplies - 1);
    return { ...t, cost: t.cost + cost, estimated: t.estimated || costSource !== 'proxy', unpricedReplies: left, unpriced: left > 0 };
  };
  const byModel = s.byModel.map((m) => (m.model === r.model && m.unpricedReplies > 0 ? { ...fix(m), model: m.model } : m));
  return { total: fix(s.total), byModel, ...(s.last ? { last: s.last === r ? { ...r, cost, costSource } : s.last } : {}) };
}

export interface Prices {
  /** USD per million tokens */
  inputCostPerMTok?: number;
  outputCostPerMTok?: number;
}

/** The cost of a reply at these prices, when both prices and token counts are known. */
export function priceCost(inputTokens: number | undefined, outputTokens: number | undefined, p: Prices | undefined): number | undefined {
  if (!p || p.inputCostPerMTok === undefined || p.outputCostPerMTok === undefined) return undefined;
  if (inputTokens === undefined && outputTokens === undefined) return undefined;
  return ((inputTokens ?? 0) * p.inputCostPerMTok + (outputTokens ?? 0) * p.outputCostPerMTok) / 1_000_000;
}

/** `$0.0123`, `$1.23`: small amounts keep four decimals so a cheap reply is not `$0.00`. */
export function formatUsd(v: number): string {
  if (v === 0) return '$0';
  return v < 1 ? `$${v.toFixed(4)}` : `$${v.toFixed(2)}`;
}
