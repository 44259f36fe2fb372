// Ink 6.8's log-update shows the cursor (useCursor) only in a frame whose commit ran a useCursor
// effect: a frame in which the prompt did not re-render (it is memo'd) — the status bar changing
// alone, a reply streaming — hid the caret, until the prompt happened to render again. When nothing
// did (the settings closed, then the key check's answer changed only the status bar), the caret was
// left below the screen's last line for good. The position a useCursor last set stands until one
// sets another: useCursor's cleanup sets none when the prompt unmounts, so none is left stale.
// When Ink lets go of the terminal (an exit by a signal draws no frame without the prompt), the
// cursor goes below the live region first: the shell's next line must not land on the prompt's row.
export const INK_CARET_PATCH = {
  pkg: 'ink',
  file: 'build/log-update.js',
  versions: /^6\./,
  upstream: 'not upstream (Ink 6.8 drops a position not set again in the commit); re-check with Ink 7',
  steps: [
    // createStandard's (the first of each; the app does not use incremental rendering).
    { find: '    const getActiveCursor = () => (cursorDirty ? cursorPosition : undefined);', replace: '    const getActiveCursor = () => cursorPosition;' },
    { find: '        const activeCursor = cursorDirty ? cursorPosition : undefined;\n        cursorDirty = false;\n        const lines = str.split', replace: '        const activeCursor = cursorPosition;\n        cursorDirty = false;\n        const lines = str.split' },
    {
      find: '    render.done = () => {\n        previousOutput = \'\';\n        previousLineCount = 0;',
      replace: '    render.done = () => {\n        stream.write(buildReturnToBottomPrefix(cursorWasShown, previousLineCount, previousCursorPosition));\n        previousOutput = \'\';\n        previousLineCount = 0;',
    },
  ],
};
