import { useLayoutEffect, useRef, useState } from 'react';
import { Box, Text, type DOMElement } from 'ink';
import { settingsWhere } from '../i18n/connection.js';
import { defaultModel } from '../config/modelLife.js';
import type { Runtime } from '../runtime/types.js';
import { FIELDS } from '../config/fields.js';
import { fieldView, type PrefField, type SettingsState } from '../state/settingsReducer.js';
import { useKeyboard } from '../state/useKeyboard.js';
import { useRuntimeState } from '../state/useRuntimeState.js';
import { useSettings } from '../state/useSettings.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { SettingsChecks } from './SettingsChecks.js';
import { SettingsField } from './SettingsField.js';
import { SettingsFooter } from './SettingsFooter.js';
import { FitBox, screenRows } from './FitBox.js';
import { padEnd, textWidth } from '../i18n/width.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export interface SettingsScreenProps {
  /** $OPENWORK_HOME/.env: read when the screen opens, written (atomically) on Save. */
  envPath: string;
  /** The process environment: shown as the source of values the file lacks. Never written to. */
  env: NodeJS.ProcessEnv;
  /** Shows the connection in use; its watcher applies what Save writes. */
  runtime: Runtime;
  color: boolean;
  /** Esc / Ctrl+C with nothing left to cancel (after asking, when there are unsaved edits). */
  onClose(): void;
  /** The screen takes every key while active. */
  isActive: boolean;
  /** The model "Test connection" checks (default: the built-in default model). */
  model?: string;
  /** false on a new setup: Test connection checks the model the chat would use instead when the proxy lacks it. */
  modelChosen?: boolean;
  /** UI preferences kept in conf (e.g. the language): choices applied on Save, or at once when `instant`. */
  prefs?: readonly PrefField[];
  prefValues?: Readonly<Record<string, string>>;
  onSavePrefs?(values: Record<string, string>): void;
  /** An `instant` preference changed. */
  onPrefChange?(id: string, value: string): void;
}

/** The label column, in terminal cells: the keys, or a wider (e.g. Chinese) preference label. */
function keyWidth(prefs: readonly PrefField[]): number {
  return Math.max(...FIELDS.map((f) => f.key.length), ...prefs.map((p) => textWidth(p.label))) + 2;
}
/** Rows the screen takes besides the UI preferences and the test results (fields, hint, actions, footer). */
const BASE_ROWS = FIELDS.length + 14;

function PrefRow(p: { pref: PrefField; state: SettingsState; focused: boolean; color: boolean; width: number; edited: string }) {
  const { pref, state, focused } = p;
  const t = theme(p.color);
  const value = state.prefDraft[pref.id];
  const label = pref.choices.find((c) => c.value === value)?.label ?? value ?? '-';
  const dirty = value !== state.prefSaved[pref.id];
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={focused ? t.accent : undefined} bold={focused}>
          {(focused ? '› ' : '  ') + padEnd(pref.label, p.width)}
        </Text>
        ‹ {label} ›<Text color={dirty ? t.warn : t.muted}>{dirty ? p.edited : ''}</Text>
      </Text>
      {focused && (
        <Box paddingLeft={p.width + 2}>
          <Text color={t.muted}>{pref.hint}</Text>
        </Box>
      )}
    </Box>
  );
}

function Action({ label, focused, color }: { label: string; focused: boolean; color: boolean }) {
  const t = theme(color);
  return (
    <Text color={focused ? t.accent : undefined} bold={focused} inverse={focused && color}>
      {focused ? `› ${label} ‹` : `  ${label}  `}
    </Text>
  );
}

/**
 * Edit the connection settings in $OPENWORK_HOME/.env without leaving the app. Nothing is written
 * until Save; the runtime's watcher then switches to the new settings.
 */
