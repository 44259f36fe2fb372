import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, useApp } from 'ink';
import type { Runtime } from './runtime/types.js';
import { LiveReply, layoutLive } from './components/LiveReply.js';
import { Prompt } from './components/Prompt.js';
import { StatusBar } from './components/StatusBar.js';
import { Transcript } from './components/Transcript.js';
import { useChat } from './state/useChat.js';
import { useCommands } from './state/useCommands.js';
import { useFlash } from './state/useFlash.js';
import { EXIT_WINDOW_MS, useGlobalKeys } from './state/useGlobalKeys.js';
import { useClearScreen, useReprintOnResize } from './state/useReprint.js';
import { useRuntimeState } from './state/useRuntimeState.js';
import { useTerminalSize } from './state/useTerminalSize.js';
import { pickerHeight } from './components/pickerHeight.js';
import { useModelChoice } from './state/useModelChoice.js';
import { checkLine } from './state/modelSwitch.js';
import { KeyFocusProvider, KeyScopeProvider, useSetKeyOwner, type KeyScope } from './state/keyFocus.js';
import type { CheckResult } from './runtime/doctor.js';

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
}

const STATUS_ROWS = 2;

// Screens load on first use, not at start-up (the first frame needs only the chat).
const ModelPicker = lazy(() => import('./components/ModelPicker.js').then((m) => ({ default: m.ModelPicker })));
const SettingsScreen = lazy(() => import('./components/SettingsScreen.js').then((m) => ({ default: m.SettingsScreen })));
const DoctorView = lazy(() => import('./components/DoctorView.js').then((m) => ({ default: m.DoctorView })));

/** What is shown under the transcript: the chat prompt, or a screen that owns the keyboard. */
type Screen = KeyScope;

export function App(props: AppProps) {
  return (
    <KeyFocusProvider>
      <ChatApp {...props} />
    </KeyFocusProvider>
  );
}

function ChatApp({ runtime, model: initialModel, version, color, onModelChange, firstRun, env = {}, recentModels, savedModels }: AppProps) {
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
  const [chat, controls] = useChat(runtime, { version, firstRun, envPath: rt.config.envPath });
  const [flash, showFlash] = useFlash();
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
    showFlash(n.text, n.level, n.level === 'info' ? 5000 : 10000);
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

  const reprint = useCallback(() => {
    clearScreen();
    controls.dispatch({ type: 'refresh' });
  }, [clearScreen, controls]);
  useReprintOnResize(columns, reprint);

  const info = useCallback((text: string) => controls.dispatch({ type: 'info', text }), [controls]);
  const warn = useCallback((text: string) => controls.dispatch({ type: 'info', text, tone: 'warn' }), [controls]);
  const switchModel = useCallback(
    (name: string) => {
      void choice.switchTo(name).then((r) => {
        if (r.ok) {
          modelRef.current = name.trim();
          info(`model: ${name.trim()}`);
        } else warn(checkLine(r) ?? r.message);
      });
    },
    [choice, info, warn],
  );
  const picked = useCallback(
    (name: string) => {
      modelRef.current = name;
      choice.pick(name);
      setScreen('chat');
      info(`model: ${name}`);
    },
    [choice, info, setScreen],
  );
  const cycleModel = useCallback(() => {
    const next = choice.cycle();
    if (next) {
      modelRef.current = next;
      showFlash(`model: ${next}`, 'info');
    } else showFlash('No other recent model — Ctrl+P picks one', 'info');
  }, [choice, showFlash]);
  // A start model the proxy does not serve is said at once, with the name it does serve.
  const warned = useRef<string | undefined>(undefined);
  useEffect(() => {
    const line = choice.check && checkLine(choice.check);
    if (!line || warned.current === line) return;
    warned.current = line;
    warn(line);
  }, [choice.check, warn]);

  const openModels = useCallback(() => setScreen('models'), [setScreen]);
  const openSettings = useCallback(() => setScreen('settings'), [setScreen]);
  const openDoctor = useCallback(() => setScreen('doctor'), [setScreen]);
  const backToChat = useCallback(() => setScreen('chat'), [setScreen]);
  const doctorDone = useCallback(
    (results: CheckResult[] | undefined) => {
      setScreen('chat');
      if (!results) return;
      void import('./runtime/doctor.js').then(({ doctorLines, doctorSummary }) =>
        controls.dispatch({ type: 'doctor', lines: doctorLines(results), summary: doctorSummary(results), ok: !results.some((r) => r.status === 'fail') }),
      );
    },
    [controls, setScreen],
  );
  const runCommand = useCommands({ chat: controls, switchModel, openModels, openSettings, openDoctor, clearScreen, quit });

  const onSubmit = useCallback(
    (text: string): boolean => {
      if (runCommand(text)) return true;
      if (controls.busy()) {
        showFlash('Still replying — Esc stops it', 'warn');
        return false;
      }
      return controls.send(text.replace(/\s+$/, ''), modelRef.current);
    },
    [runCommand, controls, showFlash],
  );

  const onNotice = useCallback((t: string) => showFlash(t, 'info', EXIT_WINDOW_MS), [showFlash]);
  const onModelKey = useCallback((k: 'openPicker' | 'cycle') => (k === 'openPicker' ? openModels() : cycleModel()), [openModels, cycleModel]);
  useGlobalKeys({ onStop: controls.stop, onExit: quit, onNotice, onSettings: openSettings, onModelKey, isActive: screen === 'chat' });

  const pickerRows = screen === 'models' ? pickerHeight(rows - promptHeight) : 0;
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
          {screen === 'doctor' && (
            <KeyScopeProvider scope="doctor">
              <Suspense fallback={null}>
                <DoctorView runtime={runtime} model={model} env={env} color={color} isActive onDone={doctorDone} />
              </Suspense>
            </KeyScopeProvider>
          )}
          <Prompt
            columns={columns}
            rows={rows}
            top={liveLayout.height}
            color={color}
            isActive={screen === 'chat'}
            placeholder={busy ? 'replying… Esc to stop' : 'Send a message · / for commands · Ctrl+C twice to exit'}
            onSubmit={onSubmit}
            onExit={quit}
            onHeight={setPromptHeight}
          />
        </>
      )}
      {!exiting && screen === 'settings' && (
        <KeyScopeProvider scope="settings">
          <Suspense fallback={null}>
            <SettingsScreen envPath={rt.config.envPath} env={env} runtime={runtime} color={color} model={model} onClose={backToChat} isActive />
          </Suspense>
        </KeyScopeProvider>
      )}
      {!exiting && <StatusBar runtime={rt} model={model} live={chat.live} last={chat.last} flash={flash} color={color} />}
    </Box>
  );
}
