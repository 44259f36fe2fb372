// Words for a .env that cannot be read, naming the path and what to do: shared by the runtime (start,
// reload), `config` and the settings screen, so none says "unexpected error: EACCES".
import type { Say } from '../i18n/en.js';

export function envReadWords(path: string, err: unknown): Say {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  if (code === 'EACCES' || code === 'EPERM') return (m) => m.problems.cannotRead({ path });
  if (code === 'EISDIR') return (m) => m.problems.isFolder({ path });
  return (m) => m.problems.cannotReadCode({ path, code });
}
