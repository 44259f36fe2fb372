// The esbuild options for the app's bundle (scripts/build.mjs), shared with the benchmark's
// baseline Ink app (bench/lib/setup.mjs) so both are bundled exactly the same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INK_LOG_UPDATE_PATCH, INK_RESIZE_PATCH } from './inkScrollback.mjs';
import { INK_CARET_PATCH } from './inkCaret.mjs';
import { INK_STATIC_PATCHES } from './inkStatic.mjs';
import { INK_OUTPUT_PATCH } from './inkOutput.mjs';
import { patchPlugin, patchSource } from './patchDeps.mjs';

export { patchSource };

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Ink 6.8 memoises the size and the wrapping of every distinct string it ever lays out, in maps
 * that are never emptied. A chat lays out new strings all the time (each frame of a streaming
 * reply, each keystroke in the prompt), so memory grows for as long as the app runs. This bounds
 * both memos: when one holds more than MAX entries, or MAX_CHARS characters, it starts afresh. Each
 * transcript item is laid out once, as a whole (a reply is KBs); 2,000 of them — 1,000 messages —
 * kept ~2 MB of text no frame would lay out again. The build fails if Ink's source no longer
 * matches, so an upgrade cannot silently drop the bound.
 */
const MAX = 2000;
/** ~60 long replies: far more than a frame lays out (the live region, the status bar, the prompt). */
const MAX_CHARS = 256_000;
// Upstream: ink#986 tracks the cache growth (Ink 8 uses a bounded LRU, and needs Node >= 22): these
// two go when the Node floor moves to 22 and Ink is upgraded.
const INK_MEMO_UPSTREAM = 'ink#986 (open for Ink 6); Ink 8 (Node >= 22) bounds it: drop with the move to Node 22';
const INK_MEMO_PATCHES = [
  {
    pkg: 'ink',
    file: 'build/measure-text.js',
    versions: /^6\./,
    upstream: INK_MEMO_UPSTREAM,
    steps: [
      { find: 'const cache = new Map();', replace: 'const cache = new Map();\nlet cacheChars = 0;' },
      {
        find: '    cache.set(text, dimensions);',
        replace: `    cacheChars += text.length;\n    if (cache.size >= ${MAX} || cacheChars > ${MAX_CHARS}) { cache.clear(); cacheChars = text.length; }\n    cache.set(text, dimensions);`,
      },
    ],
  },
  {
    pkg: 'ink',
    file: 'build/wrap-text.js',
    versions: /^6\./,
    upstream: INK_MEMO_UPSTREAM,
    steps: [
      { find: 'const cache = {};', replace: 'let cache = {};\nlet cacheSize = 0;\nlet cacheChars = 0;' },
      {
        find: '    cache[cacheKey] = wrappedText;',
        replace: `    cacheChars += cacheKey.length + wrappedText.length;\n    if (++cacheSize > ${MAX} || cacheChars > ${MAX_CHARS}) { cache = {}; cacheSize = 1; cacheChars = cacheKey.length + wrappedText.length; }\n    cache[cacheKey] = wrappedText;`,
      },
    ],
  },
];

/**
 * Code points that never join a neighbour into a grapheme cluster: ASCII (CR LF aside), Latin up to
 * U+02FF, general punctuation, arrows, box drawing, shapes and dingbats — no marks, joiners,
 * variation selectors or regional indicators, and each a single UTF-16 unit. In a string made only of
 * these, every code unit is a cluster of its own (test/build/ansiTokenize.test.ts checks every pair
 * with Intl.Segmenter). The string-width and ansi-tokenize patches below walk such strings unit by
 * unit instead of through Intl.Segmenter.
 */
export const ONE_UNIT_CLUSTERS = '^[\\0-\\u02ff\\u2010-\\u2027\\u2030-\\u205e\\u2190-\\u21ff\\u2500-\\u27bf]*$';

/**
 * string-width (v8), for any string that is not plain printable ASCII, runs every grapheme cluster
 * through Intl.Segmenter and a chain of Unicode-property regexes, Hangul and emoji checks — the
 * status bar's "●", "·" and "✓" send the whole line down that path, on every frame. Two changes, the
 * widths unchanged (test/build/stringWidth.test.ts compares the patched copy with the original):
 *  - Its RGI-emoji pattern, /^\p{RGI_Emoji}$/v, costs V8 ~16 ms to build — at module load (as a
 *    literal it is checked when the module compiles; esbuild also rewrites it to new RegExp(…) for
 *    node20). An RGI emoji always holds an Emoji_Presentation character, a variation selector 16, a
 *    keycap, a zero-width joiner or a tag: a cheap check for those comes first, and the big pattern
 *    is built on the first cluster that passes it.
 *  - A string of ONE_UNIT_CLUSTERS code points is measured unit by unit, each unit's width (the
 *    original per-cluster rule, now the function clusterWidth) remembered per ambiguous-width option.
 */
