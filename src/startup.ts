// What every command but --version needs at start, in one module, so the bundle loads it as one
// chunk instead of a dozen small files (each costs a read, a compile and a module job).
export { resolvePaths } from './settings/paths.js';
export { savedLang, savedModels } from './settings/prefsFile.js';
export { detectLang, messagesFor, parseLang } from './i18n/index.js';
export { createFileLogger } from './runtime/logger.js';
export { routeConsoleToLog } from './runtime/console.js';
export { RuntimeService } from './runtime/service.js';
export { connectionKey } from './runtime/describe.js';
export { DEFAULT_MODEL } from './runtime/models.js';
