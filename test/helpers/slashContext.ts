// A SlashContext that records what a command asked the app to do, over a real chat reducer, so a
// command's test checks its effect on the conversation and the calls it made, in order.
import { chatReducer, initialChatState, type ChatAction, type ChatState } from '../../src/state/chat.js';
import type { SlashContext } from '../../src/slash/types.js';
import { resolveText, en } from '../../src/i18n/index.js';
import type { UsageView } from '../../src/state/usageReport.js';

export interface RecordedContext extends SlashContext {
  /** Every call, e.g. "open models", "switchModel x", "chat.cancel". */
  calls: string[];
  /** The conversation after the dispatched actions. */
  state(): ChatState;
  /** Lines said with ctx.say, in English (warnings prefixed "warn: "). */
  said: string[];
  /** What ctx.copy was given, with its description in English. */
  copied: { text: string; what: string }[];
}

/** The profiles a recording context sees: their names, the active one. */
export interface ProfilesSeen {
  names: string[];
  active?: string;
}

export function recordingContext(model = 'claude-sonnet-4-5', usage: UsageView = {}, profiles: ProfilesSeen = { names: [] }): RecordedContext {
  const calls: string[] = [];
  const said: string[] = [];
  const copied: { text: string; what: string }[] = [];
  let state = initialChatState({ version: '0.0.0' });
  let busy = false;
  return {
    calls,
    said,
    copied,
    state: () => state,
    chat: {
      send(text, m, material) {
        calls.push(`chat.send ${m} ${text}${material && material.content !== text ? ` (sends ${material.content.length} chars${material.images?.length ? `, ${material.images.length} images` : ''})` : ''}`);
        busy = true;
        return true;
      },
      stop() {
        calls.push('chat.stop');
        const was = busy;
        busy = false;
        return was;
      },
      cancel() {
        calls.push('chat.cancel');
        busy = false;
      },
      busy: () => busy,
      dispatch(action: ChatAction) {
        calls.push(`chat.dispatch ${action.type}`);
        state = chatReducer(state, action);
      },
    },
    model: () => model,
    switchModel: (name) => calls.push(`switchModel ${name}`),
    open: (screen) => calls.push(`open ${screen}`),
    toggleRequestLog: () => calls.push('toggleRequestLog'),
    clearScreen: () => calls.push('clearScreen'),
    quit: () => calls.push('quit'),
    messages: () => en,
    sessions: {
      newSession: () => calls.push('sessions.newSession'),
      rename: (title) => calls.push(`sessions.rename ${title}`),
      exportTo: (file) => calls.push(`sessions.exportTo ${file ?? '(default)'}`),
      open: (id) => calls.push(`sessions.open ${id}`),
      search: () => [],
    },
    system: {
      current: () => ({ ...(state.system ? { system: state.system } : {}), ...(state.role ? { role: state.role } : {}) }),
      set(text) {
        calls.push(`system.set ${text ?? '(none)'}`);
        state = chatReducer(state, { type: 'system', system: text, role: undefined });
      },
      applyRole: (name) => calls.push(`system.applyRole ${name}`),
      list: async () => [],
    },
    lastPrompt: () => state.lastPrompt,
    profiles: {
      active: () => profiles.active,
      list: () => profiles.names,
      dir: () => '/home/sample/.openwork/profiles',
      switchTo: (name) => calls.push(`profiles.switchTo ${name ?? '(default)'}`),
      next: () => calls.push('profiles.next'),
    },
    replies: () => state.conversation.filter((c) => c.role === 'assistant').map((c) => c.content),
    copy(text, what) {
      calls.push('copy');
      copied.push({ text, what: what(en) });
    },
    usage: async () => {
      calls.push('usage');
      return usage;
    },
    say(text, tone) {
      calls.push('say');
      said.push(`${tone === 'warn' ? 'warn: ' : ''}${resolveText(text, en)}`);
    },
  };
}
