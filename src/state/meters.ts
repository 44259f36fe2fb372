// What the status bar's second row measures: the conversation's size against the model's context
// window, this session's cost, and the key's budget. Pure; the numbers come from the runtime's state
// (usage/ledger.ts, /key/info) and the chat's last reply.
import type { Budget, ChatMessage } from '../runtime/types.js';
import type { SessionUsage } from '../runtime/usage/ledger.js';
import type { LastReply } from './chat.js';
import { estimateTokens, MESSAGE_TOKENS, messageTokens } from '../runtime/usage/estimate.js';

export { estimateTokens };

/**
 * The conversation's size in tokens: what the server counted for the last reply (its input and output
 * cover everything up to it), plus an estimate for what came after (and for `extra`, a message about
 * to be sent). `exact` is false when any part is estimated.
 */
export function conversationTokens(conversation: readonly ChatMessage[], last: LastReply | undefined, system: string | undefined, extra?: string): { tokens: number; exact: boolean } {
  const anchor = last?.context && last.context.messages <= conversation.length ? last.context : undefined;
  let tokens = anchor ? anchor.tokens : system ? estimateTokens(system) : 0;
  for (const m of conversation.slice(anchor?.messages ?? 0)) tokens += messageTokens(m);
  if (extra !== undefined) tokens += estimateTokens(extra) + MESSAGE_TOKENS;
  const exact = anchor !== undefined && anchor.messages === conversation.length && extra === undefined;
  return { tokens, exact };
}

export type Level = 'ok' | 'warn' | 'over';

/** 80 % and more: warn; 100 % and more: over. */
export function levelOf(share: number | undefined): Level {
  if (share === undefined) return 'ok';
  return share >= 1 ? 'over' : share >= 0.8 ? 'warn' : 'ok';
}

export interface Meters {
  /** Conversation size against the model's window; undefined when the window is unknown or nothing was said yet. */
  context?: { tokens: number; window: number; exact: boolean; level: Level };
  /** This session's cost, when a reply was priced. */
  session?: { cost: number; estimated: boolean };
  /** The key's budget, only when it has a limit. */
  budget?: { spend: number; max: number; level: Level };
}

export function meters(p: {
  conversation: readonly ChatMessage[];
  last: LastReply | undefined;
  system: string | undefined;
  window: number | undefined;
  usage: SessionUsage | undefined;
  budget: Budget | undefined;
}): Meters {
  const out: Meters = {};
  if (p.window && p.window > 0 && p.conversation.length > 0) {
    const { tokens, exact } = conversationTokens(p.conversation, p.last, p.system);
    out.context = { tokens, window: p.window, exact, level: levelOf(tokens / p.window) };
  }
  const t = p.usage?.total;
  if (t && t.replies > 0 && (t.cost > 0 || !t.unpriced)) out.session = { cost: t.cost, estimated: t.estimated };
  const b = p.budget;
  if (b?.maxBudget !== undefined && b.maxBudget > 0) {
    const spend = b.spend ?? 0;
    out.budget = { spend, max: b.maxBudget, level: levelOf(spend / b.maxBudget) };
  }
  return out;
}

/** A five-cell bar: ▰▰▱▱▱ for 40 %. */
export function gauge(share: number, cells = 5): string {
  const full = Math.max(0, Math.min(cells, Math.round(share * cells)));
  return '▰'.repeat(full) + '▱'.repeat(cells - full);
}

/** 1234 → "1.2k", 200000 → "200k". */
export function shortCount(n: number): string {
  if (n < 1000) return String(n);
  const k = n / 1000;
  return k < 10 ? `${k.toFixed(1).replace(/\.0$/, '')}k` : `${Math.round(k)}k`;
}
