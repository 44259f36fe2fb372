import { memo } from 'react';
import { Box, Text } from 'ink';
import type { TranscriptItem } from '../state/chat.js';
import { resolveText } from '../i18n/index.js';
import { stripControl } from '../render/sanitize.js';
import { DoctorChecklist } from './DoctorChecklist.js';
import { ErrorCard } from './ErrorCard.js';
import { HelpCard } from './HelpCard.js';
import { Markdown } from './Markdown.js';
import { ReplyLabel } from './ReplyLabel.js';
import { UserEcho } from './UserEcho.js';
import { Welcome } from './Welcome.js';
import { useMessages } from './I18n.js';
import { theme } from './theme.js';

export interface ItemProps {
  item: TranscriptItem;
  columns: number;
  color: boolean;
}

/** One finished transcript entry. Printed once by <Static>, never redrawn. */
export const TranscriptItemView = memo(function TranscriptItemView({ item, columns, color }: ItemProps) {
  const t = theme(color);
  const m = useMessages();
  switch (item.kind) {
    case 'banner':
      return <Text color={t.muted}>{m.chat.banner({ version: item.version })}</Text>;
    case 'welcome':
      return <Welcome envPath={item.envPath} color={color} columns={columns} />;
    case 'user':
      return <UserEcho text={item.text} columns={columns} color={color} />;
    case 'assistant':
      return (
        <Box flexDirection="column" marginTop={item.label || item.text.trim() !== '' ? 1 : 0}>
          {item.label && <ReplyLabel model={item.model} color={color} />}
          {item.text.trim() !== '' &&
            (item.plain ? (
              <Box paddingLeft={2}>
                <Text>{stripControl(item.text).replace(/	/g, '    ')}</Text>
              </Box>
            ) : (
              <Markdown text={item.text} columns={columns} color={color} />
            ))}
          {item.status && (
            <Text color={t.warn}>
              {'  ⎿ '}
              {m.chat.replyStatus[item.status]}
            </Text>
          )}
        </Box>
      );
    case 'error':
      return <ErrorCard error={item.error} color={color} width={columns} />;
    case 'info':
      return (
        // The text in its own column, so a wrapped line continues under it, not at the margin.
        <Box width={columns}>
          <Text color={item.tone === 'warn' ? t.warn : t.muted}>{'  · '}</Text>
          <Box flexShrink={1}>
            <Text color={item.tone === 'warn' ? t.warn : t.muted}>{stripControl(resolveText(item.text, m))}</Text>
          </Box>
        </Box>
      );
    case 'help':
      return <HelpCard color={color} columns={columns} />;
    case 'doctor':
      return (
        <Box flexDirection="column" marginTop={1} width={columns}>
          <DoctorChecklist lines={item.lines} color={color} />
          <Text color={item.ok ? t.ok : t.error}>{stripControl(item.summary)}</Text>
        </Box>
      );
  }
});
