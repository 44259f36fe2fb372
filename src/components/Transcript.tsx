import { memo } from 'react';
import { Static } from 'ink';
import type { TranscriptItem } from '../state/chat.js';
import { TranscriptItemView } from './TranscriptItemView.js';

export interface TranscriptProps {
  items: readonly TranscriptItem[];
  /** Changing it starts a new transcript below the old one (after /clear); the old one is never erased. */
  epoch: number;
  columns: number;
  color: boolean;
}

/**
 * Finished messages, printed once through <Static>: Ink writes each new item above the live region
 * and never redraws it, so a long transcript costs nothing per keystroke.
 */
export const Transcript = memo(function Transcript({ items, epoch, columns, color }: TranscriptProps) {
  return (
    <Static key={epoch} items={items as TranscriptItem[]}>
      {(item) => <TranscriptItemView key={item.id} item={item} columns={columns} color={color} />}
    </Static>
  );
});
