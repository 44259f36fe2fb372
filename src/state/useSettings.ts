// The settings screen's behaviour: its state (settingsReducer), and the two side effects — Save
// (saveEnv: atomic, and never over a file that changed on disk without asking) and Test connection
// (the doctor's checks on the edited, unsaved values). Saving the file is all it does to apply
// settings: the runtime's watcher picks the change up.
import { useCallback, useEffect, useRef, useState } from 'react';
import { doctorLines, runDoctor, type CheckResult, type DoctorInput } from '../doctor/index.js';
import { configFromText } from '../runtime/loadConfig.js';
import { CONFIG_KEYS, type ConfigKey } from '../config/keys.js';
import type { ConfigSnapshot } from '../runtime/types.js';
import { settingsFix } from './settingsFix.js';
import type { ParamMemory } from '../runtime/optionalParams.js';
import { readIfExists, type FileSnapshot } from '../settings/atomicWrite.js';
import { applyEnvChanges, readErrorText, saveEnv } from '../settings/saveEnv.js';
import type { Say } from '../i18n/en.js';
import {
  initSettings,
  isDirty,
  pendingChanges,
  pendingPrefs,
  settingsReducer,
  type ConnectionCheck,
  type PrefField,
  type SettingsAction,
  type SettingsState,
  type Values,
} from './settingsReducer.js';
import { settingsIntents, type SettingsIntent, type SettingsKey } from './settingsKeys.js';
import { en, type Messages } from '../i18n/index.js';
import { thrownWords } from '../i18n/said.js';

export interface SettingsOptions {
  envPath: string;
  env: NodeJS.ProcessEnv;
  /** The model "Test connection" checks. */
  model: string;
  /** false: nobody chose it (a new setup): the checks use the chat's replacement when the proxy lacks it. */
  modelChosen?: boolean;
  prefs?: readonly PrefField[];
  prefValues?: Readonly<Record<string, string>>;
  onSavePrefs?(values: Record<string, string>): void;
  /** An `instant` preference changed (applied at once, not on Save). */
  onPrefChange?(id: string, value: string): void;
  onClose(): void;
  /** The catalog "Test connection" words its results in (English when not given). */
  messages?: Messages;
  /** The runtime's memory of refused optional parameters: Test connection sends what the chat sends. */
  paramMemory?: ParamMemory;
  /** Test connection's key verdict on the tested values (the status bar follows it for the connection in use). */
  onKeyChecked?(config: ConfigSnapshot, verdict: 'accepted' | 'refused'): void;
}

/** The file's values as the runtime reads them (dotenv, trimmed, empty ones left out). */
export function fileValues(envPath: string, text: string | undefined): Values {
  return text === undefined ? {} : { ...configFromText(envPath, text, {}).values };
}

export function envValues(env: NodeJS.ProcessEnv): Values {
  const out: Partial<Record<ConfigKey, string>> = {};
  for (const key of CONFIG_KEYS) {
    const v = env[key]?.trim();
    if (v) out[key] = v;
  }
  return out;
}

/** A check with the doctor's label in front of its title ("Key: …"), its fix said for this screen. */
function labelled(r: CheckResult, config: ConfigSnapshot, m: Messages): ConnectionCheck {
  const fix = settingsFix(r, config, m);
  return { ...r, title: doctorLines([r], m)[0]?.title ?? r.title, ...(fix !== undefined ? { fix } : {}) };
}

export interface SettingsHandle {
  state: SettingsState;
  /** One key, read against the latest state (several keys may arrive in one chunk). */
  onKey(input: string, key: SettingsKey, raw: string): void;
}

