// The refusal for an image sent to a model that does not take images (kind 'model': exit code 5).
import type { AppError } from './types.js';
import { en, type Messages } from '../i18n/en.js';

export function noImagesError(model: string, viaProxy: boolean, messages: Messages = en): AppError {
  const say = (m: Messages) => ({ message: m.material.noImages({ model }), hint: viaProxy ? m.material.noImagesHintProxy({ model }) : m.material.noImagesHint });
  return { kind: 'model', ...say(messages), say };
}
