// What the chat opens on demand — the model picker, the settings screen, the doctor — in one file
// that loads the first time one of them opens, so the chat's first frame does not wait for it.
export { ModelPicker } from './components/ModelPicker.js';
export { SettingsScreen } from './components/SettingsScreen.js';
export { DoctorView } from './components/DoctorView.js';
export { doctorLines, doctorSummary } from './runtime/doctor.js';
