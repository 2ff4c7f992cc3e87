/**
 * German explanations for why an indicator value is missing, worded for planners (shown in tooltips,
 * tables and the area details panel).
 */
import { formatDate } from '../format/number';
import type { MissingCode, QualityFlag } from '../model/project';

const MISSING_CODE_TEXT: Record<MissingCode, string> = {
  '-': 'nichts vorhanden („-“)',
  '.': 'unbekannt oder geheim zu halten („.“)',
  x: 'Nachweis nicht sinnvoll („x“)',
  '...': 'Angabe fällt später an („...“)',
  '/': 'zu unsicher („/“)',
};

/** @example noDataReason('Einwohner', '2019-12-31') // 'Keine Daten für „Einwohner“ zum 31.12.2019' */
export function noDataReason(variableName: string, period: string): string {
  return `Keine Daten für „${variableName}“ zum ${formatDate(period, 'de')}`;
}

/** @example missingValueReason('Einwohner', '.', 'counted') // '„Einwohner“: unbekannt oder geheim zu halten („.“)' */
export function missingValueReason(variableName: string, code: MissingCode | null, quality: QualityFlag | null): string {
  if (code) return `„${variableName}“: ${MISSING_CODE_TEXT[code]}`;
  if (quality === 'suppressed') return `„${variableName}“: gesperrt (Geheimhaltung / kleine Fallzahl)`;
  return `„${variableName}“: Wert fehlt`;
}
