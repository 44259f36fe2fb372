// The chat screen's controller, in two parts the model controller sits between: useChatCore (the
// conversation, the status bar's flash, the runtime's notices, quitting) and useChatInput (what a
// submitted line or a screen key does: slash commands through the registry, a prompt to the model,
// the global keys).
import { join } from 'node:path';
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useApp } from 'ink';
import type { Runtime, RuntimeState } from '../runtime/types.js';
import type { SessionRecorder } from '../history/recorder.js';
import type { SlashContext } from '../slash/types.js';
import type { LazyText, Messages } from '../i18n/index.js';
import { useChat, type ChatControls } from './useChat.js';
import type { ChatState } from './chat.js';
import type { OpenedSession } from './resume.js';
import { useCommands } from './useCommands.js';
import { useSessions, type ResumeRequest, type SessionsOptions } from './useSessions.js';
import { useDraftMaterial, type DraftMaterial } from './useDraftMaterial.js';
import { useSystemPrompt, type SystemControls } from './useSystemPrompt.js';
import { useFlash, type Flash } from './useFlash.js';
import { useCopy } from './useCopy.js';
import { EXIT_WINDOW_MS, useGlobalKeys } from './useGlobalKeys.js';
import { useClearScreen } from './useReprint.js';
import type { ModelScreen } from './useModelScreen.js';
import type { Screen } from './useScreen.js';
import { shortCount } from './meters.js';
import { useProfiles } from './useProfiles.js';
import { homeOf } from '../config/profiles.js';
import { noticeWords } from '../words/notices.js';

export interface ChatCoreOptions {
  runtime: Runtime;
  rt: RuntimeState;
  version: string;
  firstRun: boolean | undefined;
  system: string | undefined;
  role: string | undefined;
  recorder: SessionRecorder | undefined;
  env: NodeJS.ProcessEnv;
  /** A session read before the first frame (--continue, --resume ID). */
  resumed?: OpenedSession | undefined;
}

export interface ChatCore {
  chat: ChatState;
  controls: ChatControls;
  /** The conversation now, for commands that run before React has rendered it (/copy). */
  chatRef: MutableRefObject<ChatState>;
  flash: Flash | undefined;
  showFlash(text: LazyText, level?: Flash['level'], ms?: number): void;
  copy: ReturnType<typeof useCopy>;
  info(text: LazyText): void;
  warn(text: LazyText): void;
  /** Ctrl+C twice, /quit: the transcript is drawn alone, then the app exits. */
  quit(): void;
  exiting: boolean;
}

export function useChatCore({ runtime, rt, version, firstRun, system, role, recorder, env, resumed }: ChatCoreOptions): ChatCore {
  const [chat, controls] = useChat(runtime, { version, firstRun, envPath: rt.config.envPath, system, role, ...(resumed ? { resumed } : {}) }, recorder);
  const [flash, showFlash] = useFlash();
  const copy = useCopy(env, showFlash);
  const chatRef = useRef(chat);
  chatRef.current = chat;
  const { exit } = useApp();

  // Each runtime notice (reload, broken .env) shows once, briefly; warnings and errors longer.
  const noticeShown = useRef<number | undefined>(undefined);
  useEffect(() => {
    const n = rt.notice;
    if (!n || n.id === noticeShown.current) return;
    noticeShown.current = n.id;
    showFlash((m) => noticeWords(n, m), n.level, n.level === 'info' ? 5000 : 10000);
  }, [rt.notice, showFlash]);

  // Exiting renders the transcript alone first, so the prompt and status bar do not stay behind in
  // the terminal once Ink lets go of it.
  const [exiting, setExiting] = useState(false);
  const quit = useCallback(() => {
    controls.cancel();
    setExiting(true);
  }, [controls]);
  useEffect(() => {
    if (exiting) exit();
  }, [exiting, exit]);

  const info = useCallback((text: LazyText) => controls.dispatch({ type: 'info', text }), [controls]);
  const warn = useCallback((text: LazyText) => controls.dispatch({ type: 'info', text, tone: 'warn' }), [controls]);
  return { chat, controls, chatRef, flash, showFlash, copy, info, warn, quit, exiting };
}

export interface ChatInputOptions {
  runtime: Runtime;
  core: ChatCore;
  models: ModelScreen;
  m: Messages;
  screen: Screen;
  setScreen(next: Screen): void;
  recorder: SessionRecorder | undefined;
  resume: ResumeRequest | undefined;
  /** .env's path: roles are in the roles folder beside it. */
  envPath: string;
  /** The system prompt and role the chat started with (--system, --system-file, --role). */
  startSystem: { system: string | undefined; role: string | undefined };
  /** The request log (--debug): /debug turns it on and off. */
  requestLog: { file: string; toggle(): boolean } | undefined;
  sessionActions: SessionsOptions['actions'];
  /** The conversation with this text added would pass the model's context window (useMeters). */
  overflow?(text: string): { tokens: number; window: number } | undefined;
}

