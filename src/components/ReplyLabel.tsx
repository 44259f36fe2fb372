import { Text } from 'ink';
import { theme } from './theme.js';
import { safeLine } from '../render/sanitize.js';

/** The line above a reply naming the model that wrote it. */
export function ReplyLabel({ model, color }: { model: string; color: boolean }) {
  return (
    <Text color={theme(color).assistant} bold wrap="truncate-end">
      ● {safeLine(model)}
    </Text>
  );
}