const STRING_WIDTH_LOOP = `	for (const {segment} of segmenter.segment(string)) {
		// Zero-width / non-printing clusters
		const visibleSegment = baseVisible(segment);
		if (visibleSegment === undefined) {
			continue;
		}

		// Emoji width logic
		if (rgiEmojiRegex.test(segment) || isDoubleWidthNonRgiEmojiSequence(segment)) {
			width += 2;
			continue;
		}

		const hangulWidth = hangulClusterWidth(visibleSegment, eastAsianWidthOptions);
		if (hangulWidth !== undefined) {
			width += hangulWidth;
			continue;
		}

		// Everything else: EAW of the cluster’s first visible scalar
		const codePoint = visibleSegment.codePointAt(0);
		width += eastAsianWidth(codePoint, eastAsianWidthOptions);

		// Add width for trailing spacing marks and Halfwidth/Fullwidth Forms (e.g., ﾞ, ﾟ, ｰ)
		width += trailingWidth(visibleSegment, eastAsianWidthOptions);
	}
`;
const CLUSTER_WIDTH = `function clusterWidth(segment, eastAsianWidthOptions) {
	const visibleSegment = baseVisible(segment);
	if (visibleSegment === undefined) {
		return 0;
	}

	if ((mayBeRgiEmoji.test(segment) && isRgiEmoji(segment)) || isDoubleWidthNonRgiEmojiSequence(segment)) {
		return 2;
	}

	const hangulWidth = hangulClusterWidth(visibleSegment, eastAsianWidthOptions);
	if (hangulWidth !== undefined) {
		return hangulWidth;
	}

	return eastAsianWidth(visibleSegment.codePointAt(0), eastAsianWidthOptions) + trailingWidth(visibleSegment, eastAsianWidthOptions);
}

const oneUnitClusters = /${ONE_UNIT_CLUSTERS}/;
const unitWidths = {narrow: new Map(), wide: new Map()};

export default function stringWidth(input, options = {}) {`;
export const STRING_WIDTH_PATCH = {
  pkg: 'string-width',
  file: 'index.js',
  versions: /^8\./,
  // The copy the app and Ink measure with (node_modules/string-width); STRING_WIDTH_7_PATCH is for wrap-ansi's.
  path: join(ROOT, 'node_modules', 'string-width', 'index.js'),
  upstream: 'a speed patch, not upstream; it goes if the bench rows (startup, stream) hold without it',
  steps: [
    {
      find: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
      replace:
        "let rgiEmojiRegex;\nconst isRgiEmoji = (segment) => (rgiEmojiRegex ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(segment);\nconst mayBeRgiEmoji = /[\\p{Emoji_Presentation}\\uFE0F\\u20E3\\u200D\\u{E0020}-\\u{E007F}]/u;",
    },
    { find: 'export default function stringWidth(input, options = {}) {', replace: CLUSTER_WIDTH },
    {
      find: STRING_WIDTH_LOOP,
      replace: `	if (oneUnitClusters.test(string)) {
		const widths = ambiguousIsNarrow ? unitWidths.narrow : unitWidths.wide;
		for (let index = 0; index < string.length; index++) {
			const unit = string[index];
			let unitWidth = widths.get(unit);
			if (unitWidth === undefined) {
				unitWidth = clusterWidth(unit, eastAsianWidthOptions);
				widths.set(unit, unitWidth);
			}

			width += unitWidth;
		}

		return width;
	}

	for (const {segment} of segmenter.segment(string)) {
		width += clusterWidth(segment, eastAsianWidthOptions);
	}
`,
    },
  ],
};

/**
 * string-width 7 (nested under wrap-ansi 9, which Ink wraps text with) runs every grapheme cluster
 * through Intl.Segmenter and builds a new emoji pattern (emoji-regex) for each one. A string of
 * ONE_UNIT_CLUSTERS code points is measured unit by unit, each unit's width (the original rule,
 * unchanged) remembered per ambiguous-width option; any other string takes the original path.
 * test/build/stringWidth.test.ts compares the patched copy with the original.
 */
