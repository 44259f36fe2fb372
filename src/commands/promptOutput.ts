// What -p prints, in the three --output-format shapes (the names Claude Code uses): text streams
// the reply; json prints one object when it ends; stream-json one JSON event per line as they come.
import type { OutputFormat } from '../args.js';
import type { AppError, ChatEvent, StopReason } from '../runtime/types.js';
import type { Messages } from '../i18n/en.js';
import { errorWords } from '../words/errors.js';

export interface PromptResult {
  type: 'result';
  is_error: boolean;
  result: string;
  model: string;
  usage: { input_tokens: number | null; output_tokens: number | null } | null;
  total_cost_usd: number | null;
  call_id: string | null;
  stop_reason: StopReason | null;
  error?: { kind: string; message: string; hint: string; status?: number };
}

/**
 * JSON.stringify escapes C0 controls but leaves C1 controls (U+0080–U+009F), line/paragraph
 * separators and bidi overrides as they are: escaped here too, so a line is safe on a terminal and
 * still parses to the exact text.
 */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

function errorJson(e: AppError, m: Messages): NonNullable<PromptResult['error']> {
  const { message, hint } = errorWords(e, m);
  return { kind: e.kind, message, hint, ...(e.status !== undefined ? { status: e.status } : {}) };
}

/** Collects a reply's events into the final object, and says what each format writes for an event. */
export class PromptOutput {
  private text = '';
  private result: PromptResult;

  constructor(
    private readonly format: OutputFormat,
    private readonly write: (s: string) => void,
    model: string,
    private readonly m: Messages,
  ) {
    this.result = { type: 'result', is_error: false, result: '', model, usage: null, total_cost_usd: null, call_id: null, stop_reason: null };
  }

  /** Text mode writes the reply itself (the caller does, with its own newline handling). */
  get streamsText(): boolean {
    return this.format === 'text';
  }

  event(ev: ChatEvent): void {
    const r = this.result;
    switch (ev.type) {
      case 'start':
        r.model = ev.model;
        r.call_id = ev.requestId ?? null;
        break;
      case 'text':
        this.text += ev.text;
        break;
      case 'usage':
        r.usage = { input_tokens: ev.inputTokens ?? null, output_tokens: ev.outputTokens ?? null };
        if (ev.cost !== undefined) r.total_cost_usd = ev.cost;
        break;
      case 'done':
        r.stop_reason = ev.stopReason;
        break;
      case 'error':
        r.is_error = true;
        r.error = errorJson(ev.error, this.m);
        break;
    }
    if (this.format === 'stream-json') this.write(jsonLine(streamEvent(ev, this.m)));
  }

  /** The end of the run: json and stream-json print the result object. */
  finish(): void {
    if (this.format === 'text') return;
    this.write(jsonLine({ ...this.result, result: this.text }));
  }
}

/** One stream-json line: the event with snake_case fields. */
function streamEvent(ev: ChatEvent, m: Messages): Record<string, unknown> {
  switch (ev.type) {
    case 'start':
      return { type: 'start', model: ev.model, call_id: ev.requestId ?? null };
    case 'text':
      return { type: 'text', text: ev.text };
    case 'usage':
      return { type: 'usage', input_tokens: ev.inputTokens ?? null, output_tokens: ev.outputTokens ?? null, cost_usd: ev.cost ?? null };
    case 'wait':
      return { type: 'wait', seconds: ev.seconds };
    case 'done':
      return { type: 'done', stop_reason: ev.stopReason };
    case 'error':
      return { type: 'error', error: errorJson(ev.error, m), partial: ev.partial };
  }
}
