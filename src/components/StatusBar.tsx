import { memo, useEffect, useState } from 'react';
import { Box, Text } from 'ink';
import type { RuntimeState } from '../runtime/types.js';
import { statusLabel } from '../i18n/connection.js';
import type { LastReply, LiveReply } from '../state/chat.js';
import type { Flash } from '../state/useFlash.js';
import { en, resolveText, type Messages } from '../i18n/index.js';
import { fit, fitParts, textWidth } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';
import { safeLine } from '../render/sanitize.js';
import { modelLife } from '../config/modelLife.js';
import { gauge, type Meters } from '../state/meters.js';
import { profileOf } from '../config/profiles.js';

export function formatCost(usd: number): string {
  return usd >= 0.01 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}

/**
 * ready / waiting N s of LIMIT s (`timeoutMs`: the first-byte limit; plain "waiting…" without it) /
 * streaming N tok/s / the last reply's tokens and cost.
 */
export function activityLabel(live: LiveReply | undefined, last: LastReply | undefined, now: number, m: Messages = en, timeoutMs?: number): string {
  if (live) {
    if (live.retryAt !== undefined && live.retryAt > now) return m.status.retryIn({ seconds: Math.ceil((live.retryAt - now) / 1000) });
    if (live.firstTokenAt === undefined) {
      if (timeoutMs === undefined) return m.status.waiting;
      const since = live.retryAt ?? live.startedAt; // after a rate-limit wait, the new request's own wait
      return m.status.waitingFor({ seconds: Math.max(0, Math.floor((now - since) / 1000)), limit: Math.round(timeoutMs / 1000) });
    }
    const secs = (now - live.firstTokenAt) / 1000;
    const rate = secs > 0.25 ? Math.round(live.chunks / secs) : 0;
    return rate > 0 ? m.status.streamingRate({ rate }) : m.status.streaming;
  }
  if (!last) return m.status.ready;
  const tokens = m.status.tokens({ n: last.outputTokens, estimated: last.estimated });
  return m.status.readyAfter({ tokens, ...(last.cost !== undefined ? { cost: `${last.costEstimated ? '~' : ''}${formatCost(last.cost)}` } : {}) });
}

type Part = { text: string; color: string | undefined };

/** The second row's right side: context fill, this session's cost, the key's budget (each only when known). */
export function meterParts(meters: Meters | undefined, m: Messages, t: ReturnType<typeof theme>): Part[] {
  if (!meters) return [];
  const out: Part[] = [];
  const tone = (level: 'ok' | 'warn' | 'over') => (level === 'over' ? t.error : level === 'warn' ? t.warn : t.muted);
  const c = meters.context;
  if (c) {
    const share = c.tokens / c.window;
    out.push({ text: m.status.context({ gauge: gauge(share), percent: Math.round(share * 100), estimated: !c.exact }), color: tone(c.level) });
  }
  if (meters.session) out.push({ text: m.status.session({ cost: `${meters.session.estimated ? '~' : ''}${formatCost(meters.session.cost)}` }), color: t.muted });
  const b = meters.budget;
  if (b) out.push({ text: m.status.budget({ spent: formatCost(b.spend), limit: formatCost(b.max) }), color: tone(b.level) });
  return out.flatMap((p, i) => (i ? [{ text: ' · ', color: t.muted }, p] : [p]));
}

