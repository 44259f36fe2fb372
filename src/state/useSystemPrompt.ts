// The chat's system prompt and role: /system shows, sets or clears it; /role (a name, or the picker)
// sets it from $OPENWORK_HOME/roles/NAME.md and, when the role names one, the model. Every change is
// saved with the session (the recorder); a resumed session brings its own back (useSessions).
import { useCallback, useMemo, useRef } from 'react';
import type { LazyText } from '../i18n/index.js';
import type { ChatControls } from './useChat.js';
import type { ChatState } from './chat.js';

/** A role as the picker lists it: usable, or with the reason it cannot be used. */
export interface RoleChoice {
  name: string;
  model?: string;
  /** The description from the front matter, else the system prompt's first line. */
  about: string;
  /** Why it cannot be used (a front matter that cannot be read). */
  problem?: string;
}

export interface SystemControls {
  /** The system prompt and role sent now. */
  current(): { system?: string; role?: string };
  /** /system TEXT sets it (and leaves the role); /system clear: undefined. */
  set(system: string | undefined): void;
  /** /role NAME, or a pick in the role picker. */
  applyRole(name: string): void;
  /** Every role in the roles folder, for the picker. */
  list(): Promise<RoleChoice[]>;
}

export interface SystemOptions {
  chat: ChatControls;
  state(): ChatState;
  /** $OPENWORK_HOME (the roles are in its roles/ folder). */
  home: string;
  /** Saves the change with the session (SessionRecorder.setSystem). */
  save?(system: string | undefined, role: string | undefined): void;
  /** Switches to the role's model (no check: the status line says if the proxy does not serve it). */
  pickModel(model: string): void;
  say(text: LazyText, tone?: 'warn'): void;
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

export function useSystemPrompt(o: SystemOptions): SystemControls {
  const latest = useRef(o);
  latest.current = o;

  const apply = useCallback((system: string | undefined, role: string | undefined) => {
    const { chat, save } = latest.current;
    chat.dispatch({ type: 'system', system, role });
    save?.(system, role);
  }, []);

  return useMemo<SystemControls>(
    () => ({
      current() {
        const s = latest.current.state();
        return { ...(s.system ? { system: s.system } : {}), ...(s.role ? { role: s.role } : {}) };
      },
      set(system) {
        apply(system?.trim() ? system.trim() : undefined, undefined);
      },
      applyRole(name) {
        const { home, say, pickModel } = latest.current;
        // Roles come with the rest of the material code, loaded when first used (never before the first frame).
        void import('../material/lazy.js').then(async ({ loadRole, isRole, roleProblem }) => {
          const role = await loadRole(home, name);
          if (!isRole(role)) return say((m) => roleProblem(role, m), 'warn');
          apply(role.system || undefined, role.name);
          if (role.model) pickModel(role.model);
          const model = role.model;
          say((m) => m.material.roleNow({ name: role.name, model: model ?? '' }));
        });
      },
      async list() {
        const { listRoles, isRole } = await import('../material/lazy.js');
        const roles = await listRoles(latest.current.home);
        return roles.map((r): RoleChoice =>
          isRole(r)
            ? { name: r.name, ...(r.model ? { model: r.model } : {}), about: r.description ?? firstLine(r.system) }
            : { name: r.name, about: '', problem: r.kind === 'invalid' ? r.detail : r.dir },
        );
      },
    }),
    [apply],
  );
}
