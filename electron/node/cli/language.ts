/**
 * The CLI's message language: `--lang de|en`, else the locale environment (LC_ALL, LC_MESSAGES, LANG in
 * POSIX precedence), else German — the app's first language.
 */
import type { CliLanguage } from './command';

/**
 * @example languageFromEnvironment({ LANG: 'en_GB.UTF-8' }) // 'en'
 * @example languageFromEnvironment({ LANG: 'C' }) // 'de'
 */
export function languageFromEnvironment(environment: NodeJS.ProcessEnv = process.env): CliLanguage {
  const locale = environment.LC_ALL || environment.LC_MESSAGES || environment.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'de';
}

export function isCliLanguage(value: unknown): value is CliLanguage {
  return value === 'de' || value === 'en';
}
