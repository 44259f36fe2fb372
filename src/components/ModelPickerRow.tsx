import { memo, type ReactNode } from 'react';
import { Text } from 'ink';
import stringWidth from 'string-width';
import { safeLine } from '../render/sanitize.js';
import type { PickerRow } from '../state/modelPicker.js';
import { modelDetails } from '../state/modelPicker.js';
import { availability } from '../state/modelSwitch.js';
import { modelLife } from '../config/modelLife.js';
import { type Messages } from '../i18n/index.js';
import { fit, padEnd } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { useMessages } from './I18n.js';
import { theme, type Theme } from './theme.js';

export interface ModelPickerRowProps {
  row: PickerRow;
  selected: boolean;
  /** Columns for the name and the details, so the columns line up. */
  nameWidth: number;
  detailsWidth: number;
  color: boolean;
}

/** ✓ served by the proxy · ✗ not served · → sent to OpenAI directly · blank: cannot tell; then its end of life, if any. */
function mark(row: Extract<PickerRow, { kind: 'model' }>, t: Theme, m: Messages): { sign: string; color: string | undefined; note: string } {
  const base = served(row, t, m);
  // The Anthropic SDK's deprecation table, by the name or by the provider model behind a proxy alias.
  const life = modelLife(row.entry.id).state === 'current' ? modelLife(row.entry.underlying) : modelLife(row.entry.id);
  if (life.state === 'current') return base;
  const eol = life.state === 'retired' ? m.picker.retired({ date: life.date }) : m.picker.endOfLife({ date: life.date });
  return { ...base, color: base.color ?? t.warn, note: base.note ? `${base.note} · ${eol}` : eol };
}

function served(row: Extract<PickerRow, { kind: 'model' }>, t: Theme, m: Messages): { sign: string; color: string | undefined; note: string } {
  const e = row.entry;
  switch (availability(e)) {
    case 'served':
      return { sign: '✓', color: t.ok, note: '' };
    case 'openai':
      return { sign: '→', color: t.muted, note: m.picker.openaiDirect };
    case 'missing':
      return { sign: '✗', color: t.warn, note: e.suggestion ? m.picker.notServedUse({ suggestion: safeLine(e.suggestion) }) : m.picker.notServed };
    case 'unknown':
      return { sign: ' ', color: undefined, note: '' };
  }
}

/** The name with the characters the filter matched in the accent colour (plain without colour). */
function highlighted(name: string, positions: readonly number[], t: Theme): ReactNode {
  if (!t.accent || !positions.length) return name;
  const hit = new Set(positions);
  const parts: ReactNode[] = [];
  let run = '';
  let runHit = false;
  const flush = (key: number): void => {
    if (!run) return;
    parts.push(
      runHit ? (
        <Text key={key} color={t.accent} bold>
          {run}
        </Text>
      ) : (
        run
      ),
    );
    run = '';
  };
  for (let i = 0; i < name.length; i++) {
    const h = hit.has(i);
    if (h !== runHit) flush(i);
    runHit = h;
    run += name[i];
  }
  flush(name.length);
  return parts;
}

/** One line of the picker: a group header, or a model with its mark, details and note. */
export const ModelPickerRow = memo(function ModelPickerRow({ row, selected, nameWidth, detailsWidth, color }: ModelPickerRowProps) {
  const t = theme(color);
  const messages = useMessages();
  const { columns } = useTerminalSize();
  if (row.kind === 'header') {
    return (
      <Text color={t.muted} wrap="truncate-end">
        {'  '}
        {fit(messages.picker.groups[row.group], columns - 2)}
      </Text>
    );
  }
  const m = mark(row, t, messages);
  const details = modelDetails(row.entry);
  // A name from the server is shown cleaned (the real one is still what is sent); the filter's
  // highlight positions only fit the name as it was.
  const name = safeLine(row.entry.id);
  const positions = name === row.entry.id ? row.positions : [];
  const pad = ' '.repeat(Math.max(0, nameWidth - stringWidth(name)));
  // The note (Chinese, often) is cut in cells here; the rest is ASCII, which Ink cuts right.
  const used = 4 + Math.max(nameWidth, stringWidth(name)) + (detailsWidth > 0 ? 2 + detailsWidth : 0) + 2;
  return (
    <Text wrap="truncate-end">
      <Text color={selected ? t.accent : undefined}>{selected ? '› ' : '  '}</Text>
      <Text color={m.color}>{m.sign}</Text>{' '}
      <Text bold={selected && color}>{highlighted(name, positions, t)}</Text>
      {pad}
      {detailsWidth > 0 && <Text color={t.muted}>{`  ${padEnd(details, detailsWidth)}`}</Text>}
      {m.note && <Text color={m.color}>{`  ${fit(m.note, columns - used)}`}</Text>}
    </Text>
  );
});
