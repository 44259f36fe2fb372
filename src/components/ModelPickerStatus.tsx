import { memo } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { Connection, ModelListing } from '../runtime/types.js';
import { connectionLabel } from '../runtime/describe.js';
import { theme } from './theme.js';

export type ListingTone = 'info' | 'warn' | 'error';

export interface ListingStatus {
  tone: ListingTone;
  lines: string[];
}

/** What the line under the filter says about the list: loading, who serves it, or why it failed. */
export function listingStatus(listing: ModelListing | undefined, connection: Connection): ListingStatus {
  const where = connectionLabel(connection);
  if (!listing) {
    if (connection.mode === 'anthropic') return { tone: 'info', lines: ['loading the built-in models…'] };
    return { tone: 'info', lines: ['asking the proxy for its models…'] };
  }
  if (listing.status === 'none') return { tone: 'info', lines: [`${where}: built-in models`] };
  if (listing.status === 'ok') {
    const n = listing.models.filter((m) => m.served === true).length;
    return { tone: n ? 'info' : 'warn', lines: [`${where} serves ${n} model${n === 1 ? '' : 's'}`] };
  }
  const e = listing.error;
  if (e && (e.kind === 'auth' || e.kind === 'blocked')) {
    return { tone: 'error', lines: [`The proxy refused to list its models. ${e.message}`, e.hint] };
  }
  const why = e ? e.message : 'The proxy did not list its models.';
  return {
    tone: 'warn',
    lines: [why, `Built-in models are still usable; which ones the proxy serves is unknown.${e?.hint ? ` ${e.hint}` : ''}`],
  };
}

/** Screen rows the status takes at this width (long messages wrap). */
export function statusRows(status: ListingStatus, columns: number): number {
  const w = Math.max(1, columns);
  return status.lines.reduce((n, line) => n + Math.max(1, Math.ceil(stringWidth(line) / w)), 0);
}

export const ModelPickerStatus = memo(function ModelPickerStatus({ status, color }: { status: ListingStatus; color: boolean }) {
  const t = theme(color);
  const tone = status.tone === 'error' ? t.error : status.tone === 'warn' ? t.warn : t.muted;
  return (
    <Box flexDirection="column">
      {status.lines.map((line, i) => (
        <Text key={i} color={i === 0 ? tone : t.muted}>
          {line}
        </Text>
      ))}
    </Box>
  );
});
