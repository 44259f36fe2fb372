// `@path` in the chat's prompt: what the draft attaches, said under it as one types (size, a token
// estimate against the model's context window), and the message it makes on send — refused with the
// reason for a binary file, asked about once when it is over the window. The reading and composing
// are src/material's (loaded when a draft first names a path: never before the first frame).
import { useCallback, useMemo, useRef } from 'react';
import type { ImageInput } from '../runtime/types.js';
import type { LazyText, Messages } from '../i18n/index.js';

/** A line under the prompt about what the draft attaches. */
export interface DraftNote {
  text: LazyText;
  tone: 'info' | 'warn';
}

export interface DraftMaterial {
  /** A word of the draft may name a path (cheap; the prompt asks before estimating). */
  mentions(text: string): boolean;
  /** The note for a draft, or undefined when it names no file. */
  estimate(text: string): Promise<DraftNote | undefined>;
  /** On send: the message with what it attaches; undefined when nothing is to be sent (said why). */
  prepare(text: string): Promise<{ content: string; images?: ImageInput[] } | undefined>;
}

export interface DraftMaterialOptions {
  cwd: string;
  model(): string;
  /** The model's context window in tokens (the proxy's /model/info, else the built-in table). */
  contextWindow(model: string): Promise<number | undefined>;
  /** Characters already in the conversation and system prompt (sent again with the message). */
  conversationChars(): number;
  say(text: LazyText, tone?: 'warn'): void;
}

const MENTION = /(^|\s)@\S/;

export function useDraftMaterial(o: DraftMaterialOptions): DraftMaterial {
  const latest = useRef(o);
  latest.current = o;
  /** The draft (and model) the user was warned about: Enter on it again sends it. */
  const confirmed = useRef<string | undefined>(undefined);

  const measure = useCallback(async (text: string) => {
    const lib = await import('../material/lazy.js');
    const { cwd, model: current, contextWindow, conversationChars } = latest.current;
    const found = await lib.expandMentions(text, cwd);
    if (!found.attachments.length && !found.refusals.length) return { lib, found, composed: undefined };
    const composed = lib.composeMessage(text, found.attachments);
    const model = current();
    const own = lib.estimateTokens(composed.content.length, composed.images.length);
    const total = own + lib.estimateTokens(conversationChars());
    const window = await contextWindow(model).catch(() => undefined);
    return { lib, found, composed, model, own, total, window };
  }, []);

  const estimate = useCallback(
    async (text: string): Promise<DraftNote | undefined> => {
      const r = await measure(text);
      const { lib, found } = r;
      if (found.refusals.length) {
        const refusals = found.refusals;
        return { tone: 'warn', text: (m) => refusals.map((x) => lib.refusalText(x, m)).join(' · ') };
      }
      if (!r.composed) return undefined;
      const attachments = found.attachments;
      const tokens = lib.formatTokens(r.own!);
      const { window, model, total } = r;
      const over = window !== undefined && total! > window;
      const list = (m: Messages) => lib.attachmentList(attachments, (n) => m.material.entries({ n }), m.material.image);
      return {
        tone: over ? 'warn' : 'info',
        text: (m) => {
          const head = m.material.attachNote({ list: list(m), tokens });
          if (window === undefined) return head;
          const w = lib.formatTokens(window);
          const percent = Math.max(1, Math.round((total! / window) * 100));
          return `${head} · ${over ? m.material.attachOver({ model: model!, window: w }) : m.material.attachWindow({ percent, window: w })}`;
        },
      };
    },
    [measure],
  );

  const prepare = useCallback(
    async (text: string) => {
      const { say } = latest.current;
      const r = await measure(text);
      const { lib, found } = r;
      if (found.refusals.length) {
        for (const x of found.refusals) say((m) => lib.refusalText(x, m), 'warn');
        say((m) => m.material.nothingSent, 'warn');
        return undefined;
      }
      if (!r.composed) return { content: text }; // no word names a file: sent as written
      const { window, model, total } = r;
      const key = `${model}\n${text}`;
      if (window !== undefined && total! > window && confirmed.current !== key) {
        confirmed.current = key;
        const [tokens, w] = [lib.formatTokens(total!), lib.formatTokens(window)];
        say((m) => m.material.overAsk({ tokens, model: model!, window: w }), 'warn');
        return undefined;
      }
      confirmed.current = undefined;
      const attachments = found.attachments;
      const tokens = lib.formatTokens(r.own!);
      say((m) => m.material.attached({ list: lib.attachmentList(attachments, (n) => m.material.entries({ n }), m.material.image), tokens }));
      return { content: r.composed.content, ...(r.composed.images.length ? { images: r.composed.images } : {}) };
    },
    [measure],
  );

  return useMemo(() => ({ mentions: (text: string) => MENTION.test(text), estimate, prepare }), [estimate, prepare]);
}
