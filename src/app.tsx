// The app composes screens: the transcript, the live reply, the prompt or a screen that owns the
// keyboard (model picker, resume picker, role picker, doctor, settings), and the status bar. What each screen
// does is its controller hook in src/state/ (useChatScreen, useModelScreen, usePrefs, useScreen).
import { lazy, Suspense, useCallback, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { Box } from 'ink';
import type { Runtime } from './runtime/types.js';
import { LiveReply, layoutLive, layoutText } from './components/LiveReply.js';
import { previewOf } from './state/chat.js';
import type { OpenedSession } from './state/resume.js';
import { Prompt } from './components/Prompt.js';
import { StatusBar } from './components/StatusBar.js';
import { Transcript } from './components/Transcript.js';
import type { SessionRecorder } from './history/recorder.js';
import type { ResumeRequest } from './state/useSessions.js';
import { useChatCore, useChatInput } from './state/useChatScreen.js';
import { useModelScreen } from './state/useModelScreen.js';
import { usePrefs } from './state/usePrefs.js';
import { useScreen } from './state/useScreen.js';
import type { DoctorReport } from './state/useDoctor.js';
import { useRuntimeState } from './state/useRuntimeState.js';
import { useTerminalSize } from './state/useTerminalSize.js';
import { pickerHeight } from './components/pickerHeight.js';
import { useModelChoice } from './state/useModelChoice.js';
import { useMeters } from './state/useMeters.js';
import { KeyFocusProvider, KeyScopeProvider } from './state/keyFocus.js';
import { I18nProvider, useMessages } from './components/I18n.js';
import { messagesFor, type Lang, type LangChoice } from './i18n/index.js';

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
  /** Or that session, read before the first frame (it is in that frame). */
  resumed?: OpenedSession;
  /** "Save conversations" was switched in the settings (the caller keeps it). */
  onHistoryChange?(on: boolean): void;
  /** The system prompt to start with (--system, --system-file, --role) and the role's name. */
  system?: string;
  role?: string;
}

const STATUS_ROWS = 2;

// Screens come from src/screens.ts, loaded after the first frame (the first frame needs only the chat).
// Reading a saved session, /export and a history problem's words come with the screens' file.
const loadSessionActions = () => import('./screens.js');
const ModelPicker = lazy(() => import('./screens.js').then((m) => ({ default: m.ModelPicker })));
const SettingsScreen = lazy(() => import('./screens.js').then((m) => ({ default: m.SettingsScreen })));
const DoctorView = lazy(() => import('./screens.js').then((m) => ({ default: m.DoctorView })));
const ResumePicker = lazy(() => import('./screens.js').then((m) => ({ default: m.ResumePicker })));
const RolePicker = lazy(() => import('./screens.js').then((m) => ({ default: m.RolePicker })));

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

type ChatAppProps = AppProps & { lang: Lang; setLang: Dispatch<SetStateAction<Lang>> };

const NO_ENV: NodeJS.ProcessEnv = {};

