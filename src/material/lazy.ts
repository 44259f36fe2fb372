// What the chat takes from src/material/ when first needed (--system/--role at start, @files, /role):
// one entry of the CLI's build (scripts/buildOptions.mjs LAZY), so the chat's first frame loads none of it.
export { startingSystem, roleProblem } from './system.js';
export { listRoles, loadRole, isRole } from './roles.js';
export { expandMentions, composeMessage, attachedBytes, refusalText, findMentions } from './attach.js';
export { codeBlocks } from '../render/codeBlocks.js';
export { copyWithTool, multiplexer, osc52 } from '../runtime/clipboard.js';
export { formatSize } from './document.js';
export { estimateTokens, formatTokens, attachmentList } from './estimate.js';
