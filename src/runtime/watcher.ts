// Watches the .env file's folder (editors and atomic writers replace the file, which a watch on the
// file itself would lose), debounced. A symlinked .env (dotfile managers) is watched at its target
// too, since edits and saves replace the target, not the link; a link moved to another target is
// followed.
import { watch, mkdirSync, realpathSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface EnvWatcher {
  close(): void;
}

export function watchEnvFile(envPath: string, onChange: () => void, debounceMs = 75): EnvWatcher {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watchName = (path: string, onEvent: () => void): FSWatcher | undefined => {
    const name = basename(path);
    try {
      const w = watch(dirname(path), { persistent: false }, (_event, file) => {
        if (!file || file === name) onEvent();
      });
      w.on('error', () => {});
      return w;
    } catch {
      return undefined; // no watch (e.g. the folder is gone): the app still works, without live reload
    }
  };
  let target: { path: string; watcher: FSWatcher | undefined } | undefined;
  const followTarget = (): void => {
    let real: string;
    try {
      real = realpathSync(envPath);
    } catch {
      real = envPath; // no file (or a dangling link) yet
    }
    if (closed || real === (target?.path ?? envPath)) return;
    target?.watcher?.close();
    target = real === envPath ? undefined : { path: real, watcher: watchName(real, fire) };
  };
  try {
    mkdirSync(dirname(envPath), { recursive: true, mode: 0o700 });
  } catch {
    // watched below if it exists
  }
  const own = watchName(envPath, () => {
    followTarget(); // the link itself changed (or the file was replaced)
    fire();
  });
  followTarget();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      own?.close();
      target?.watcher?.close();
    },
  };
}
