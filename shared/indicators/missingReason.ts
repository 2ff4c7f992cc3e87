/**
 * Why an indicator value is missing, worded for planners in both languages (shown in tooltips, tables and
 * the area details panel in the language of the UI).
 */
import { formatDate } from '../format/number';
import { localized, message, type MessageKey } from '../i18n/translate';
import type { LocalizedText, MissingCode, QualityFlag } from '../model/project';

const MISSING_CODE_MEANING: Record<MissingCode, MessageKey> = {
  '-': 'indicator.missing.codeNothing',
  '.': 'indicator.missing.codeSecret',
  x: 'indicator.missing.codeNotMeaningful',
  '...': 'indicator.missing.codeLater',
  '/': 'indicator.missing.codeUncertain',
};

/** @example noDataReason({ de: 'Einwohner', en: 'Inhabitants' }, '2019-12-31').de // 'Keine Daten für „Einwohner“ zum 31.12.2019' */
export function noDataReason(variableName: LocalizedText, period: string): LocalizedText {
  return message('indicator.missing.noData', (locale) => ({ variable: localized(variableName, locale), date: formatDate(period, locale) }));
}

/** @example missingValueReason({ de: 'Einwohner', en: 'Inhabitants' }, '.', 'counted').en // '"Inhabitants": unknown or confidential (".")' */
export function missingValueReason(variableName: LocalizedText, code: MissingCode | null, quality: QualityFlag | null): LocalizedText {
  const variable = (locale: 'de' | 'en') => localized(variableName, locale);
  if (code) {
    const meaning = message(MISSING_CODE_MEANING[code]);
    return message('indicator.missing.coded', (locale) => ({ variable: variable(locale), meaning: meaning[locale] }));
  }
  if (quality === 'suppressed') return message('indicator.missing.suppressed', (locale) => ({ variable: variable(locale) }));
  return message('indicator.missing.absent', (locale) => ({ variable: variable(locale) }));
}
