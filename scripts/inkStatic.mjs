// Ink's <Static> prints its new items, then drops them from the tree with a state update in a layout
// effect: a second commit for every batch of items, with its own layout and a full (unthrottled)
// frame of the live region that changes nothing on screen. While a long reply streams a finished
// paragraph reaches <Static> every other frame or so, so that was ~40% of the TUI's commits.
// Here <Static> remembers what it printed in a ref and drops those items on its next render (the
// next batch's commit), and Ink prints the static subtree only on the commit that changed it
// (resetAfterCommit's isStaticDirty, the one case the original printed anything either), so the
// printed items left in the tree until then are never printed twice. Checked by
// test/components/staticOnce.test.tsx and the scrollback/long-reply e2e tests.

const UPSTREAM = 'a speed patch, not upstream; re-measure with Ink 7/8 (Node >= 22)';

export const INK_STATIC_PATCHES = [
  {
    pkg: 'ink',
    file: 'build/components/Static.js',
    versions: /^6\./,
    upstream: UPSTREAM,
    steps: [
      { find: "import React, { useMemo, useState, useLayoutEffect } from 'react';", replace: "import React, { useMemo, useRef, useLayoutEffect } from 'react';" },
      { find: '    const [index, setIndex] = useState(0);', replace: '    const printed = useRef(0);\n    const index = printed.current;' },
      { find: '        setIndex(items.length);', replace: '        printed.current = items.length;' },
    ],
  },
  {
    pkg: 'ink',
    file: 'build/reconciler.js',
    versions: /^6\./,
    upstream: UPSTREAM,
    steps: [{ find: '            rootNode.isStaticDirty = false;\n', replace: '            rootNode.isStaticDirty = false;\n            rootNode.staticToPrint = true;\n' }],
  },
  {
    pkg: 'ink',
    file: 'build/renderer.js',
    versions: /^6\./,
    upstream: UPSTREAM,
    steps: [
      { find: 'const renderer = (node, isScreenReaderEnabled) => {\n    if (node.yogaNode) {', replace: 'const renderer = (node, isScreenReaderEnabled) => {\n    const printStatic = node.staticToPrint === true;\n    node.staticToPrint = false;\n    if (node.yogaNode) {' },
      { find: '            if (node.staticNode) {', replace: '            if (printStatic && node.staticNode) {' },
      { find: '        if (node.staticNode?.yogaNode) {', replace: '        if (printStatic && node.staticNode?.yogaNode) {' },
    ],
  },
];
