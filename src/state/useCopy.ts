// /copy's way out to the clipboard: OSC 52 through Ink's own stdout writer (so the frame is kept),
// and a local clipboard tool beside it; the status line then says what was copied and how.
import { useCallback } from 'react';
import { useStdout } from 'ink';
import type { LazyText, Say } from '../i18n/index.js';

export function useCopy(env: NodeJS.ProcessEnv, flash: (text: LazyText, level?: 'info' | 'warn' | 'error') => void): (text: string, what: Say) => void {
  const { write } = useStdout();
  return useCallback(
    (text: string, what: Say) => {
      void import('../material/lazy.js').then(async ({ osc52, multiplexer, copyWithTool, formatSize }) => {
        const mux = multiplexer(env);
        write(osc52(text, mux));
        const tool = (await copyWithTool(text, env)) ?? '';
        const size = formatSize(Buffer.byteLength(text));
        flash((m) => m.material.copied({ item: what(m), fileSize: size, how: m.material.copyHow({ mux: mux ?? '', tool }) }));
      });
    },
    [env, write, flash],
  );
}