export interface ChatInput {
  /** The prompt's Enter: a slash command, or a message to the model; false keeps the text in the prompt (a promise: files are read first). */
  onSubmit(text: string): boolean | Promise<boolean>;
  /** `@path` in the draft: the note under it, and the message it makes. */
  material: DraftMaterial;
  /** Prompts of earlier sessions, for the prompt's history. */
  prompts: readonly string[];
  /** The resume picker: its search and its choice. */
  search: ReturnType<typeof useSessions>['controls']['search'];
  resumePicked(id: number): void;
  /** /system and /role; the role picker lists its roles and applies one. */
  system: SystemControls;
  rolesDir: string;
  rolePicked(name: string): void;
}

export function useChatInput({ runtime, core, models, m, screen, setScreen, recorder, resume, envPath, startSystem, requestLog, overflow, sessionActions }: ChatInputOptions): ChatInput {
  const { controls, showFlash, info, warn, quit, copy, chatRef } = core;
  const { modelRef, switchModel, openModels, cycleModel, adoptModel } = models;
  const clearScreen = useClearScreen();
  const toggleRequestLog = useCallback(() => {
    if (!requestLog) return;
    const on = requestLog.toggle();
    info((mm) => mm.chat.requestLog({ on, file: requestLog.file }));
  }, [requestLog, info]);
  const sessionsSay = useCallback((text: LazyText, tone?: 'warn') => (tone === 'warn' ? warn(text) : info(text)), [info, warn]);
  const openResume = useCallback(() => setScreen('resume'), [setScreen]);
  const sessions = useSessions({ recorder, chat: controls, resume, clearScreen, openPicker: openResume, say: sessionsSay, cwd: process.cwd(), startSystem, actions: sessionActions });
  const home = homeOf(envPath); // a profile's .env is in profiles/: roles stay beside the default .env
  const profiles = useProfiles({ runtime, envPath, info, warn });
  const system = useSystemPrompt({
    chat: controls,
    state: () => chatRef.current,
    home,
    save: (text, role) => recorder?.setSystem(text, role),
    pickModel: adoptModel,
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
      profiles,
    }),
    [controls, switchModel, setScreen, toggleRequestLog, clearScreen, quit, info, warn, sessions.controls, m, copy, modelRef, chatRef, runtime, system, profiles],
  );
  const runCommand = useCommands(slashContext);
  const resumePicked = useCallback(
    (id: number) => {
      setScreen('chat');
      sessions.controls.open(id);
    },
    [setScreen, sessions.controls],
  );

  // A send that would overflow the model's context window is held once with a warning; the same text again goes.
  const overflowWarned = useRef<string | undefined>(undefined);
  const contextWindow = useCallback(async (name: string) => (await runtime.modelInfo?.(name))?.contextWindow, [runtime]);
  const conversationChars = useCallback(() => chatRef.current.conversation.reduce((n, c) => n + c.content.length, chatRef.current.system?.length ?? 0), [chatRef]);
  const material = useDraftMaterial({ cwd: process.cwd(), model: () => modelRef.current, contextWindow, conversationChars, say: sessionsSay });
  const onSubmit = useCallback(
    (text: string): boolean | Promise<boolean> => {
      if (runCommand(text)) return true;
      const stillReplying = (): false => {
        showFlash((mm) => mm.chat.stillReplying, 'warn');
        return false;
      };
      if (controls.busy()) return stillReplying();
      const prompt = text.replace(/\s+$/, '');
      if (material.mentions(prompt)) {
        // @path: the files are read (and the size against the window checked) before anything is sent.
        return material.prepare(prompt).then((msg) => (!msg ? false : controls.busy() ? stillReplying() : controls.send(prompt, modelRef.current, msg)));
      }
      const over = overflow?.(text);
      if (over && overflowWarned.current !== text) {
        overflowWarned.current = text;
        const name = modelRef.current;
        warn((mm) => mm.chat.contextOver({ tokens: shortCount(over.tokens), window: shortCount(over.window), model: name }));
        return false;
      }
      overflowWarned.current = undefined;
      return controls.send(prompt, modelRef.current);
    },
    [runCommand, controls, showFlash, modelRef, overflow, warn, material],
  );

  const onNotice = useCallback((t: LazyText) => showFlash(t, 'info', EXIT_WINDOW_MS), [showFlash]);
  const onModelKey = useCallback((k: 'openPicker' | 'cycle') => (k === 'openPicker' ? openModels() : cycleModel()), [openModels, cycleModel]);
  const openSettings = useCallback(() => setScreen('settings'), [setScreen]);
  useGlobalKeys({ onStop: controls.stop, onExit: quit, onNotice, onSettings: openSettings, onModelKey, onProfileKey: profiles.next, isActive: screen === 'chat' });
  return { onSubmit, material, prompts: sessions.prompts, search: sessions.controls.search, resumePicked, system, rolesDir: join(home, 'roles'), rolePicked };
}
