import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { Box, useApp } from 'ink';
import type { Runtime } from './runtime/types.js';
import { LiveReply, layoutLive } from './components/LiveReply.js';
import { Prompt } from './components/Prompt.js';
import { StatusBar } from './components/StatusBar.js';
import { Transcript } from './components/Transcript.js';
import { useChat } from './state/useChat.js';
import { useCommands } from './state/useCommands.js';
import type { SlashContext } from './slash/types.js';
import type { SessionRecorder } from './history/recorder.js';
import { useSessions, type ResumeRequest } from './state/useSessions.js';
import { useSystemPrompt } from './state/useSystemPrompt.js';
import { dirname, join } from 'node:path';
import { useFlash } from './state/useFlash.js';
import { useCopy } from './state/useCopy.js';
import { EXIT_WINDOW_MS, useGlobalKeys } from './state/useGlobalKeys.js';
import { useClearScreen } from './state/useReprint.js';
import { useRuntimeState } from './state/useRuntimeState.js';
import { useTerminalSize } from './state/useTerminalSize.js';
import { pickerHeight } from './components/pickerHeight.js';
import { useModelChoice } from './state/useModelChoice.js';
import { checkLine, checkModel, defaultReplacement } from './state/modelSwitch.js';
import { KeyFocusProvider, KeyScopeProvider, useSetKeyOwner, type KeyScope } from './state/keyFocus.js';
import type { CheckResult } from './runtime/doctor.js';
import { I18nProvider, useMessages } from './components/I18n.js';
import { envLang, LANG_NAMES, loadMessages, messagesFor, parseLang, type Lang, type LangChoice, type LazyText, type Messages } from './i18n/index.js';
import type { PrefField } from './state/settingsReducer.js';

export interface AppProps {
  runtime: Runtime;
  /** The model to start with. */
  model: string;
  version: string;
  /** false under NO_COLOR: nothing is coloured. */
  color: boolean;
  /** Called when the user switches model (to persist it). */
  onModelChange?(model: string): void;
  /** No .env and no key: show the welcome and open the settings. */
  firstRun?: boolean;
  /** The process environment, shown as the source of settings the .env file lacks. Never written. */
  env?: NodeJS.ProcessEnv;
  /** Recent models for this connection, most recent first. */
  recentModels?: string[];
  /** The saved choice for a connection, when .env switches to it. */
  savedModels?(connectionKey: string): { selected?: string; recent: string[] };
  /** The interface language to start with (English when not given). */
  lang?: Lang;
  /** The language as the settings screen shows it: a language, or 'system' (follow LC_ALL / LANG). */
  langChoice?: LangChoice;
  /** The user picked a language in the settings (applied at once; the caller keeps it). */
  onLangChange?(choice: LangChoice): void;
  /** The model was chosen (--model, or picked before for this connection), not the built-in default. */
  modelChosen?: boolean;
  /** The request log (--debug): /debug turns it on and off. */
  requestLog?: { file: string; toggle(): boolean };
  /** Saves the conversation (src/history/recorder.ts); none: nothing is saved or resumed. */
  recorder?: SessionRecorder;
  /** --continue / --resume [ID]: the session to bring back once the database is open. */
  resume?: ResumeRequest;
  /** "Save conversations" was switched in the settings (the caller keeps it). */
  onHistoryChange?(on: boolean): void;
  /** The system prompt to start with (--system, --system-file, --role) and the role's name. */
  system?: string;
  role?: string;
}

const STATUS_ROWS = 2;

// Screens come from src/screens.ts, loaded after the first frame (the first frame needs only the chat).
const ModelPicker = lazy(() => import('./screens.js').then((m) => ({ default: m.ModelPicker })));
const SettingsScreen = lazy(() => import('./screens.js').then((m) => ({ default: m.SettingsScreen })));
const DoctorView = lazy(() => import('./screens.js').then((m) => ({ default: m.DoctorView })));
const ResumePicker = lazy(() => import('./screens.js').then((m) => ({ default: m.ResumePicker })));
const RolePicker = lazy(() => import('./screens.js').then((m) => ({ default: m.RolePicker })));

/** What is shown under the transcript: the chat prompt, or a screen that owns the keyboard. */
type Screen = KeyScope;

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(props.lang ?? 'en');
  return (
    <KeyFocusProvider>
      <I18nProvider messages={messagesFor(lang)}>
        <ChatApp {...props} lang={lang} setLang={setLang} />
      </I18nProvider>
    </KeyFocusProvider>
  );
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

