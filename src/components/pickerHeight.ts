/** Rows to give the model picker on a terminal this tall (the status bar and a spare line stay below). */
export function pickerHeight(terminalRows: number): number {
  return Math.max(6, Math.min(20, terminalRows - 4));
}
