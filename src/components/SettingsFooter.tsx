import { memo } from 'react';
import { Box, Text } from 'ink';
import { resolveText } from '../i18n/index.js';
import { fit } from '../i18n/width.js';
import { useTerminalSize } from '../state/useTerminalSize.js';
import { SETTINGS_KEYS } from '../state/settingsKeys.js';
import type { Question, SettingsState } from '../state/settingsReducer.js';
import { useMessages } from './I18n.js';
import { packHints } from './packHints.js';
import { theme } from './theme.js';

export interface SettingsFooterProps {
  message: SettingsState['message'];
  question: Question | undefined;
  editing: boolean;
  color: boolean;
}

/** The last message (saved, refused, a note), the pending y/n question, and the keys. */
export const SettingsFooter = memo(function SettingsFooter(p: SettingsFooterProps) {
  const t = theme(p.color);
  const m = useMessages();
  const { columns } = useTerminalSize();
  const tones = { ok: t.ok, info: undefined, warn: t.warn, error: t.error } as const;
  const text = p.message && resolveText(p.message.text, m);
  return (
    <Box flexDirection="column" marginTop={1}>
      {p.message && <Text color={tones[p.message.tone]}>{p.message.tone === 'ok' ? `✔ ${text}` : text}</Text>}
      {p.question && (
        <Text color={t.warn} bold>
          {m.settings[p.question]}
        </Text>
      )}
      {/* Every key stays visible ("Esc close" is last): the hints wrap between keys, never cut. */}
      {packHints(p.editing ? m.settings.editKeys.split(' · ') : SETTINGS_KEYS.map((k) => `${k.keys} ${m.settings.keys[k.action]}`), columns).map((line, i) => (
        <Text key={i} color={t.muted} wrap="truncate-end">
          {fit(line, columns)}
        </Text>
      ))}
    </Box>
  );
});