export function useSettings(o: SettingsOptions): SettingsHandle {
  const base = useRef<FileSnapshot | undefined>(undefined);
  const [state, setState] = useState(() => {
    // A .env that cannot be read (no permission, an I/O error) opens the screen with the reason, not a crash.
    let unreadable: Say | undefined;
    try {
      base.current = readIfExists(o.envPath);
    } catch (err) {
      unreadable = readErrorText(err, o.envPath);
    }
    const init = initSettings({
      file: fileValues(o.envPath, base.current?.text),
      env: envValues(o.env),
      ...(o.prefs ? { prefs: o.prefs } : {}),
      ...(o.prefValues ? { prefValues: o.prefValues } : {}),
    });
    return unreadable ? { ...init, message: { tone: 'error' as const, text: unreadable } } : init;
  });
  const ref = useRef(state);
  const apply = useCallback((action: SettingsAction): SettingsState => {
    const next = settingsReducer(ref.current, action);
    if (next !== ref.current) {
      ref.current = next;
      setState(next);
    }
    return next;
  }, []);
  const opts = useRef(o);
  opts.current = o;
  const testRun = useRef(0);
  useEffect(
    () => () => {
      testRun.current++; // results of a test still running are dropped after the screen closes
    },
    [],
  );

  /** Commits a field being edited; false (with the reason shown) when its value is invalid. */
  const settleEdit = (what: 'saved' | 'tested'): boolean => {
    if (!ref.current.edit) return true;
    const s = apply({ type: 'commit' });
    if (!s.edit) return true;
    const { key, check } = s.edit;
    if (check.ok) return true;
    apply({ type: 'message', tone: 'error', text: (m) => m.settings.invalidNot({ key, message: check.say(m), what }) });
    return false;
  };

  const save = (force: boolean): void => {
    if (!settleEdit('saved')) return;
    const { envPath } = opts.current;
    const changes = pendingChanges(ref.current);
    const prefs = pendingPrefs(ref.current);
    if (!Object.keys(changes).length && !prefs) {
      apply({ type: 'message', tone: 'info', text: (m) => m.settings.nothingToSave });
      return;
    }
    apply({ type: 'saving' });
    const result = Object.keys(changes).length ? saveEnv(envPath, changes, { base: base.current, force }) : ({ status: 'unchanged', snapshot: base.current } as const);
    if (result.status === 'conflict') {
      apply({ type: 'saveFailed', tone: 'warn', text: (m) => m.settings.changedOnDisk({ path: envPath }) });
      apply({ type: 'ask', question: 'overwrite' });
      return;
    }
    if (result.status === 'error') {
      const { say } = result;
      apply({ type: 'saveFailed', tone: 'error', text: (m) => m.settings.notSaved({ message: say(m) }) });
      return;
    }
    base.current = result.snapshot;
    if (prefs) opts.current.onSavePrefs?.(prefs);
    const path = result.status === 'saved' ? envPath : undefined;
    apply({ type: 'saved', file: fileValues(envPath, result.snapshot?.text), text: (m) => m.settings.saved({ path }) });
  };

  const test = async (): Promise<void> => {
    if (!settleEdit('tested')) return;
    const { envPath, env, model } = opts.current;
    const changes = pendingChanges(ref.current);
    let text = base.current?.text;
    try {
      if (Object.keys(changes).length) text = applyEnvChanges(text ?? '', changes);
    } catch (err) {
      const words = thrownWords(err);
      apply({ type: 'message', tone: 'error', text: (m) => m.settings.cannotTest({ error: words.say ? words.say(m) : words.message }) });
      return;
    }
    const run = ++testRun.current;
    apply({ type: 'testStart', run });
    const live = (): boolean => testRun.current === run;
    try {
      const messages = opts.current.messages ?? en;
      const config = configFromText(envPath, text, env);
      const { paramMemory, modelChosen } = opts.current;
      const input: DoctorInput = {
        config,
        env,
        model,
        messages,
        ...(text !== undefined ? { envText: text } : {}),
        ...(paramMemory ? { paramMemory } : {}),
        ...(modelChosen === false ? { modelChosen } : {}),
      };
      const results = await runDoctor(input, (r) => live() && apply({ type: 'testCheck', run, check: labelled(r, config, messages) }));
      if (live()) apply({ type: 'testDone', run, checks: results.map((r) => labelled(r, config, messages)) });
      const key = results.find((r) => r.id === 'key');
      if (key?.status === 'pass') opts.current.onKeyChecked?.(config, 'accepted');
      else if (key?.status === 'fail' && key.kind === 'auth') opts.current.onKeyChecked?.(config, 'refused');
    } catch (err) {
      if (!live()) return;
      apply({ type: 'testDone', run });
      const error = (err as Error).message;
      apply({ type: 'message', tone: 'error', text: (m) => m.settings.testFailed({ error }) });
    }
  };

  const handle = (intents: readonly SettingsIntent[]): void => {
    for (const intent of intents) {
      switch (intent.type) {
        case 'save':
          save(false);
          break;
        case 'test':
          void test();
          break;
        case 'back':
          if (isDirty(ref.current)) apply({ type: 'ask', question: 'discard' });
          else opts.current.onClose();
          break;
        case 'answer': {
          const question = ref.current.question;
          apply({ type: 'dismiss' });
          if (question === 'discard' && intent.yes) opts.current.onClose();
          else if (question === 'overwrite' && intent.yes) save(true);
          else if (question === 'overwrite') {
            apply({ type: 'message', tone: 'warn', text: (m) => m.settings.keptEdits });
          }
          break;
        }
        default: {
          const before = ref.current.prefSaved;
          const after = apply(intent).prefSaved;
          if (after !== before) {
            for (const pref of ref.current.prefs) {
              const value = after[pref.id];
              if (pref.instant && value !== undefined && value !== before[pref.id]) opts.current.onPrefChange?.(pref.id, value);
            }
          }
        }
      }
    }
  };
  const onKey = (input: string, key: SettingsKey, raw: string): void => handle(settingsIntents(ref.current, input, key, raw));
  return { state, onKey };
}
