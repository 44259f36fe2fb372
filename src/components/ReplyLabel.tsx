import { Text } from 'ink';
import { theme } from './theme.js';

/** The line above a reply naming the model that wrote it. */
export function ReplyLabel({ model, color }: { model: string; color: boolean }) {
  return (
    <Text color={theme(color).assistant} bold wrap="truncate-end">
      ● {model}
    </Text>
  );
}