export const STRING_WIDTH_7_PATCH = {
  pkg: 'string-width',
  file: 'index.js',
  versions: /^7\./,
  path: join(ROOT, 'node_modules', 'wrap-ansi', 'node_modules', 'string-width', 'index.js'),
  upstream: 'goes away with wrap-ansi 10 (string-width 8), which Ink 8 uses (Node >= 22)',
  steps: [
    {
      find: 'export default function stringWidth(string, options = {}) {',
      replace: `const oneUnitClusters = /${ONE_UNIT_CLUSTERS}/;
const unitWidths = {narrow: new Map(), wide: new Map()};

export default function stringWidth(string, options = {}) {
	if (typeof string !== 'string' || string.length === 0) {
		return 0;
	}

	const {ambiguousIsNarrow = true, countAnsiEscapeCodes = false} = options;
	if (!countAnsiEscapeCodes) {
		string = stripAnsi(string);
	}

	if (!oneUnitClusters.test(string)) {
		return originalStringWidth(string, {ambiguousIsNarrow, countAnsiEscapeCodes: true});
	}

	const widths = ambiguousIsNarrow ? unitWidths.narrow : unitWidths.wide;
	let width = 0;
	for (let index = 0; index < string.length; index++) {
		const unit = string[index];
		let unitWidth = widths.get(unit);
		if (unitWidth === undefined) {
			unitWidth = originalStringWidth(unit, {ambiguousIsNarrow, countAnsiEscapeCodes: true});
			widths.set(unit, unitWidth);
		}

		width += unitWidth;
	}

	return width;
}

function originalStringWidth(string, options = {}) {`,
    },
  ],
};

/**
 * yoga-layout (Ink's layout engine) carries its WebAssembly as a base64 data: URL and reads it with
 * fetch() when fetch exists — in Node that loads the whole undici HTTP client (~15 ms) and decodes
 * the URL in JavaScript before the first frame. Buffer decodes it natively.
 */
const YOGA_PATCH = {
  pkg: 'yoga-layout',
  file: 'dist/binaries/yoga-wasm-base64-esm.js',
  versions: /^3\./,
  upstream: 'a start-up patch, not upstream (yoga-layout 3.2 still fetches its data: URL); keep while the launch row needs it',
  steps: [
    {
      find: 'function ya(){return w||"function"!=typeof fetch?Promise.resolve().then(function(){return wa()}):fetch(H,{credentials:"same-origin"}).then(function(a){if(!a.ok)throw"failed to load wasm binary file at \'"+H+"\'";return a.arrayBuffer()}).catch(function(){return wa()})}',
      replace: 'function ya(){return Promise.resolve().then(function(){return w?wa():new Uint8Array(Buffer.from(H.slice(37),"base64"))})}',
    },
  ],
};

/**
 * dotenv loads node:crypto when it loads (~4 ms, before the chat's first frame) for the one function
 * that decrypts .env.vault files, which this app never calls; it is required on that call instead.
 */
const DOTENV_PATCH = {
  pkg: 'dotenv',
  file: 'lib/main.js',
  versions: /^17\./,
  upstream: 'a start-up patch, not upstream (dotenv 17 requires crypto at load); keep while the launch row needs it',
  steps: [
    { find: "const crypto = require('crypto')\n", replace: '' },
    { find: "const aesgcm = crypto.createDecipheriv(", replace: "const aesgcm = require('crypto').createDecipheriv(" },
  ],
};

/**
 * Ink turns every line of every frame back into a string with ansi-tokenize's styledCharsToString,
 * which diffs the styles of each cell against the previous one: three Sets and four arrays per cell,
 * even between two unstyled spaces: in a long chat, half of everything the app allocated (~5 MB per
 * reply; a turn of the bench's long conversation took ~9% less time without it). When two
 * neighbours carry the same style codes (the same objects in the same order, as the cells of one
 * styled run do) or none, the diff is empty and contributes "", so it is skipped; any other pair
 * takes the original path. The output is unchanged (test/build/ansiTokenize.test.ts compares the
 * patched copy with the original on styled and unstyled lines).
 */
