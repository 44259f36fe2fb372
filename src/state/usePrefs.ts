// The settings screen's controller for the app's own rows (not .env): the interface language and
// "Save conversations". Both apply at once; the caller keeps the choice (onLangChange, onHistoryChange).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Runtime } from '../runtime/types.js';
import type { SessionRecorder } from '../history/recorder.js';
import { envLang, LANG_NAMES, loadMessages, parseLang, type Lang, type LangChoice, type LazyText, type Messages } from '../i18n/index.js';
import type { PrefField } from './settingsReducer.js';

export interface PrefsOptions {
  runtime: Runtime;
  m: Messages;
  env: NodeJS.ProcessEnv;
  recorder: SessionRecorder | undefined;
  /** The language as the settings screen shows it at start. */
  langChoice: LangChoice | undefined;
  setLang(lang: Lang): void;
  onLangChange: ((choice: LangChoice) => void) | undefined;
  onHistoryChange: ((on: boolean) => void) | undefined;
  showFlash(text: LazyText, level?: 'info' | 'warn' | 'error'): void;
}

export interface Prefs {
  prefs: PrefField[];
  values: Record<string, string>;
  onPrefChange(id: string, value: string): void;
}

/** The settings screen's "Language" row: follow the locale, English, or Chinese (each named in its own language). */
function languagePref(m: Messages, env: NodeJS.ProcessEnv): PrefField {
  return {
    id: 'lang',
    label: m.settings.language.label,
    hint: m.settings.language.hint,
    instant: true,
    choices: [
      { value: 'system', label: m.settings.language.system({ name: LANG_NAMES[envLang(env)] }) },
      { value: 'en', label: LANG_NAMES.en },
      { value: 'zh-CN', label: LANG_NAMES['zh-CN'] },
    ],
  };
}

/** The settings screen's "Save conversations" row. */
function historyPref(m: Messages): PrefField {
  const h = m.settings.history;
  return {
    id: 'history',
    label: h.label,
    hint: h.hint,
    instant: true,
    choices: [
      { value: 'on', label: h.on },
      { value: 'off', label: h.off },
    ],
  };
}

export function usePrefs({ runtime, m, env, recorder, langChoice: initial, setLang, onLangChange, onHistoryChange, showFlash }: PrefsOptions): Prefs {
  // Notices and errors from the runtime are worded where they are shown, so the live screen
  // re-renders in the new language by itself. The transcript already printed stays as it is (the terminal's history is kept).
  const [langChoice, setLangChoice] = useState<LangChoice>(initial ?? 'system');
  // "Save conversations": saving stops or resumes at once.
  const [saving, setSaving] = useState(() => recorder?.isEnabled ?? false);
  const prefs = useMemo(() => [languagePref(m, env), ...(recorder ? [historyPref(m)] : [])], [m, env, recorder]);
  const values = useMemo(() => ({ lang: langChoice, history: saving ? 'on' : 'off' }), [langChoice, saving]);
  const langRequest = useRef(0);
  const onPrefChange = useCallback(
    (id: string, value: string) => {
      if (id === 'history') {
        const on = value === 'on';
        recorder?.setEnabled(on);
        setSaving(on);
        onHistoryChange?.(on);
        return;
      }
      if (id !== 'lang') return;
      const picked: LangChoice = parseLang(value) ?? 'system';
      const next = picked === 'system' ? envLang(env) : picked;
      // Chinese is a file of its own: the switch shows, and is kept, once it has loaded (the last choice wins).
      const request = ++langRequest.current;
      loadMessages(next).then(
        () => {
          if (request !== langRequest.current) return;
          setLangChoice(picked);
          setLang(next);
          onLangChange?.(picked);
          showFlash((mm) => mm.chat.languageNow({ name: mm.langName }), 'info');
        },
        (err: Error) => {
          if (request === langRequest.current) showFlash(err.message, 'error'); // a broken install: say so, keep the language
        },
      );
    },
    [env, setLang, onLangChange, showFlash, recorder, onHistoryChange],
  );
  return { prefs, values, onPrefChange };
}
