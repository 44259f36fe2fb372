import { memo, useMemo } from 'react';
import { Text } from 'ink';
import { markdown } from '../render/lazyMarkdown.js';
import { stripControl } from '../render/sanitize.js';

export interface MarkdownProps {
  text: string;
  width: number;
  color: boolean;
}

/** Model output rendered for the terminal, control sequences stripped first. */
export function renderReply(text: string, width: number, color: boolean): string {
  return markdown().renderMarkdown(stripControl(text), { width, color }).replace(/\s+$/, '');
}

export const Markdown = memo(function Markdown({ text, width, color }: MarkdownProps) {
  const out = useMemo(() => renderReply(text, width, color), [text, width, color]);
  return <Text>{out}</Text>;
});