export const ANSI_TOKENIZE_PATCH = {
  pkg: '@alcalzone/ansi-tokenize',
  file: 'build/styledChars.js',
  versions: /^0\.2\./,
  upstream: 'a speed patch, not upstream for 0.2 (Ink 8 moves to 0.3: re-measure then); drop with the move to Node 22 and Ink 8 if the bench holds',
  steps: [
    {
      find: 'export function styledCharsToString(chars) {',
      replace:
        'function sameStyles(a, b) {\n    if (a.length !== b.length) return false;\n    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;\n    return true;\n}\nexport function styledCharsToString(chars) {',
    },
    {
      find: '        if (i === 0) {\n            ret += ansiCodesToString(char.styles);\n        }\n        else {\n',
      replace: '        if (i === 0) {\n            if (char.styles.length !== 0) ret += ansiCodesToString(char.styles);\n        }\n        else if (!sameStyles(chars[i - 1].styles, char.styles)) {\n',
    },
    { find: '        if (i === chars.length - 1) {', replace: '        if (i === chars.length - 1 && char.styles.length !== 0) {' },
    // Every cell got its own copy of the codes in force (an array per cell of every frame, ~40% of
    // the function's time while a reply streams); reduceAnsiCodesIncremental returns a new array
    // on each code and nothing writes to a cell's styles, so the cells of one run share one.
    { find: '                styles: [...codes],', replace: '                styles: codes,' },
    // `{ ...token, styles }` copied each char token through V8's generic (megamorphic) object
    // spread, ~4 µs a cell on Node 20: with the cells of committed paragraphs and of every live
    // frame, ~a quarter of the TUI's CPU while a long reply streamed (--cpu-prof). A char token is
    // always { type, value, fullWidth } (tokenize.js), so the same fields are named instead.
    { find: '                ...token,\n                styles: codes,', replace: '                type: token.type,\n                value: token.value,\n                fullWidth: token.fullWidth,\n                styles: codes,' },
    { find: '    if (a.length !== b.length) return false;', replace: '    if (a === b) return true;\n    if (a.length !== b.length) return false;' },
  ],
};

/**
 * ansi-tokenize (Ink's output) splits every line it tokenizes into grapheme clusters with
 * Intl.Segmenter: a clone of ICU's break iterator and a copy of the line outside V8's heap per call,
 * for each line of each frame, freed only when V8 gets round to the wrapper. A line of
 * ONE_UNIT_CLUSTERS code points (CR LF excluded) is walked unit by unit instead; any other line takes
 * the segmenter. test/build/ansiTokenize.test.ts compares the tokens with the original's.
 */
export const ANSI_TOKENIZE_SEGMENT_PATCH = {
  pkg: '@alcalzone/ansi-tokenize',
  file: 'build/tokenize.js',
  versions: /^0\.2\./,
  upstream: 'a speed patch, not upstream for 0.2; as above',
  steps: [
    {
      find: 'export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {',
      replace: `const oneUnitClusters = /${ONE_UNIT_CLUSTERS}/;\nfunction* codeUnits(str) {\n    for (let index = 0; index < str.length; index++) yield { segment: str[index], index };\n}\nexport function tokenize(str, endChar = Number.POSITIVE_INFINITY) {`,
    },
    {
      find: '    for (const { segment, index } of segmenter.segment(str)) {',
      replace: '    for (const { segment, index } of (oneUnitClusters.test(str) && !str.includes("\\r\\n") ? codeUnits(str) : segmenter.segment(str))) {',
    },
  ],
};

/**
 * Every patch above, each applied when esbuild (or, for the tests, Node: scripts/testPatches.mjs)
 * loads its file. scripts/patchDeps.mjs fails the build when one no longer applies.
 */
export const DEPENDENCY_PATCHES = [...INK_MEMO_PATCHES, INK_LOG_UPDATE_PATCH, INK_CARET_PATCH, INK_RESIZE_PATCH, ...INK_STATIC_PATCHES, INK_OUTPUT_PATCH, STRING_WIDTH_PATCH, STRING_WIDTH_7_PATCH, ANSI_TOKENIZE_PATCH, ANSI_TOKENIZE_SEGMENT_PATCH, YOGA_PATCH, DOTENV_PATCH];

const patchDependencies = patchPlugin(DEPENDENCY_PATCHES);

/**
 * React ships CommonJS only. esbuild gives every module that imports it its own interop copy of the
 * exports (__toESM: an object of ~46 getters, built when the module loads), and each hook call then
 * goes through a getter. The chat has ~60 such modules (Ink has ~30 of them, so the one-line baseline
 * pays it too), ~2 ms before the first frame. Here `react` and `react/jsx-runtime` resolve to one
 * ES module each that converts once and re-exports the names; Ink and the app import those.
 */
