import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Box, Text, useCursor, useStdin } from 'ink';
import { promptIntents } from '../state/promptKeys.js';
import { INITIAL_PROMPT, draftText, promptReducer, type PromptAction } from '../state/promptState.js';
import type { LazyText } from '../i18n/index.js';
import { layoutPrompt, promptTextWidth, PROMPT_PREFIX as PREFIX, visibleWindow } from '../state/promptLayout.js';
import { slashMatches } from '../slash/match.js';
import { useKeyboard } from '../state/useKeyboard.js';
import { SlashMenu, menuRows } from './SlashMenu.js';
import { fit } from '../i18n/width.js';
import { resolveText } from '../i18n/index.js';
import { theme } from './theme.js';
import { useMessages } from './I18n.js';
import { completeMention, folderLister } from '../state/pathComplete.js';
import type { DraftMaterial, DraftNote } from '../state/useDraftMaterial.js';
import { safeLine } from '../render/sanitize.js';

/** How long the draft rests before its @paths are read for the note (each keystroke would read them again). */
const ESTIMATE_AFTER_MS = 150;

export interface PromptProps {
  columns: number;
  /** Terminal rows: the prompt shows at most a third of them, scrolled to the caret. */
  rows: number;
  /** Screen rows above the prompt in the live region, to place the caret. */
  top: number;
  color: boolean;
  isActive: boolean;
  placeholder: string;
  /** Returns false to keep the text (nothing was sent); a promise when sending waits on files. */
  onSubmit(text: string): boolean | Promise<boolean>;
  onExit(): void;
  /** Rows the prompt (with its menu) takes, reported when it changes. */
  onHeight(rows: number): void;
  /** Prompts sent in earlier runs, oldest first: Up/Down and Ctrl+R reach them too. */
  savedPrompts?: readonly string[];
  /** `@path` mentions: the note under the draft (size, tokens). None: no note. */
  material?: DraftMaterial;
  /** Where Tab completes `@paths` (the folder the chat runs in). */
  cwd?: string;
  /** A reply is streaming: Esc is the chat's (it stops the reply) and does not clear the draft. */
  busy?: boolean;
  /** $VISUAL / $EDITOR for Ctrl+G (the process environment). */
  env?: NodeJS.ProcessEnv;
  /** Says why Ctrl+G could not edit the draft. */
  warn?(text: LazyText): void;
}

/**
 * The message editor. It owns its text, so a keystroke re-renders only this component, and it
 * draws its own wrapped rows so the terminal caret (Ink's useCursor) sits exactly on the text.
 */
