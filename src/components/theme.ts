// Colours by role. With color=false every role is undefined, so no `color=` prop reaches Ink.
export interface Theme {
  accent: string | undefined;
  user: string | undefined;
  assistant: string | undefined;
  error: string | undefined;
  warn: string | undefined;
  ok: string | undefined;
  muted: string | undefined;
}

const COLORS: Theme = {
  accent: 'cyan',
  user: 'blue',
  assistant: 'magenta',
  error: 'red',
  warn: 'yellow',
  ok: 'green',
  muted: 'gray',
};

const NONE: Theme = {
  accent: undefined,
  user: undefined,
  assistant: undefined,
  error: undefined,
  warn: undefined,
  ok: undefined,
  muted: undefined,
};

export function theme(color: boolean): Theme {
  return color ? COLORS : NONE;
}

/** Width for rendered reply text: two columns of indent and one spare. */
export function contentWidth(columns: number): number {
  return Math.max(10, columns - 3);
}
