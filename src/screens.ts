// What the chat needs after its first frame, imported right after that frame (it runs then, not
// before: it is in the chat's script, scripts/chatScript.mjs): the Markdown renderer for replies
// (src/render/lazyMarkdown.ts), and the model picker, the settings screen and the doctor.
export { renderMarkdown, renderMarkdownParts } from './render/markdown.js';
export { splitCommittable } from './render/splitCommittable.js';
export { ModelPicker } from './components/ModelPicker.js';
export { SettingsScreen } from './components/SettingsScreen.js';
export { DoctorView } from './components/DoctorView.js';
export { ResumePicker } from './components/ResumePicker.js';
export { RolePicker } from './components/RolePicker.js';
// The sessions database (its native module loads only when it opens).
export { openHistory } from './history/open.js';
// Reading a saved session, /export and the words for a history problem (src/state/useSessions.ts).
export { exportCurrent, readSession, sessionAtStart, unavailableText } from './state/sessionActions.js';
