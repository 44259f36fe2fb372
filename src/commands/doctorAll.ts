// openwork-tui doctor --all: the doctor for the default .env and for every profile in
// $OPENWORK_HOME/profiles, one after the other; the exit code of the first profile that failed.
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { listProfiles, profileEnvPath } from '../config/profiles.js';
import { EXIT } from '../runtime/errors.js';
import { runDoctorCommand, type DoctorCommandOptions } from './doctor.js';
import { bold, green, red, type IO } from './io.js';
import { safeJson } from '../render/sanitize.js';

export async function runDoctorAll(opts: DoctorCommandOptions, io: IO): Promise<number> {
  const m = io.messages;
  const names = listProfiles(opts.home);
  // The default .env counts when it exists, or when there is nothing else to check.
  const all: (string | undefined)[] = [...(existsSync(profileEnvPath(opts.home, undefined)) || !names.length ? [undefined] : []), ...names];
  let code: number = EXIT.ok;
  const failed: string[] = [];
  const json: unknown[] = [];
  for (const name of all) {
    const envPath = profileEnvPath(opts.home, name);
    const shown = name ?? m.profiles.defaultName;
    let out = io;
    let text = '';
    if (opts.json) {
      // Each run's JSON is collected into one document.
      const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
      out = { ...io, stdout: sink };
    } else io.stdout.write(`${bold(io, `── ${m.profiles.doctorHeader({ name: shown, path: envPath })}`)}\n`);
    const c = await runDoctorCommand({ ...opts, envPath }, out);
    if (c !== EXIT.ok) {
      failed.push(shown);
      if (code === EXIT.ok) code = c;
    }
    if (opts.json) json.push({ profile: name ?? null, envPath, ...(JSON.parse(text) as object) });
    else io.stdout.write('\n');
  }
  if (opts.json) io.stdout.write(safeJson(JSON.stringify({ ok: code === EXIT.ok, profiles: json }, null, 2)) + '\n');
  else {
    const summary = m.profiles.doctorAll({ total: all.length, failed });
    io.stdout.write(`${code === EXIT.ok ? green(io, summary) : red(io, summary)}\n`);
  }
  return code;
}