const REACT_FACADES = ['react', 'react/jsx-runtime'];
const reactFacade = {
  name: 'react-facade',
  setup(b) {
    const require = createRequire(join(ROOT, 'package.json'));
    b.onResolve({ filter: /^react(\/jsx-runtime)?$/ }, (args) =>
      args.namespace === 'react-facade' || !REACT_FACADES.includes(args.path) ? undefined : { path: args.path, namespace: 'react-facade' },
    );
    b.onLoad({ filter: /.*/, namespace: 'react-facade' }, (args) => {
      const names = Object.keys(require(args.path)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
      return {
        contents: `import * as ns from ${JSON.stringify(args.path)};\nconst m = ns.default ?? ns;\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
        resolveDir: ROOT,
        loader: 'js',
      };
    });
  },
};

export function baseOptions() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return {
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      __OPENWORK_VERSION__: JSON.stringify(pkg.version),
      'process.env.NODE_ENV': '"production"',
    },
    // Some bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    // react-devtools-core: optional peer of ink's devtools integration; never used.
    // better-sqlite3: its JavaScript is bundled (ten small files took longer to load than the
    // database to open); its native addon is loaded from node_modules by history/open.ts, so the
    // `bindings` finder it would use otherwise is never loaded.
    external: ['react-devtools-core', 'bindings'],
    plugins: [patchDependencies, reactFacade],
  };
}

/**
 * What the chat loads only when first needed: the SDK adapters, conf and the Chinese catalog. They
 * are entries of the CLI's build with fixed names, and dist/tui.js imports them from there (one
 * copy of each, and no extra shared chunk in the chat's own build).
 */
export const LAZY = {
  'lazy/openaiChat': 'src/runtime/providers/openaiChat.ts',
  'lazy/anthropicMessages': 'src/runtime/providers/anthropicMessages.ts',
  'lazy/prefs': 'src/settings/prefs.ts',
  'lazy/zh-CN': 'src/i18n/zh-CN.ts',
  // Only with a forward proxy or a private CA (runtime/net/fetch.ts), and a key helper.
  'lazy/undici': 'src/runtime/net/undiciAgents.ts',
  // `-p`'s early connection, sent by Node's own fetch (runtime/net/preconnect.ts).
  'lazy/undiciAgent': 'src/runtime/net/undiciAgent.ts',
  'lazy/keyHelper': 'src/runtime/net/keyHelper.ts',
  'lazy/material': 'src/material/lazy.ts',
  // Ctrl+G; as a chunk of the chat's own build it split esbuild's helpers into a third first-frame file.
  'lazy/externalEditor': 'src/state/externalEditor.ts',
};
const LAZY_BY_FILE = new Map(Object.entries(LAZY).map(([name, file]) => [join(ROOT, file), `./${name}.js`]));

/** The CLI's build leaves the chat to dist/tui.js. */
const chatInItsOwnFile = {
  name: 'chat-in-its-own-file',
  setup(b) {
    b.onResolve({ filter: /^\.\/tuiMain\.js$/ }, () => ({ path: './tui.js', external: true }));
  },
};

/** The chat's build takes the LAZY modules from the CLI's build, and never bundles a copy. */
export const lazyFromCli = {
  name: 'lazy-from-cli',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (args) => {
      const lazy = LAZY_BY_FILE.get(join(args.resolveDir, args.path).replace(/\.js$/, '.ts'));
      if (!lazy) return undefined;
      if (args.kind !== 'dynamic-import') return { errors: [{ text: `${args.path} must be imported with import() (it loads after the first frame)` }] };
      return { path: lazy, external: true };
    });
    // The chat hands argv it does not run to the CLI (src/tuiMain.tsx), which is dist/cli.js.
    b.onResolve({ filter: /^\.\/cli\.js$/ }, (args) => (/src$/.test(args.resolveDir) ? { path: './cli.js', external: true } : undefined));
    // Ink imports its devtools only when DEV=true; that file is not shipped (react-devtools-core is
    // not installed either), and Ink says how to install it.
    b.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) => (/ink[\\/]build$/.test(args.resolveDir) ? { path: args.path, external: true } : undefined));
  },
};

/** dist/cli.js and the headless commands, code-split so each command loads only what it uses. */
export function cliBuildOptions(outdir) {
  const base = baseOptions();
  return { ...base, entryPoints: { cli: 'src/cli.tsx', ...LAZY }, outdir, splitting: true, plugins: [...base.plugins, chatInItsOwnFile] };
}

/**
 * The chat's entry, `outdir`/tui.js, in one file: Ink, React and the loader of the chat's own code
 * (src/chatLoader.ts; that code is dist/chat.js: scripts/chatScript.mjs). Also builds the
 * benchmark's baseline Ink app, so Ink and React are bundled the same way in both.
 */
export function tuiBuildOptions(entry, outdir) {
  const base = baseOptions();
  return {
    ...base,
    entryPoints: { tui: entry },
    outdir,
    plugins: [...base.plugins, lazyFromCli],
  };
}