type ChatAppProps = AppProps & { lang: Lang; setLang: Dispatch<SetStateAction<Lang>> };

const NO_ENV: NodeJS.ProcessEnv = {};

function ChatApp(props: ChatAppProps) {
  const { runtime, model: initialModel, version, color, onModelChange, firstRun, env = NO_ENV, recentModels, savedModels, lang, setLang, onLangChange, requestLog, modelChosen = true } = props;
  const m = useMessages();
  const rt = useRuntimeState(runtime);
  const { columns, rows } = useTerminalSize();
  const choice = useModelChoice({ initial: initialModel, recent: recentModels ?? [], ...(onModelChange ? { onModelChange } : {}), runtime, ...(savedModels ? { savedFor: savedModels } : {}) });
  const model = choice.model;
  const [screen, setScreenState] = useState<Screen>(firstRun ? 'settings' : 'chat');
  const setKeyOwner = useSetKeyOwner();
  const setScreen = useCallback(
    (next: Screen) => {
      setKeyOwner(next); // at once: keys typed before the next render go to the new screen
      setScreenState(next);
    },
    [setKeyOwner],
  );
  useEffect(() => {
    if (firstRun) setKeyOwner('settings');
  }, [firstRun, setKeyOwner]);
  const [chat, controls] = useChat(runtime, { version, firstRun, envPath: rt.config.envPath, system: props.system, role: props.role }, props.recorder);
  const [flash, showFlash] = useFlash();
  const copy = useCopy(env, showFlash);
  const chatRef = useRef(chat);
  chatRef.current = chat;
  const [promptHeight, setPromptHeight] = useState(2);
  const clearScreen = useClearScreen();
  const { exit } = useApp();

  const busy = chat.live !== undefined;
  // Read by key handlers, which can run before React has rendered the latest state.
  const modelRef = useRef(model);
  modelRef.current = model;

  // Each runtime notice (reload, broken .env) shows once, briefly; warnings and errors longer.
  const noticeShown = useRef<number | undefined>(undefined);
  useEffect(() => {
    const n = rt.notice;
    if (!n || n.id === noticeShown.current) return;
    noticeShown.current = n.id;
    showFlash(n.say ?? n.text, n.level, n.level === 'info' ? 5000 : 10000);
  }, [rt.notice, showFlash]);

  // Exiting renders the transcript alone first, so the prompt and status bar do not stay behind
  // in the terminal once Ink lets go of it.
  const [exiting, setExiting] = useState(false);
  const quit = useCallback(() => {
    controls.cancel();
    setExiting(true);
  }, [controls]);
  useEffect(() => {
    if (exiting) exit();
  }, [exiting, exit]);

  // The language: notices and errors from the runtime use it from now on; the live screen re-renders
  // in it by itself. The transcript already printed stays as it is (the terminal's history is not
  // erased and printed again).
  const [langChoice, setLangChoice] = useState<LangChoice>(props.langChoice ?? 'system');
  useEffect(() => runtime.setMessages?.(m), [runtime, m]);
  // "Save conversations": saving stops or resumes at once; the caller keeps the choice.
  const [saving, setSaving] = useState(() => props.recorder?.isEnabled ?? false);
  const langPrefs = useMemo(() => [languagePref(m, env), ...(props.recorder ? [historyPref(m)] : [])], [m, env, props.recorder]);
  const langValues = useMemo(() => ({ lang: langChoice, history: saving ? 'on' : 'off' }), [langChoice, saving]);
  const langRequest = useRef(0);
  const onPrefChange = useCallback(
    (id: string, value: string) => {
      if (id === 'history') {
        const on = value === 'on';
        props.recorder?.setEnabled(on);
        setSaving(on);
        props.onHistoryChange?.(on);
        return;
      }
      if (id !== 'lang') return;
      const picked: LangChoice = parseLang(value) ?? 'system';
      const next = picked === 'system' ? envLang(env) : picked;
      // Chinese is a file of its own: the switch shows, and is kept, once it has loaded (the last
      // choice wins).
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
    [env, setLang, onLangChange, showFlash, props.recorder, props.onHistoryChange],
  );

  const info = useCallback((text: LazyText) => controls.dispatch({ type: 'info', text }), [controls]);
  const warn = useCallback((text: LazyText) => controls.dispatch({ type: 'info', text, tone: 'warn' }), [controls]);
  const switchModel = useCallback(
    (name: string) => {
      void choice.switchTo(name).then((r) => {
        const model = name.trim();
        if (r.ok) {
          modelRef.current = model;
          info((mm) => mm.chat.modelNow({ model }));
        } else warn((mm) => checkLine(r, mm) ?? r.message);
      });
    },
    [choice, info, warn],
  );
  const picked = useCallback(
    (name: string) => {
      modelRef.current = name;
      choice.pick(name);
      setScreen('chat');
      info((mm) => mm.chat.modelNow({ model: name }));
    },
    [choice, info, setScreen],
  );
  const cycleModel = useCallback(() => {
    const next = choice.cycle();
    if (next) {
      modelRef.current = next;
      showFlash((mm) => mm.chat.modelNow({ model: next }), 'info');
    } else {
      // Recent models this proxy does not serve are skipped: say so, not "no other recent model".
      const skipped = choice.recent.filter((n) => n !== choice.model && !checkModel(n, choice.listing).ok);
      showFlash((mm) => (skipped.length ? mm.chat.recentNotServed({ names: skipped }) : mm.chat.noOtherRecent), 'info');
    }
  }, [choice, showFlash]);
  // A start model the proxy does not serve is said at once, with the name it does serve. When nobody
  // chose it (the built-in default on a new setup), the proxy's nearest served name is used instead.
  const warned = useRef<string | undefined>(undefined);
  const defaultReplaced = useRef(false);
  useEffect(() => {
    const check = choice.check;
    const line = check && checkLine(check);
    if (!check || !line || warned.current === line) return;
    warned.current = line;
    const replacement = defaultReplacement(check, choice.listing);
    if (!modelChosen && !defaultReplaced.current && replacement) {
      defaultReplaced.current = true;
      const from = modelRef.current;
      modelRef.current = replacement;
      choice.pick(replacement);
      info((mm) => mm.chat.defaultNotServed({ model: from, suggestion: replacement }));
      return;
    }
    warn((mm) => checkLine(check, mm) ?? line);
  }, [choice, warn, info, modelChosen]);

  const openModels = useCallback(() => setScreen('models'), [setScreen]);
  const openSettings = useCallback(() => setScreen('settings'), [setScreen]);
  const backToChat = useCallback(() => setScreen('chat'), [setScreen]);
  // Every screen is shorter than the terminal: closing one redraws only the live region.
  const closeSettings = backToChat;
  const doctorDone = useCallback(
    (results: CheckResult[] | undefined) => {
      setScreen('chat');
      if (!results) return;
      void import('./screens.js').then(({ doctorLines, doctorSummary }) =>
        controls.dispatch({ type: 'doctor', lines: doctorLines(results, m), summary: doctorSummary(results, m), ok: !results.some((r) => r.status === 'fail') }),
      );
    },
    [controls, setScreen, m],
  );
  const toggleRequestLog = useCallback(() => {
    if (!requestLog) return;
    const on = requestLog.toggle();
    info((mm) => mm.chat.requestLog({ on, file: requestLog.file }));
  }, [requestLog, info]);
  const sessionsSay = useCallback((text: LazyText, tone?: 'warn') => (tone === 'warn' ? warn(text) : info(text)), [info, warn]);
  const openResume = useCallback(() => setScreen('resume'), [setScreen]);
  const sessions = useSessions({ recorder: props.recorder, chat: controls, resume: props.resume, clearScreen, openPicker: openResume, say: sessionsSay, cwd: process.cwd(), startSystem: { system: props.system, role: props.role } });
  const home = dirname(rt.config.envPath);
  const pickRoleModel = useCallback(
    (name: string) => {
      modelRef.current = name;
      choice.pick(name);
    },
    [choice],
  );
  const system = useSystemPrompt({
    chat: controls,
    state: () => chatRef.current,
    home,
    save: (text, role) => props.recorder?.setSystem(text, role),
    pickModel: pickRoleModel,
    say: sessionsSay,
  });
  const rolePicked = useCallback(
    (name: string) => {
      setScreen('chat');
      system.applyRole(name);
    },
    [setScreen, system],
  );
  const slashContext = useMemo<SlashContext>(
    () => ({
      sessions: sessions.controls,
      messages: () => m,
      chat: controls,
      model: () => modelRef.current,
      switchModel,
      open: setScreen,
      toggleRequestLog,
      clearScreen,
      quit,
      usage: async () => {
        await runtime.refreshBudget?.().catch(() => undefined);
        const s = runtime.getState();
        return { usage: s.usage, budget: s.budget, rateLimits: s.rateLimits };
      },
      say: (text, tone) => (tone === 'warn' ? warn(text) : info(text)),
      replies: () => chatRef.current.conversation.filter((c) => c.role === 'assistant').map((c) => c.content),
      copy,
      system,
      lastPrompt: () => chatRef.current.lastPrompt,
    }),
    [controls, switchModel, setScreen, toggleRequestLog, clearScreen, quit, info, warn, sessions.controls, m, copy, runtime, system],
  );
  const runCommand = useCommands(slashContext);
  const resumePicked = useCallback(
    (id: number) => {
      setScreen('chat');
      sessions.controls.open(id);
    },
    [setScreen, sessions.controls],
  );

  const onSubmit = useCallback(
    (text: string): boolean => {
      if (runCommand(text)) return true;
      if (controls.busy()) {
        showFlash((mm) => mm.chat.stillReplying, 'warn');
        return false;
      }
      return controls.send(text.replace(/\s+$/, ''), modelRef.current);
    },
    [runCommand, controls, showFlash],
  );

  const onNotice = useCallback((t: LazyText) => showFlash(t, 'info', EXIT_WINDOW_MS), [showFlash]);
  const onModelKey = useCallback((k: 'openPicker' | 'cycle') => (k === 'openPicker' ? openModels() : cycleModel()), [openModels, cycleModel]);
  useGlobalKeys({ onStop: controls.stop, onExit: quit, onNotice, onSettings: openSettings, onModelKey, isActive: screen === 'chat' });

  const pickerRows = screen === 'models' || screen === 'resume' || screen === 'roles' ? pickerHeight(rows - promptHeight) : 0;
  const liveMaxRows = rows - promptHeight - pickerRows - STATUS_ROWS - 1;
  const liveLayout = useMemo(
    () => layoutLive(chat.live, columns, liveMaxRows, color),
    [chat.live, columns, liveMaxRows, color],
  );

  return (
    <Box flexDirection="column">
      <Transcript items={chat.items} epoch={chat.epoch} columns={columns} color={color} />
      {!exiting && screen !== 'settings' && (
        <>
          <LiveReply layout={liveLayout} model={chat.live?.model ?? model} color={color} />
          {screen === 'models' && (
            <KeyScopeProvider scope="models">
              <Suspense fallback={null}>
                <ModelPicker runtime={runtime} current={model} recent={choice.recent} onPick={picked} onClose={backToChat} isActive height={pickerRows} color={color} />
              </Suspense>
            </KeyScopeProvider>
          )}
          {screen === 'resume' && (
            <KeyScopeProvider scope="resume">
              <Suspense fallback={null}>
                <ResumePicker search={sessions.controls.search} onPick={resumePicked} onClose={backToChat} isActive height={pickerRows} color={color} />
              </Suspense>
            </KeyScopeProvider>
          )}
          {screen === 'roles' && (
            <KeyScopeProvider scope="roles">
              <Suspense fallback={null}>
                <RolePicker list={system.list} current={chat.role} dir={join(home, 'roles')} onPick={rolePicked} onClose={backToChat} isActive height={pickerRows} color={color} />
              </Suspense>
            </KeyScopeProvider>
          )}
          {screen === 'doctor' && (
            <KeyScopeProvider scope="doctor">
              <Suspense fallback={null}>
                <DoctorView runtime={runtime} model={model} env={env} color={color} isActive onDone={doctorDone} maxRows={rows - promptHeight - STATUS_ROWS - 1} />
              </Suspense>
            </KeyScopeProvider>
          )}
          <Prompt
            columns={columns}
            rows={rows}
            top={liveLayout.height}
            color={color}
            isActive={screen === 'chat'}
            placeholder={busy ? m.chat.placeholderBusy : m.chat.placeholder}
            onSubmit={onSubmit}
            onExit={quit}
            onHeight={setPromptHeight}
            savedPrompts={sessions.prompts}
          />
        </>
      )}
      {!exiting && screen === 'settings' && (
        <KeyScopeProvider scope="settings">
          <Suspense fallback={null}>
            <SettingsScreen
              envPath={rt.config.envPath}
              env={env}
              runtime={runtime}
              color={color}
              model={model}
              modelChosen={modelChosen || model !== initialModel}
              onClose={closeSettings}
              isActive
              prefs={langPrefs}
              prefValues={langValues}
              onPrefChange={onPrefChange}
            />
          </Suspense>
        </KeyScopeProvider>
      )}
      {!exiting && <StatusBar runtime={rt} model={model} role={chat.role} live={chat.live} last={chat.last} flash={flash} color={color} />}
    </Box>
  );
}
