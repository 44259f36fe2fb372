// Watches the .env file's folder (editors and atomic writers replace the file, which a watch on the
// file itself would lose), debounced.
import { watch, mkdirSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface EnvWatcher {
  close(): void;
}

export function watchEnvFile(envPath: string, onChange: () => void, debounceMs = 75): EnvWatcher {
  const dir = dirname(envPath);
  const name = basename(envPath);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    watcher = watch(dir, { persistent: false }, (_event, file) => {
      if (!file || file === name) fire();
    });
    watcher.on('error', () => {});
  } catch {
    // No watch (e.g. the folder cannot be created): the app still works, just without live reload.
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
