import { memo } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { Connection, ModelListing } from '../runtime/types.js';
import { connectionLabel } from '../i18n/connection.js';
import { en, type Messages } from '../i18n/index.js';
import { theme } from './theme.js';
import { safeLine } from '../render/sanitize.js';
import { errorWords } from '../words/errors.js';

export type ListingTone = 'info' | 'warn' | 'error';

export interface ListingStatus {
  tone: ListingTone;
  lines: string[];
}

/** What the line under the filter says about the list: loading, who serves it, or why it failed. */
export function listingStatus(listing: ModelListing | undefined, connection: Connection, m: Messages = en): ListingStatus {
  const s = listingStatusRaw(listing, connection, m);
  return { tone: s.tone, lines: s.lines.map(safeLine) };
}

function listingStatusRaw(listing: ModelListing | undefined, connection: Connection, m: Messages): ListingStatus {
  const where = connectionLabel(connection, m);
  const w = m.picker;
  if (!listing) {
    if (connection.mode === 'anthropic') return { tone: 'info', lines: [w.loadingBuiltin] };
    return { tone: 'info', lines: [w.asking] };
  }
  if (listing.status === 'none') return { tone: 'info', lines: [w.builtinFor({ where })] };
  if (listing.status === 'ok') {
    const n = listing.models.filter((x) => x.served === true).length;
    return { tone: n ? 'info' : 'warn', lines: [w.serves({ where, n })] };
  }
  const e = listing.error && errorWords(listing.error, m);
  const kind = listing.error?.kind;
  if (e && (kind === 'auth' || kind === 'blocked')) {
    return { tone: 'error', lines: [w.refused({ message: e.message }), e.hint] };
  }
  return { tone: 'warn', lines: [e ? e.message : w.notListed, w.stillUsable({ hint: e?.hint })] };
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
