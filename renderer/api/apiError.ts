/**
 * The error the renderer's API client throws when the backend answers `{ ok: false }` or cannot be reached.
 * It carries the message in both UI languages, so the UI can show it in the current language.
 */
import { withoutCliHint, type ErrorCode } from '../../shared/contract/errors';
import type { LocalizedText } from '../../shared/model/project';
import type { Locale } from '../../shared/format/number';
import { translate } from '../../shared/i18n/translate';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  /** The contract method that failed, for logs (never shown instead of the message). */
  readonly method: string;
  constructor(code: ErrorCode, text: LocalizedText, method: string) {
    super(text.en);
    this.name = 'ApiError';
    this.code = code;
    this.text = text;
    this.method = method;
  }

  /** The message in the UI language, without the command line's flag hint. @example error.messageFor('de') */
  messageFor(locale: Locale): string {
    return withoutCliHint(this.text[locale]);
  }
}

/** Both-language text of a catalogue message, for errors created on the renderer side. */
export function catalogueText(key: 'error.network' | 'error.unexpected' | 'error.noToken' | 'error.partUnavailable'): LocalizedText {
  return { de: translate('de', key), en: translate('en', key) };
}

/**
 * Turns anything thrown into an ApiError so the UI can always show a localized message.
 * @example toApiError(new TypeError('Failed to fetch'), 'project.open').code // "internal"
 */
export function toApiError(error: unknown, method: string): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', catalogueText('error.unexpected'), method);
}
