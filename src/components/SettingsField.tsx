import { memo } from 'react';
import { Box, Text } from 'ink';
import { shownSetting } from '../config/secrets.js';
import { fallbackShown, type FieldSpec } from '../config/fields.js';
import { localized, type Messages } from '../i18n/index.js';
import { fit, padEnd } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { graphemes } from '../state/promptBuffer.js';
import type { EditState, FieldView } from '../state/settingsReducer.js';
import { useMessages } from './I18n.js';
import { theme, type Theme } from './theme.js';

export interface SettingsFieldProps {
  spec: FieldSpec;
  view: FieldView;
  focused: boolean;
  /** This field is being edited. */
  edit: EditState | undefined;
  revealed: boolean;
  color: boolean;
  keyWidth: number;
  valueWidth: number;
}

/** The value as shown when not editing: secrets (and a password in an address) masked unless revealed, a choice between ‹ ›. */
function shown(spec: FieldSpec, view: FieldView, revealed: boolean, m: Messages): string {
  const fallback = fallbackShown(spec, m);
  if (spec.kind === 'choice') return `‹ ${view.value ?? fallback} ›`;
  if (view.value === undefined) return fallback ? `- (${fallback})` : '-';
  return shownSetting(spec.key, view.value, revealed);
}

/** The text being edited, with a block caret; a secret is dotted unless revealed. */
function EditText({ edit, secret, revealed, t, m }: { edit: EditState; secret: boolean; revealed: boolean; t: Theme; m: Messages }) {
  const { text, cursor } = edit.buffer;
  const mask = (s: string): string => (secret && !revealed ? '•'.repeat(graphemes(s).length) : s);
  if (edit.replace) {
    return (
      <Text>
        <Text inverse>{mask(text)}</Text>
        <Text color={t.muted}>{m.settings.typingReplaces}</Text>
      </Text>
    );
  }
  const rest = text.slice(cursor);
  const at = graphemes(rest)[0];
  return (
    <Text>
      {mask(text.slice(0, cursor))}
      <Text inverse>{at === undefined ? ' ' : mask(at)}</Text>
      {mask(rest.slice(at?.length ?? 0))}
    </Text>
  );
}

/** One setting: marker, key, value (or the inline editor), source; under the focused one its hint and any message. */
export const SettingsField = memo(function SettingsField(p: SettingsFieldProps) {
  const t = theme(p.color);
  const m = useMessages();
  const { spec, view, edit } = p;
  const words = m.settings.source;
  const source = view.removed ? words.removed : view.source === 'unset' && spec.kind === 'choice' ? words.default : words[view.source];
  const { columns } = useTerminalSize();
  // Cut in terminal cells (Ink's own cut can leave a Chinese line a cell too wide); a cut value
  // keeps a space before the source.
  const sourceWidth = columns - 2 - p.keyWidth - p.valueWidth;
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={p.focused ? t.accent : undefined} bold={p.focused}>
          {(p.focused ? '› ' : '  ') + padEnd(spec.key, p.keyWidth)}
        </Text>
        <Box width={p.valueWidth} flexShrink={0}>
          {edit ? (
            <Text wrap="truncate-start">
              <EditText edit={edit} secret={spec.secret} revealed={p.revealed} t={t} m={m} />
            </Text>
          ) : (
            <Text wrap="truncate-end" color={view.value === undefined ? t.muted : undefined}>
              {fit(shown(spec, view, p.revealed, m), p.valueWidth - 1)}
            </Text>
          )}
        </Box>
        <Text color={view.dirty ? t.warn : t.muted} wrap="truncate-end">
          {fit(source + (view.dirty && !view.removed ? words.edited : ''), sourceWidth)}
        </Text>
      </Box>
      {p.focused && (
        <Box paddingLeft={p.keyWidth + 2} flexDirection="column">
          {edit && !edit.check.ok && <Text color={t.error}>✖ {localized(edit.check, m)}</Text>}
          {edit?.check.ok && edit.check.note && (
            <Text color={t.muted}>
              → {m.settings.normalised({ value: edit.check.value, note: edit.check.noteSay ? edit.check.noteSay(m) : edit.check.note })}
            </Text>
          )}
          <Text color={t.muted} wrap="truncate-end">
            {fit(spec.hint(m), columns - p.keyWidth - 2)}
          </Text>
        </Box>
      )}
    </Box>
  );
});
