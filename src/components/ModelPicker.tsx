import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { safeLine } from '../render/sanitize.js';
import type { ModelEntry, Runtime } from '../runtime/types.js';
import { createPicker, modelDetails, pickerReducer, selectedEntry, visibleRows, type PickerAction } from '../state/modelPicker.js';
import { pickerIntents } from '../state/modelKeys.js';
import { availability, entryFor } from '../state/modelSwitch.js';
import { useKeyboard } from '../state/useKeyboard.js';
import { useModelListing } from '../state/useModelListing.js';
import { useRuntimeState } from '../state/useRuntimeState.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { ModelPickerRow } from './ModelPickerRow.js';
import { ModelPickerStatus, listingStatus, statusRows } from './ModelPickerStatus.js';
import { type Messages } from '../i18n/index.js';
import { fit, textWidth } from '../i18n/width.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export interface ModelPickerProps {
  runtime: Runtime;
  current: string;
  recent: string[];
  onPick(model: string): void;
  onClose(): void;
  isActive: boolean;
  /** Screen rows the overlay may take (filter, status, list, footer). */
  height: number;
  color: boolean;
  /** Filter text to start with (e.g. from `/model son`). */
  initialQuery?: string;
}

const MAX_NAME = 40;

/** Asked before using a name the proxy does not serve. */
interface Confirm {
  name: string;
  suggestion: string | undefined;
}

function question(c: Confirm, m: Messages): string {
  return c.suggestion ? m.picker.useInstead({ name: c.name, suggestion: c.suggestion }) : m.picker.useAnyway({ name: c.name });
}

/**
 * The model picker overlay. It lists the models when it opens and again whenever the runtime swaps
 * its client (.env changed), filters as the user types, and calls onPick with the chosen name —
 * after asking, when the proxy does not serve it — or onClose on Esc.
 */
export function ModelPicker(p: ModelPickerProps) {
  const t = theme(p.color);
  const m = useMessages();
  const { columns } = useTerminalSize();
  const rt = useRuntimeState(p.runtime);

  const [state, setState] = useState(() =>
    createPicker({ listing: undefined, current: p.current, recent: p.recent, height: p.height, query: p.initialQuery ?? '' }),
  );
  const ref = useRef(state);
  // Applied to a ref first: several keys can arrive in one chunk, before React re-renders.
  const apply = (action: PickerAction): void => {
    const next = pickerReducer(ref.current, action);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  };
  const props = useRef(p);
  props.current = p;
  // The rows and the status line change in the same render when a listing arrives.
  const { listing, reload } = useModelListing(p.runtime, (l) =>
    apply({ type: 'load', listing: l, current: props.current.current, recent: props.current.recent }),
  );
  const recentKey = p.recent.join('\n');
  useEffect(() => {
    apply({ type: 'load', listing, current: p.current, recent: p.recent });
  }, [p.current, recentKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const [confirm, setConfirmState] = useState<Confirm | undefined>(undefined);
  const confirmRef = useRef(confirm);
  const setConfirm = (c: Confirm | undefined): void => {
    confirmRef.current = c;
    setConfirmState(c);
  };

  const status = useMemo(() => listingStatus(listing, rt.connection, m), [listing, rt.connection, m]);
  const footer = confirm ? safeLine(question(confirm, m)) : m.picker.footer;
  const footerRows = confirm ? Math.ceil(stringWidth(footer) / Math.max(1, columns)) : 1;
  const listHeight = Math.max(1, p.height - 1 - footerRows - statusRows(status, columns));
  useEffect(() => {
    apply({ type: 'resize', height: listHeight });
  }, [listHeight]); // eslint-disable-line react-hooks/exhaustive-deps

  const choose = (entry: ModelEntry): void => {
    if (availability(entry) === 'missing') setConfirm({ name: entry.id, suggestion: entry.suggestion });
    else p.onPick(entry.id);
  };

  useKeyboard((input, key, raw) => {
    const asked = confirmRef.current;
    if (asked) {
      const answer = input.replace(/(?:\r\n|\r|\n)$/, '').toLowerCase(); // 'y' with its Enter in one chunk is 'y'
      if (key.escape) setConfirm(undefined);
      else if (answer === 'y') p.onPick(asked.suggestion ?? asked.name);
      // No: the current model stays, as after `/model NAME` for a name the proxy does not serve.
      else if (answer === 'n') setConfirm(undefined);
      return;
    }
    for (const intent of pickerIntents(input, key, raw)) {
      if (intent.type === 'close') return p.onClose();
      if (intent.type === 'refresh') reload();
      else if (intent.type === 'pick') {
        const entry = selectedEntry(ref.current);
        const typed = ref.current.query.trim();
        // Nothing matches: the typed text is taken as a model name (checked like any other).
        if (entry) choose(entry);
        else if (typed) choose(entryFor(typed, listing));
      } else apply(intent);
    }
  }, p.isActive);

  // The status line may have just grown or shrunk: window the rows for this render's height.
  const view = visibleRows(state.height === listHeight ? state : pickerReducer(state, { type: 'resize', height: listHeight }));
  const nameWidth = Math.min(MAX_NAME, Math.max(0, ...state.rows.map((r) => (r.kind === 'model' ? stringWidth(safeLine(r.entry.id)) : 0))));
  const detailsWidth = Math.max(0, ...state.rows.map((r) => (r.kind === 'model' ? textWidth(modelDetails(r.entry)) : 0)));
  const more = [view.above ? m.picker.above({ n: view.above }) : '', view.below ? m.picker.below({ n: view.below }) : ''].filter(Boolean).join(' · ');
  const footerLine = confirm || !more ? footer : `${footer} · ${more}`;

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={t.accent} bold>
          {m.picker.title}
        </Text>
        {' › '}
        {state.query ? fit(state.query, columns - textWidth(m.picker.title) - 3) : <Text color={t.muted}>{fit(m.picker.filter, columns - textWidth(m.picker.title) - 3)}</Text>}
      </Text>
      <ModelPickerStatus status={status} color={p.color} />
      {state.rows.length === 0 ? (
        <Text color={t.muted} wrap="truncate-end">
          {fit(state.query ? m.picker.nothingMatches({ query: state.query }) : m.picker.noModels, columns)}
        </Text>
      ) : (
        view.rows.map(({ row, index }) => (
          <ModelPickerRow key={index} row={row} selected={index === state.cursor} nameWidth={nameWidth} detailsWidth={detailsWidth} color={p.color} />
        ))
      )}
      <Text color={confirm ? t.warn : t.muted} wrap={confirm ? 'wrap' : 'truncate-end'}>
        {confirm ? footerLine : fit(footerLine, columns)}
      </Text>
    </Box>
  );
}
