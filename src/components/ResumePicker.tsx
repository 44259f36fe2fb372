import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import type { SearchHit } from '../history/store.js';
import { localTime } from '../history/export.js';
import { pickerIntents } from '../state/modelKeys.js';
import { INITIAL_RESUME_PICKER, resumePickerReducer, visibleHits, type ResumePickerAction } from '../state/resumePicker.js';
import { useKeyboard } from '../state/useKeyboard.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { stripControl } from '../render/sanitize.js';
import { fit, textWidth } from '../i18n/width.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export interface ResumePickerProps {
  /** Sessions matching the text (all, newest first, for ''); undefined when history is unavailable. */
  search(text: string): SearchHit[] | undefined;
  onPick(id: number): void;
  onClose(): void;
  isActive: boolean;
  /** Screen rows it may take. */
  height: number;
  color: boolean;
}

/**
 * /resume and --resume: every saved session, searched in full text as one types. Each row shows the
 * title, date, model and message count, and under it the words around the newest hit.
 */
export function ResumePicker(p: ResumePickerProps) {
  const t = theme(p.color);
  const m = useMessages();
  const { columns } = useTerminalSize();
  const [state, setState] = useState(INITIAL_RESUME_PICKER);
  const ref = useRef(state);
  const [unavailable, setUnavailable] = useState(false);
  const search = useRef(p.search);
  search.current = p.search;
  const withResults = (s: typeof state): typeof state => {
    const hits = search.current(s.query);
    setUnavailable(hits === undefined);
    return resumePickerReducer(s, { type: 'results', hits: hits ?? [] });
  };
  // The search runs as the text changes, not in an effect after the next render: an Enter that
  // came in the same chunk as the text ('word\r') picks from this text's hits, not the last ones.
  const apply = (a: ResumePickerAction): void => {
    let next = resumePickerReducer(ref.current, a);
    if (next.query !== ref.current.query) next = withResults(next);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  };
  const listRows = Math.max(2, p.height - 2);

  useEffect(() => {
    ref.current = withResults(ref.current);
    setState(ref.current);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useKeyboard((input, key, raw) => {
    for (const intent of pickerIntents(input, key, raw)) {
      if (intent.type === 'refresh') continue;
      if (intent.type === 'close') return p.onClose();
      if (intent.type === 'pick') {
        const hit = ref.current.hits[ref.current.cursor];
        if (hit) p.onPick(hit.id);
      } else if (intent.type === 'move') apply({ type: 'move', to: intent.to, page: Math.floor(listRows / 2) });
      else if (intent.type === 'type' || intent.type === 'backspace' || intent.type === 'setQuery') apply(intent);
    }
  }, p.isActive);

  const { start, end } = visibleHits(state, listRows);
  const title = m.history.picker.title;
  const room = columns - textWidth(title) - 3;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={t.accent} bold>
          {title}
        </Text>
        {' › '}
        {state.query ? fit(state.query, room) : <Text color={t.muted}>{fit(m.history.picker.placeholder, room)}</Text>}
      </Text>
      {state.hits.length === 0 ? (
        <Text color={t.muted} wrap="truncate-end">
          {fit(state.query ? m.history.picker.none : unavailable ? m.history.picker.unavailable : m.history.picker.empty, columns)}
        </Text>
      ) : (
        state.hits.slice(start, end).map((h, i) => {
          const selected = start + i === state.cursor;
          const facts = ` · ${localTime(h.updated, false)} · ${h.model ? `${stripControl(h.model)} · ` : ''}${m.history.picker.messages({ n: h.messages })}`;
          const name = fit(stripControl(h.title), Math.max(8, columns - 2 - textWidth(facts)));
          return (
            <Box key={h.id} flexDirection="column">
              <Text wrap="truncate-end">
                <Text color={selected ? t.accent : undefined}>{selected ? '› ' : '  '}</Text>
                <Text bold={selected}>{name}</Text>
                <Text color={t.muted}>{facts}</Text>
              </Text>
              <Text wrap="truncate-end" color={t.muted}>
                {'    '}
                {h.snippet.length === 0
                  ? ''
                  : h.snippet.map((part, k) =>
                      part.hit ? (
                        <Text key={k} color={t.accent} bold>
                          {stripControl(part.text)}
                        </Text>
                      ) : (
                        stripControl(part.text)
                      ),
                    )}
              </Text>
            </Box>
          );
        })
      )}
      <Text color={t.muted} wrap="truncate-end">
        {fit(m.history.picker.hint, columns)}
      </Text>
    </Box>
  );
}
