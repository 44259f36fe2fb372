import { useEffect, useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { pickerIntents } from '../state/modelKeys.js';
import { INITIAL_ROLE_PICKER, matchingRoles, rolePickerReducer, visibleRoles, type RolePickerAction } from '../state/rolePicker.js';
import type { RoleChoice } from '../state/useSystemPrompt.js';
import { useKeyboard } from '../state/useKeyboard.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { stripControl } from '../render/sanitize.js';
import { fit, textWidth } from '../i18n/width.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export interface RolePickerProps {
  /** Reads the roles folder. */
  list(): Promise<RoleChoice[]>;
  /** The role in use now (marked). */
  current: string | undefined;
  /** $OPENWORK_HOME/roles, named when it holds no role. */
  dir: string;
  onPick(name: string): void;
  onClose(): void;
  isActive: boolean;
  /** Screen rows it may take. */
  height: number;
  color: boolean;
}

/** /role: the roles in $OPENWORK_HOME/roles, filtered as one types; Enter uses one. */
export function RolePicker(p: RolePickerProps) {
  const t = theme(p.color);
  const m = useMessages();
  const w = m.material.rolePicker;
  const { columns } = useTerminalSize();
  const [state, setState] = useState(INITIAL_ROLE_PICKER);
  const ref = useRef(state);
  const apply = (a: RolePickerAction): void => {
    const next = rolePickerReducer(ref.current, a);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  };
  const listRows = Math.max(2, p.height - 2);

  const list = useRef(p.list);
  useEffect(() => {
    void list.current().then((roles) => apply({ type: 'roles', roles }), () => apply({ type: 'roles', roles: [] }));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  useKeyboard((input, key, raw) => {
    for (const intent of pickerIntents(input, key, raw)) {
      if (intent.type === 'refresh') continue;
      if (intent.type === 'close') return p.onClose();
      if (intent.type === 'pick') {
        const role = matchingRoles(ref.current)[ref.current.cursor];
        if (role && !role.problem) p.onPick(role.name);
      } else if (intent.type === 'move') apply({ type: 'move', to: intent.to, page: Math.floor(listRows / 2) });
      else if (intent.type === 'type' || intent.type === 'backspace' || intent.type === 'setQuery') apply(intent);
    }
  }, p.isActive);

  const shown = matchingRoles(state);
  const { start, end } = visibleRoles(state.cursor, shown.length, listRows);
  const room = columns - textWidth(w.title) - 3;
  const empty = state.roles === undefined ? w.loading : state.roles.length === 0 ? m.material.noRoles({ dir: p.dir }) : w.none;
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={t.accent} bold>
          {w.title}
        </Text>
        {' › '}
        {state.query ? fit(state.query, room) : <Text color={t.muted}>{fit(w.placeholder, room)}</Text>}
      </Text>
      {shown.length === 0 ? (
        <Text color={t.muted} wrap="wrap">
          {empty}
        </Text>
      ) : (
        shown.slice(start, end).map((r, i) => {
          const selected = start + i === state.cursor;
          const about = r.problem ? w.broken({ detail: r.problem }) : r.about;
          const facts = `${r.model ? ` · ${r.model}` : ''}${about ? ` · ${about}` : ''}`;
          return (
            <Text key={r.name} wrap="truncate-end">
              <Text color={selected ? t.accent : undefined}>{selected ? '› ' : '  '}</Text>
              <Text bold={selected} color={r.problem ? t.warn : undefined}>
                {stripControl(r.name)}
              </Text>
              {r.name === p.current ? <Text color={t.ok}> ✓</Text> : null}
              <Text color={t.muted}>{fit(stripControl(facts), Math.max(1, columns - 4 - textWidth(r.name)))}</Text>
            </Text>
          );
        })
      )}
      <Text color={t.muted} wrap="truncate-end">
        {fit(w.hint, columns)}
      </Text>
    </Box>
  );
}
