// The chat's meters (context fill, session cost, budget) as React state, the key's budget asked of a
// LiteLLM proxy once per connection (after the first frame), a warning line when the budget crosses
// 80 % and 100 %, and the check before a send that would overflow the model's context window.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ModelListing, Runtime, RuntimeState } from '../runtime/types.js';
import { builtinModels } from '../runtime/models.js';
import { formatUsd } from '../runtime/usage/ledger.js';
import type { LazyText } from '../i18n/index.js';
import type { ChatState } from './chat.js';
import { conversationTokens, meters, type Level, type Meters } from './meters.js';

export interface MetersInput {
  runtime: Runtime;
  rt: RuntimeState;
  chat: ChatState;
  model: string;
  listing: ModelListing | undefined;
  warn(text: LazyText): void;
}

export interface MetersControls {
  meters: Meters;
  /** The conversation with `text` added would pass the model's window: its size and the window. */
  overflow(text: string): { tokens: number; window: number } | undefined;
}

const RANK: Record<Level, number> = { ok: 0, warn: 1, over: 2 };

/** The model's context window: the proxy's /model/info (max_input_tokens), else the built-in table. */
export function windowOf(model: string, listing: ModelListing | undefined): number | undefined {
  return listing?.models.find((e) => e.id === model)?.contextWindow ?? builtinModels(true).find((e) => e.id === model)?.contextWindow;
}

export function useMeters({ runtime, rt, chat, model, listing, warn }: MetersInput): MetersControls {
  const window = windowOf(model, listing);
  const m = useMemo(
    () => meters({ conversation: chat.conversation, last: chat.last, system: chat.system, window, usage: rt.usage, budget: rt.budget }),
    [chat.conversation, chat.last, chat.system, window, rt.usage, rt.budget],
  );

  // The budget is asked once per connection once it is detected (after the first frame: effects run
  // after it); only a kind with /key/info (LiteLLM) is asked, and a proxy without it (404) shows nothing.
  const asked = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (rt.detecting || rt.connection.unreachable || asked.current === rt.generation) return;
    asked.current = rt.generation;
    void runtime.refreshBudget?.().catch(() => undefined);
  }, [runtime, rt.detecting, rt.connection.unreachable, rt.generation]);

  // One warning line each time the budget reaches a higher level (80 %, then 100 %).
  const warned = useRef<Level>('ok');
  const b = m.budget;
  useEffect(() => {
    if (!b) return;
    if (RANK[b.level] > RANK[warned.current]) {
      const percent = Math.round((b.spend / b.max) * 100);
      const spent = formatUsd(b.spend);
      const limit = formatUsd(b.max);
      warn((mm) => `${mm.spend.budget({ spent, limit, percent })} — ${mm.spend.budgetWarn({ percent })}`);
    }
    warned.current = b.level;
  }, [b, warn]);

  const ref = useRef({ chat, window });
  ref.current = { chat, window };
  const overflow = useCallback((text: string) => {
    const { chat: c, window: w } = ref.current;
    if (!w) return undefined;
    const { tokens } = conversationTokens(c.conversation, c.last, c.system, text);
    return tokens > w ? { tokens, window: w } : undefined;
  }, []);

  return { meters: m, overflow };
}
