import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Box, type DOMElement } from 'ink';

/** Rows below a screen that are not its own: the status bar (2) and one spare line. */
export const CHROME_ROWS = 3;

/**
 * The rows a screen (settings, doctor) may take in a terminal `rows` tall. A live region as tall as
 * the terminal makes Ink redraw the whole screen, and its top would scroll into the user's history
 * where it can no longer be erased: every screen stays within this.
 */
export function screenRows(rows: number): number {
  return Math.max(6, rows - CHROME_ROWS);
}

/** Top of `node` within `root`, in rows (summed up the layout tree). */
function topWithin(node: DOMElement, root: DOMElement): number {
  let top = 0;
  for (let n: DOMElement | undefined = node; n && n !== root; n = n.parentNode) top += n.yogaNode?.getComputedTop() ?? 0;
  return top;
}

export interface FitBoxProps {
  /** At most this many rows are shown. */
  maxRows: number;
  /** The element to keep in view (the focused row); without it, the end stays in view. */
  focus?: RefObject<DOMElement | null>;
  children: ReactNode;
}

/**
 * Its children, clipped to `maxRows` and scrolled just enough to keep `focus` (or the end) in view,
 * so a screen fits the terminal whatever it holds. Measured from Ink's layout after each render.
 */
export function FitBox({ maxRows, focus, children }: FitBoxProps) {
  const inner = useRef<DOMElement>(null);
  // Starts at the bound, so no frame is ever taller than allowed; shrinks to the content once measured.
  const [natural, setNatural] = useState(maxRows);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const root = inner.current;
    if (!root?.yogaNode) return;
    const height = Math.round(root.yogaNode.getComputedHeight());
    const view = Math.min(height, maxRows);
    const f = focus?.current;
    const top = f?.yogaNode ? topWithin(f, root) : height;
    const bottom = f?.yogaNode ? top + f.yogaNode.getComputedHeight() : height;
    let next = offset;
    if (bottom - next > view) next = bottom - view;
    if (top < next) next = top;
    next = Math.max(0, Math.min(Math.round(next), height - view));
    if (height !== natural) setNatural(height);
    if (next !== offset) setOffset(next);
  });
  return (
    <Box height={Math.min(natural, maxRows)} overflow="hidden" flexDirection="column" flexShrink={0}>
      <Box ref={inner} flexDirection="column" flexShrink={0} marginTop={-offset}>
        {children}
      </Box>
    </Box>
  );
}
