import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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

export interface AppProps {
  runtime: Runtime;
  /** The model to start with. */
  model: string;
  version: string;
  /** false under NO_COLOR: nothing is coloured. */
  color: boolean;
  /** Called when the user switches model (to persist it). */
  onModelChange?(model: string): void;
  /** No .env and no key: show the welcome. */
  firstRun?: boolean;
}

const STATUS_ROWS = 2;

/** The screen currently shown under the transcript. Only the chat exists so far. */
type Screen = 'chat';

export function App({ runtime, model: initialModel, version, color, onModelChange, firstRun }: AppProps) {
  const rt = useRuntimeState(runtime);
  const { columns, rows } = useTerminalSize();
  const [model, setModel] = useState(initialModel);
  const [screen] = useState<Screen>('chat');
  const [chat, controls] = useChat(runtime, { version, firstRun, envPath: rt.config.envPath });
  const [flash, showFlash] = useFlash();
  const [promptHeight, setPromptHeight] = useState(2);
  const clearScreen = useClearScreen();
  const { exit } = useApp();

  const busy = chat.live !== undefined;
  // Read by key handlers, which can run before React has rendered the latest state.
  const modelRef = useRef(model);

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
  const switchModel = useCallback(
    (name: string) => {
      modelRef.current = name;
      setModel(name);
      onModelChange?.(name);
      info(`model: ${name}`);
    },
    [onModelChange, info],
  );
  const openModels = useCallback(() => info('model picker: coming — use /model NAME for now'), [info]);
  const openSettings = useCallback(
    () => info(`settings screen: coming — edit ${runtime.getState().config.envPath} for now`),
    [info, runtime],
  );
  const runCommand = useCommands({ chat: controls, switchModel, openModels, openSettings, clearScreen, quit });

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
  useGlobalKeys({ onStop: controls.stop, onExit: quit, onNotice, onSettings: openSettings });

  const liveMaxRows = rows - promptHeight - STATUS_ROWS - 1;
  const liveLayout = useMemo(
    () => layoutLive(chat.live, columns, liveMaxRows, color),
    [chat.live, columns, liveMaxRows, color],
  );

  return (
    <Box flexDirection="column">
      <Transcript items={chat.items} epoch={chat.epoch} columns={columns} color={color} />
      {!exiting && screen === 'chat' && (
        <>
          <LiveReply layout={liveLayout} model={chat.live?.model ?? model} color={color} />
          <Prompt
            columns={columns}
            rows={rows}
            top={liveLayout.height}
            color={color}
            isActive
            placeholder={busy ? 'replying… Esc to stop' : 'Send a message · / for commands · Ctrl+C twice to exit'}
            onSubmit={onSubmit}
            onExit={quit}
            onHeight={setPromptHeight}
          />
        </>
      )}
      {!exiting && <StatusBar runtime={rt} model={model} live={chat.live} last={chat.last} flash={flash} color={color} />}
    </Box>
  );
}
