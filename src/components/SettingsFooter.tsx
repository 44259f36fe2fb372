import { memo } from 'react';
import { Box, Text } from 'ink';
import { SETTINGS_KEYS } from '../state/settingsKeys.js';
import type { Question, SettingsState } from '../state/settingsReducer.js';
import { theme } from './theme.js';

export interface SettingsFooterProps {
  message: SettingsState['message'];
  question: Question | undefined;
  editing: boolean;
  color: boolean;
}

const QUESTIONS: Record<Question, string> = {
  overwrite: 'Save over it anyway? Your fields win, its other lines are kept. (y/n)',
  discard: 'Leave without saving your changes? (y/n)',
};

const EDIT_KEYS = 'Enter keeps · Esc cancels · ←→ Home End move · Ctrl+U clears · Ctrl+S saves';

/** The last message (saved, refused, a note), the pending y/n question, and the keys. */
export const SettingsFooter = memo(function SettingsFooter(p: SettingsFooterProps) {
  const t = theme(p.color);
  const tones = { ok: t.ok, info: undefined, warn: t.warn, error: t.error } as const;
  return (
    <Box flexDirection="column" marginTop={1}>
      {p.message && <Text color={tones[p.message.tone]}>{p.message.tone === 'ok' ? `✔ ${p.message.text}` : p.message.text}</Text>}
      {p.question && (
        <Text color={t.warn} bold>
          {QUESTIONS[p.question]}
        </Text>
      )}
      <Text color={t.muted} wrap="truncate-end">
        {p.editing ? EDIT_KEYS : SETTINGS_KEYS.map((k) => `${k.keys} ${k.action}`).join(' · ')}
      </Text>
    </Box>
  );
});
