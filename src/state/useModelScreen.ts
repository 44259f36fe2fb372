// The model's controller (the picker screen, /model NAME, the quick-switch key): switches the
// chat's model and says so, and says at once when the start model is one the proxy does not serve
// (a new setup's built-in default is replaced by the proxy's nearest served name).
import { useCallback, useEffect, useRef, type MutableRefObject } from 'react';
import type { LazyText } from '../i18n/index.js';
import { checkLine, checkModel, defaultReplacement } from './modelSwitch.js';
import type { ModelChoice } from './useModelChoice.js';
import type { Screen } from './useScreen.js';

export interface ModelScreenOptions {
  choice: ModelChoice;
  /** The model was chosen (--model, or picked before), not the built-in default. */
  modelChosen: boolean;
  info(text: LazyText): void;
  warn(text: LazyText): void;
  showFlash(text: LazyText, level?: 'info' | 'warn' | 'error'): void;
  setScreen(next: Screen): void;
}

export interface ModelScreen {
  /** The model now, for key handlers that run before React has rendered the latest state. */
  modelRef: MutableRefObject<string>;
  /** /model NAME: checked against the proxy's list first. */
  switchModel(name: string): void;
  /** The picker's choice: back to the chat. */
  picked(name: string): void;
  /** The quick-switch key: the next recent model. */
  cycleModel(): void;
  /** Switch without a word (a role brings its model; the role's line says it). */
  adoptModel(name: string): void;
  openModels(): void;
}

export function useModelScreen({ choice, modelChosen, info, warn, showFlash, setScreen }: ModelScreenOptions): ModelScreen {
  const modelRef = useRef(choice.model);
  modelRef.current = choice.model;

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

  const adoptModel = useCallback(
    (name: string) => {
      modelRef.current = name;
      choice.pick(name);
    },
    [choice],
  );
  const openModels = useCallback(() => setScreen('models'), [setScreen]);
  return { modelRef, switchModel, picked, cycleModel, adoptModel, openModels };
}
