/**
 * Errors that reach the user. Every failure a user can cause (bad file, missing layer, wrong key) is a
 * `UserError` with a message in both UI languages that says what is wrong and what to do. Anything else is
 * an internal error: the transports log it and show a generic message, never a stack trace.
 */
import type { LocalizedText } from '../model/project';

export type ErrorCode = 'bad-input' | 'not-found' | 'conflict' | 'cancelled' | 'unsupported' | 'internal';

export class UserError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  constructor(code: ErrorCode, text: LocalizedText) {
    super(text.en);
    this.name = 'UserError';
    this.code = code;
    this.text = text;
  }
}

/**
 * A message as the app's screens show it: without its command-line hint. Backend messages serve the app and
 * the `kleinraum` command alike and end with the flag that fixes the problem on the command line, always
 * written "(CLI: …)"; in a dialog that hint only puzzles (the dialog has its own field for it).
 * @example withoutCliHint('Bitte Ebene und Schlüsselspalte prüfen (CLI: --layer, --key).') // "Bitte Ebene und Schlüsselspalte prüfen."
 */
export function withoutCliHint(text: string): string {
  return text.replace(/\s*\(CLI: (?:[^()]|\([^()]*\))*\)/g, '');
}

/** The serialisable form of an error as it crosses a transport. */
export interface ErrorPayload {
  code: ErrorCode;
  message: LocalizedText;
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof UserError) return { code: error.code, message: error.text };
  return {
    code: 'internal',
    message: {
      de: 'Ein interner Fehler ist aufgetreten. Bitte die Aktion wiederholen; die Projektdatei ist unverändert.',
      en: 'An internal error occurred. Please try again; the project file is unchanged.',
    },
  };
}
