import { en, type Messages } from './en.js';
export const zhCN: Messages = en;