/** Re-renders every second while a rate-limit countdown runs. */
function useCountdown(until: number | undefined): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (until === undefined) return;
    const timer = setInterval(() => {
      setTick((n) => n + 1);
      if (Date.now() >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
}

/** Re-renders every second while `on` (the waiting time counts up until the first byte). */
function useEverySecond(on: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [on]);
}

export interface StatusBarProps {
  runtime: RuntimeState;
  model: string;
  /** The role in use (/role, --role), shown after the model. */
  role?: string;
  live: LiveReply | undefined;
  last: LastReply | undefined;
  flash: Flash | undefined;
  color: boolean;
  /** Context fill, session cost, budget: the second row's right side. */
  meters?: Meters;
}

/** Connection, model, key presence and activity; a notice line under it while one is showing. */
export const StatusBar = memo(function StatusBar({ runtime, model, role, live, last, flash, color, meters }: StatusBarProps) {
  const t = theme(color);
  const m = useMessages();
  const { connection, config, detecting } = runtime;
  const hasKey = connection.mode === 'openai' ? Boolean(config.openaiApiKey) : Boolean(config.credential);
  useCountdown(live?.retryAt);
  useEverySecond(live !== undefined && live.firstTokenAt === undefined);
  const activity = activityLabel(live, last, Date.now(), m, config.timeoutMs);
  const { columns } = useTerminalSize();
  const life = modelLife(model);
  const profile = profileOf(config.envPath);
  // Cut here, in terminal cells: Ink's own cut can leave a Chinese line one cell too wide.
  const parts = fitParts(
    [
      { text: '●', color: connection.unreachable || config.unusableBaseUrl ? t.error : t.ok },
      config.unusableBaseUrl ? { text: ` ${m.status.badAddress}`, color: t.error } : { text: ` ${safeLine(statusLabel(connection, detecting, m))}`, color: undefined },
      { text: connection.unreachable ? m.status.unreachable : '', color: t.error },
      { text: ' · ', color: t.muted },
      { text: safeLine(model), color: life.state === 'retired' ? t.warn : undefined },
      // The Anthropic SDK says this model reached its end of life: requests to it will fail.
      { text: life.state === 'retired' ? m.status.retired({ date: life.date }) : '', color: t.warn },
      ...(role ? [{ text: ' · ', color: t.muted }, { text: safeLine(m.status.role({ name: role })), color: t.accent }] : []),
      // A connection profile (--profile, /profile, Alt+P): which settings this is.
      ...(profile ? [{ text: ' · ', color: t.muted }, { text: m.status.profile({ name: profile }), color: t.accent }] : []),
      { text: ' · ', color: t.muted },
      // ✓ only once the server accepted the key; until then it says it is not checked yet.
      runtime.keyRefused
        ? { text: m.status.keyRefused, color: t.error }
        : !hasKey
          ? { text: m.status.noKey, color: t.warn }
          : { text: runtime.keyAccepted ? m.status.keyOk : m.status.keyUnchecked, color: runtime.keyAccepted ? undefined : t.muted },
    ],
    Math.max(1, columns - textWidth(activity) - 1),
  );
  // One line, laid out here: the parts, then the activity flush right (the line is cut to the
  // terminal's width above, so the padding is never negative).
  const gap = Math.max(1, columns - parts.reduce((n, p) => n + textWidth(p.text), 0) - textWidth(activity));
  // Row 2: the notice (cut first) on the left, the meters flush right.
  const meter = meterParts(meters, m, t);
  const meterWidth = meter.reduce((n, p) => n + textWidth(p.text), 0);
  const full = flash ? safeLine(resolveText(flash.text, m)) : '';
  // A notice matters more than the meters: they step aside while it does not fit beside them.
  const beside = meterWidth > 0 && meterWidth + 2 <= columns && textWidth(full) + meterWidth + 1 <= columns;
  const room = beside ? columns - meterWidth - 1 : columns;
  const shown = beside ? meter : [];
  const note = flash ? fit(full, room) : '';
  const pad = Math.max(shown.length ? 1 : 0, columns - textWidth(note) - (shown.length ? meterWidth : 0));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {parts.map((p, i) => (
          <Text key={i} color={p.color}>
            {p.text}
          </Text>
        ))}
        {' '.repeat(gap)}
        <Text color={live ? t.accent : t.muted}>{activity}</Text>
      </Text>
      <Text wrap="truncate-end">
        <Text color={flash?.level === 'error' ? t.error : flash?.level === 'warn' ? t.warn : t.muted}>{note || (shown.length ? '' : ' ')}</Text>
        {shown.length > 0 && ' '.repeat(pad)}
        {shown.map((p, i) => (
          <Text key={i} color={p.color}>
            {p.text}
          </Text>
        ))}
      </Text>
    </Box>
  );
});
