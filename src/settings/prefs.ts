// App preferences that are not secrets (selected and recent models per connection, UI language),
// kept with `conf` in $OPENWORK_HOME/preferences.json — never in the .env file.
import Conf from 'conf';

export const MAX_RECENT = 8;

interface ModelPrefs {
  selected?: string;
  recent?: string[];
}

interface PrefsShape {
  models: Record<string, ModelPrefs>;
  /** Optional request parameters a connection refused, per model: never sent there again. */
  refusedParams?: Record<string, Record<string, string[]>>;
  lang?: string;
  debugLog?: boolean;
  /** "Save conversations" (sessions.db); unset means on. */
  history?: boolean;
}

export interface Prefs {
  selectedModel(connectionKey: string): string | undefined;
  recentModels(connectionKey: string): string[];
  /** Records a model choice: selected, and first in the recent list. */
  selectModel(connectionKey: string, model: string): void;
  /** Records that `connectionKey` refused the optional parameter `param` for `model`. */
  rememberRefusedParam(connectionKey: string, model: string, param: string): void;
  lang(): string | undefined;
  setLang(lang: string | undefined): void;
  setHistory(on: boolean): void;
}

export function openPrefs(home: string): Prefs {
  const store = new Conf<PrefsShape>({
    cwd: home,
    configName: 'preferences',
    projectName: 'openwork-tui',
    defaults: { models: {} },
    clearInvalidConfig: true,
    configFileMode: 0o600,
  });
  const modelsFor = (key: string): ModelPrefs => store.get('models')[key] ?? {};
  return {
    selectedModel: (key) => modelsFor(key).selected,
    recentModels: (key) => [...(modelsFor(key).recent ?? [])],
    selectModel(key, model) {
      const cur = modelsFor(key);
      const recent = [model, ...(cur.recent ?? []).filter((m) => m !== model)].slice(0, MAX_RECENT);
      store.set('models', { ...store.get('models'), [key]: { selected: model, recent } });
    },
    rememberRefusedParam(key, model, param) {
      const all = store.get('refusedParams') ?? {};
      const forKey = all[key] ?? {};
      const params = [...new Set([...(forKey[model] ?? []), param])];
      store.set('refusedParams', { ...all, [key]: { ...forKey, [model]: params } });
    },
    setHistory(on) {
      if (on) store.delete('history');
      else store.set('history', false);
    },
    lang: () => store.get('lang'),
    setLang(lang) {
      if (lang) store.set('lang', lang);
      else store.delete('lang');
    },
  };
}