function ChatApp(props: ChatAppProps) {
  const { runtime, model: initialModel, version, color, onModelChange, firstRun, env = NO_ENV, recentModels, savedModels, setLang, modelChosen = true } = props;
  const m = useMessages();
  const rt = useRuntimeState(runtime);
  const { columns, rows } = useTerminalSize();
  const choice = useModelChoice({ initial: initialModel, recent: recentModels ?? [], ...(onModelChange ? { onModelChange } : {}), runtime, ...(savedModels ? { savedFor: savedModels } : {}) });
  const model = choice.model;
  const [screen, setScreen] = useScreen(firstRun);
  const core = useChatCore({ runtime, rt, version, firstRun, system: props.system, role: props.role, recorder: props.recorder, env, resumed: props.resumed });
  const { chat, controls } = core;
  const [promptHeight, setPromptHeight] = useState(2);
  const prefs = usePrefs({ runtime, m, env, recorder: props.recorder, langChoice: props.langChoice, setLang, onLangChange: props.onLangChange, onHistoryChange: props.onHistoryChange, showFlash: core.showFlash });
  const models = useModelScreen({ choice, modelChosen, info: core.info, warn: core.warn, showFlash: core.showFlash, setScreen });
  const gauges = useMeters({ runtime, rt, chat, model, listing: choice.listing, warn: core.warn });
  const input = useChatInput({ runtime, core, models, overflow: gauges.overflow, m, screen, setScreen, recorder: props.recorder, resume: props.resume, envPath: rt.config.envPath, startSystem: { system: props.system, role: props.role }, requestLog: props.requestLog, sessionActions: loadSessionActions });

  // Every screen is shorter than the terminal: closing one redraws only the live region.
  const backToChat = useCallback(() => setScreen('chat'), [setScreen]);
  const doctorDone = useCallback(
    (report: DoctorReport | undefined) => {
      setScreen('chat');
      if (report) controls.dispatch({ type: 'doctor', ...report });
    },
    [controls, setScreen],
  );

  const pickerRows = screen === 'models' || screen === 'resume' || screen === 'roles' ? pickerHeight(rows - promptHeight) : 0;
  const liveMaxRows = rows - promptHeight - pickerRows - STATUS_ROWS - 1;
  // While a resumed session prints, its last reply shows where a streaming one would.
  const preview = chat.live ? undefined : previewOf(chat);
  const liveLayout = useMemo(
    () => (preview ? layoutText(preview.text, preview.label, columns, liveMaxRows, color) : layoutLive(chat.live, columns, liveMaxRows, color)),
    [chat.live, preview, columns, liveMaxRows, color],
  );
  const busy = chat.live !== undefined;

  return (
    <Box flexDirection="column">
      <Transcript items={chat.items} epoch={chat.epoch} columns={columns} color={color} />
      {!core.exiting && screen !== 'settings' && (
        <>
          <LiveReply layout={liveLayout} model={chat.live?.model ?? preview?.model ?? model} color={color} />
          {screen === 'models' && (
            <KeyScopeProvider scope="models">
              <Suspense fallback={null}>
                <ModelPicker runtime={runtime} current={model} recent={choice.recent} onPick={models.picked} onClose={backToChat} isActive height={pickerRows} color={color} />
              </Suspense>
            </KeyScopeProvider>
          )}
          {screen === 'resume' && (
            <KeyScopeProvider scope="resume">
              <Suspense fallback={null}>
                <ResumePicker search={input.search} onPick={input.resumePicked} onClose={backToChat} isActive height={pickerRows} color={color} />
              </Suspense>
            </KeyScopeProvider>
          )}
          {screen === 'roles' && (
            <KeyScopeProvider scope="roles">
              <Suspense fallback={null}>
                <RolePicker list={input.system.list} current={chat.role} dir={input.rolesDir} onPick={input.rolePicked} onClose={backToChat} isActive height={pickerRows} color={color} />
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
            onSubmit={input.onSubmit}
            onExit={core.quit}
            onHeight={setPromptHeight}
            savedPrompts={input.prompts}
            material={input.material}
            cwd={process.cwd()}
            busy={busy}
            env={env}
            warn={core.warn}
          />
        </>
      )}
      {!core.exiting && screen === 'settings' && (
        <KeyScopeProvider scope="settings">
          <Suspense fallback={null}>
            <SettingsScreen
              envPath={rt.config.envPath}
              env={env}
              runtime={runtime}
              color={color}
              model={model}
              modelChosen={modelChosen || model !== initialModel}
              onClose={backToChat}
              isActive
              prefs={prefs.prefs}
              prefValues={prefs.values}
              onPrefChange={prefs.onPrefChange}
            />
          </Suspense>
        </KeyScopeProvider>
      )}
      {!core.exiting && <StatusBar runtime={rt} model={model} role={chat.role} live={chat.live} last={chat.last} flash={core.flash} color={color} meters={gauges.meters} />}
    </Box>
  );
}
