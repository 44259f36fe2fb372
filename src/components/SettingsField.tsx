import { memo } from 'react';
import { Box, Text } from 'ink';
import { maskSecret } from '../runtime/secrets.js';
import type { FieldSpec } from '../settings/fields.js';
import { graphemes } from '../state/promptBuffer.js';
import type { EditState, FieldView } from '../state/settingsReducer.js';
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

const SOURCE_LABEL = { file: 'file', environment: 'environment', unset: 'unset' } as const;

/** The value as shown when not editing: secrets masked unless revealed, a choice between ‹ ›. */
function shown(spec: FieldSpec, view: FieldView, revealed: boolean): string {
  if (spec.kind === 'choice') return `‹ ${view.value ?? spec.fallback} ›`;
  if (view.value === undefined) return spec.fallback ? `- (${spec.fallback})` : '-';
  return spec.secret && !revealed ? maskSecret(view.value) : view.value;
}

/** The text being edited, with a block caret; a secret is dotted unless revealed. */
function EditText({ edit, secret, revealed, t }: { edit: EditState; secret: boolean; revealed: boolean; t: Theme }) {
  const { text, cursor } = edit.buffer;
  const mask = (s: string): string => (secret && !revealed ? '•'.repeat(graphemes(s).length) : s);
  if (edit.replace) {
    return (
      <Text>
        <Text inverse>{mask(text)}</Text>
        <Text color={t.muted}> typing replaces it</Text>
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
  const { spec, view, edit } = p;
  const source = view.removed ? 'removed on save' : view.source === 'unset' && spec.kind === 'choice' ? 'default' : SOURCE_LABEL[view.source];
  return (
    <Box flexDirection="column">
      <Box>
        <Text color={p.focused ? t.accent : undefined} bold={p.focused}>
          {(p.focused ? '› ' : '  ') + spec.key.padEnd(p.keyWidth)}
        </Text>
        <Box width={p.valueWidth} flexShrink={0}>
          {edit ? (
            <Text wrap="truncate-start">
              <EditText edit={edit} secret={spec.secret} revealed={p.revealed} t={t} />
            </Text>
          ) : (
            <Text wrap="truncate-end" color={view.value === undefined ? t.muted : undefined}>
              {shown(spec, view, p.revealed)}
            </Text>
          )}
        </Box>
        <Text color={view.dirty ? t.warn : t.muted} wrap="truncate-end">
          {source}
          {view.dirty && !view.removed ? ' · edited' : ''}
        </Text>
      </Box>
      {p.focused && (
        <Box paddingLeft={p.keyWidth + 2} flexDirection="column">
          {edit && !edit.check.ok && <Text color={t.error}>✖ {edit.check.message}</Text>}
          {edit?.check.ok && edit.check.note && <Text color={t.muted}>→ {edit.check.value} ({edit.check.note})</Text>}
          <Text color={t.muted} wrap="truncate-end">
            {spec.hint}
          </Text>
        </Box>
      )}
    </Box>
  );
});
