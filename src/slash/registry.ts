// Every slash command, in the order /help and the menu list them. Adding a command: its module in
// this folder, its words in both catalogs (`slash`), and one entry here.
import type { SlashCommand } from './types.js';
import { model } from './model.js';
import { settings } from './settings.js';
import { doctor } from './doctor.js';
import { debug } from './debug.js';
import { newSession } from './new.js';
import { resume } from './resume.js';
import { rename } from './rename.js';
import { exportSession } from './export.js';
import { help } from './help.js';
import { quit } from './quit.js';
import { copy } from './copy.js';
import { usage } from './usage.js';
import { profile } from './profile.js';
import { system } from './system.js';
import { role } from './role.js';
import { retry } from './retry.js';

export const SLASH_COMMANDS: readonly SlashCommand[] = [model, retry, copy, system, role, settings, doctor, usage, profile, debug, newSession, resume, rename, exportSession, help, quit];