export function SettingsScreen(p: SettingsScreenProps) {
  const t = theme(p.color);
  const m = useMessages();
  const rt = useRuntimeState(p.runtime);
  const { columns, rows } = useTerminalSize();
  const labelWidth = keyWidth(p.prefs ?? []);
  // The value column: room for a URL, leaving the source ("environment · edited") visible.
  const sourceWidth = textWidth(m.settings.source.environment + m.settings.source.edited) + 2;
  const valueWidth = Math.max(12, Math.min(48, columns - labelWidth - 2 - sourceWidth));
  const { state, onKey } = useSettings({
    envPath: p.envPath,
    env: p.env,
    model: p.model ?? defaultModel(),
    ...(p.modelChosen === false ? { modelChosen: false } : {}),
    onClose: p.onClose,
    messages: m,
    ...(p.runtime?.paramMemory ? { paramMemory: p.runtime.paramMemory } : {}),
    ...(p.runtime?.noteKeyCheck ? { onKeyChecked: (config, verdict) => p.runtime.noteKeyCheck?.(config, verdict) } : {}),
    ...(p.prefs ? { prefs: p.prefs } : {}),
    ...(p.prefValues ? { prefValues: p.prefValues } : {}),
    ...(p.onSavePrefs ? { onSavePrefs: p.onSavePrefs } : {}),
    ...(p.onPrefChange ? { onPrefChange: p.onPrefChange } : {}),
  });
  // Labels come from the props (they follow the language); the values from the state.
  const prefs = state.prefs.map((pref) => p.prefs?.find((x) => x.id === pref.id) ?? pref);
  useKeyboard(onKey, p.isActive);

  const focused = state.rows[state.focus];
  const isFocused = (kind: string, id: string): boolean =>
    focused?.kind === kind && (focused.kind === 'field' ? focused.key : focused.id) === id;
  // The screen fits the terminal: the title and the footer (message, keys) always show; the rows
  // between scroll to keep the focused one in view (the actions bring their test results along).
  const focusRef = useRef<DOMElement>(null);
  const footerRef = useRef<DOMElement>(null);
  const [footerRows, setFooterRows] = useState(3);
  useLayoutEffect(() => {
    const h = footerRef.current?.yogaNode?.getComputedHeight();
    if (h !== undefined && Math.round(h) !== footerRows) setFooterRows(Math.round(h));
  });
  const focusedRef = (on: boolean) => (on ? focusRef : undefined);
  // A test run brings its results into view; the next move of the focus takes the view back.
  const checksRef = useRef<DOMElement>(null);
  const seen = useRef({ focus: state.focus, test: state.test, checks: false });
  if (state.test !== seen.current.test && state.test?.running) seen.current.checks = true;
  if (state.focus !== seen.current.focus) seen.current.checks = false;
  seen.current.focus = state.focus;
  seen.current.test = state.test;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={t.accent}>
          {m.settings.title}
        </Text>
        <Text color={t.muted}>
          {'  '}
          {p.envPath} · {m.settings.now({ where: settingsWhere(rt, m) })}
        </Text>
      </Text>
      <FitBox maxRows={Math.max(3, screenRows(rows) - 1 - footerRows)} focus={seen.current.checks && state.test ? checksRef : focusRef}>
        <Box flexDirection="column" marginTop={1}>
          {FIELDS.map((spec) => (
            <Box key={spec.key} ref={focusedRef(isFocused('field', spec.key))} flexDirection="column">
              <SettingsField
                spec={spec}
                view={fieldView(state, spec.key)}
                focused={isFocused('field', spec.key)}
                edit={state.edit?.key === spec.key ? state.edit : undefined}
                revealed={state.revealed === spec.key}
                color={p.color}
                keyWidth={labelWidth}
                valueWidth={valueWidth}
              />
            </Box>
          ))}
          {prefs.map((pref) => (
            <Box key={pref.id} ref={focusedRef(isFocused('pref', pref.id))} flexDirection="column">
              <PrefRow
                pref={pref}
                state={state}
                focused={isFocused('pref', pref.id)}
                color={p.color}
                width={labelWidth}
                edited={m.settings.edited}
              />
            </Box>
          ))}
        </Box>
        <Box ref={focusedRef(focused?.kind === 'action')} flexDirection="column">
          <Box marginTop={1} gap={2}>
            <Action label={m.settings.test} focused={isFocused('action', 'test')} color={p.color} />
            <Action label={state.saving ? m.settings.saving : m.settings.save} focused={isFocused('action', 'save')} color={p.color} />
          </Box>
          {state.test && (
            <Box ref={checksRef} flexDirection="column">
              <SettingsChecks
                running={state.test.running}
                checks={state.test.checks}
                color={p.color}
                // Stay shorter than the terminal (a taller live region makes Ink redraw everything).
                compact={BASE_ROWS + state.prefs.length + state.test.checks.length > rows}
              />
            </Box>
          )}
        </Box>
      </FitBox>
      <Box ref={footerRef} flexDirection="column">
        <SettingsFooter message={state.message} question={state.question} editing={state.edit !== undefined} color={p.color} />
      </Box>
    </Box>
  );
}