export const Prompt = memo(function Prompt(p: PromptProps) {
  const [state, setState] = useState(INITIAL_PROMPT);
  const ref = useRef(state);
  const apply = (action: PromptAction): void => {
    const next = promptReducer(ref.current, action);
    if (next === ref.current) return;
    ref.current = next;
    setState(next);
  };

  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const lister = useMemo(() => (p.cwd ? folderLister(p.cwd) : undefined), [p.cwd]);
  const { stdin } = useStdin();
  const submit = (text: string): void => {
    const sent = p.onSubmit(draftText(ref.current)); // collapsed pastes go whole
    if (sent === true) apply({ type: 'submit' });
    else if (sent !== false) {
      // Files are being read: the draft goes once they are, unless it was edited meanwhile.
      void sent.then((ok) => {
        if (ok && ref.current.buffer.text === text) apply({ type: 'submit' });
      });
    }
  };
  const edit = (): void => {
    // Loaded on the first Ctrl+G (child_process is not needed before the first frame).
    void import('../state/externalEditor.js').then(({ editDraft }) => {
      const r = editDraft(draftText(ref.current), p.env ?? process.env, stdin);
      if (r.ok) apply({ type: 'set', text: r.text });
      else if (r.reason === 'none') p.warn?.((m) => m.material.noEditor);
      else p.warn?.((m) => m.material.editorFailed({ editor: r.editor, detail: r.detail }));
    });
  };

  useKeyboard((input, key, raw) => {
    for (const intent of promptIntents(input, key, raw)) {
      const text = ref.current.buffer.text;
      if (candidates.length && intent.type !== 'complete') setCandidates([]);
      if (intent.type === 'send') {
        if (ref.current.search) apply({ type: 'acceptSearch' }); // Enter takes the match; the next Enter sends it
        else if (text.trim() !== '') submit(text);
      } else if (intent.type === 'complete' && lister && !ref.current.search && completeMention(text, ref.current.buffer.cursor, lister)) {
        const done = completeMention(text, ref.current.buffer.cursor, lister)!;
        apply({ type: 'place', text: done.text, cursor: done.cursor });
        setCandidates(done.candidates);
      } else if (intent.type === 'editor') {
        if (ref.current.search) apply({ type: 'cancelSearch' });
        else edit();
      } else if (intent.type === 'escape' && p.busy && !ref.current.search) {
        // Esc stops the reply (the chat's keys); the draft stays.
      } else if (intent.type === 'exitIfEmpty') {
        if (text === '') p.onExit();
        else apply({ type: 'delete' });
      } else if (intent.type === 'insert') {
        apply({ ...intent, pasteName: m.chat.pasted }); // a long paste's label in the user's language
      } else {
        apply(intent);
      }
    }
  }, p.isActive);

  const { savedPrompts } = p;
  useEffect(() => {
    if (savedPrompts?.length) apply({ type: 'seedHistory', entries: savedPrompts });
  }, [savedPrompts]); // eslint-disable-line react-hooks/exhaustive-deps

  const m = useMessages();
  const search = state.search;
  const { text, cursor } = state.buffer;

  // The note under a draft that names files: what it attaches and its size against the context window.
  const [note, setNote] = useState<DraftNote | undefined>(undefined);
  const { material } = p;
  useEffect(() => {
    if (!material?.mentions(text)) return setNote(undefined);
    let gone = false;
    const timer = setTimeout(() => {
      material.estimate(text).then(
        (n) => !gone && setNote(n),
        () => !gone && setNote(undefined),
      );
    }, ESTIMATE_AFTER_MS);
    return () => {
      gone = true;
      clearTimeout(timer);
    };
  }, [material, text]);
  const width = promptTextWidth(p.columns);
  const layout = useMemo(() => layoutPrompt(text, cursor, width), [text, cursor, width]);
  const win = visibleWindow(layout.rows.length, layout.caret.row, Math.max(1, Math.floor(p.rows / 3)));
  const matches = useMemo(() => slashMatches(text), [text]);
  const height = 1 + (search ? 1 : 0) + (win.end - win.start) + (note ? 1 : 0) + (candidates.length ? 1 : 0) + menuRows(matches);
  const { onHeight } = p;
  useEffect(() => onHeight(height), [onHeight, height]);

  const { setCursorPosition } = useCursor();
  setCursorPosition(
    p.isActive ? { x: PREFIX + layout.caret.col, y: p.top + 1 + (search ? 1 : 0) + layout.caret.row - win.start } : undefined,
  );

  const t = theme(p.color);
  return (
    <Box flexDirection="column" marginTop={1}>
      {search && (
        <Text color={search.match === undefined && search.query !== '' ? t.warn : t.muted} wrap="truncate-end">
          {fit(m.history.reverseSearch({ query: search.query, found: search.match !== undefined || search.query === '' }), p.columns)}
        </Text>
      )}
      {text === '' ? (
        <Text wrap="truncate-end">
          <Text color={t.accent} bold>
            {'› '}
          </Text>
          <Text color={t.muted}>{fit(p.placeholder, p.columns - PREFIX)}</Text>
        </Text>
      ) : (
        layout.rows.slice(win.start, win.end).map((row, i) => (
          <Text key={win.start + i}>
            <Text color={t.accent} bold>
              {win.start + i === 0 ? '› ' : '  '}
            </Text>
            {row}
          </Text>
        ))
      )}
      {note && (
        <Text color={note.tone === 'warn' ? t.warn : t.muted} wrap="truncate-end">
          {fit(`  ${safeLine(resolveText(note.text, m))}`, p.columns)}
        </Text>
      )}
      {candidates.length > 0 && (
        <Text color={t.muted} wrap="truncate-end">
          {fit(`  ${candidates.map(safeLine).join('  ')}`, p.columns)}
        </Text>
      )}
      {matches.length > 0 && <SlashMenu matches={matches} color={p.color} />}
    </Box>
  );
});
