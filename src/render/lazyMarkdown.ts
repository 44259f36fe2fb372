// The Markdown renderer (~20 KB of the chat's code, with its highlighter and tables) loads after the
// first frame, which has no reply to render, with the rest of what the chat needs later
// (src/screens.ts). A reply waits for it before it streams (useChat), so everything that renders or
// splits replies runs once it is here.
type MarkdownModule = Pick<typeof import('./markdown.js'), 'renderMarkdown' | 'renderMarkdownParts'> & Pick<typeof import('./splitCommittable.js'), 'splitCommittable'>;

let loaded: MarkdownModule | undefined;
let loading: Promise<MarkdownModule> | undefined;

export function loadMarkdown(): Promise<MarkdownModule> {
  loading ??= import('../screens.js').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = undefined; // a later reply tries again
      throw err;
    },
  );
  return loading;
}

/** The loaded renderer; calling it before loadMarkdown() resolved is a bug. */
export function markdown(): MarkdownModule {
  if (!loaded) throw new Error('the Markdown renderer was used before loadMarkdown() resolved');
  return loaded;
}
