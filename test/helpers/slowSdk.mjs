// Preloaded with --import (NODE_OPTIONS) into a CLI a test runs: loading an SDK adapter
// (dist/lazy/openaiChat.js, anthropicMessages.js) takes SLOW_SDK_MS longer, as on a busy machine
// where the first import of an SDK can take seconds. A Node load hook: the code loaded is unchanged.
// SLOW_SDK_MARK: a file written once the delay is over (a test can tell what happened before it).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { writeFileSync } from 'node:fs';
const ms = ${Number(process.env.SLOW_SDK_MS) || 0};
const mark = ${JSON.stringify(process.env.SLOW_SDK_MARK ?? '')};
export async function load(url, context, nextLoad) {
  if (/\\/dist\\/lazy\\/(openaiChat|anthropicMessages)\\.js$/.test(url)) {
    await new Promise((r) => setTimeout(r, ms));
    if (mark) writeFileSync(mark, url);
  }
  return nextLoad(url, context);
}`)}`,
);
