/**
 * The Quellenvergleich as a data table (CSV/XLSX): one row per area with each source's value, the gap and
 * the flag; then the totals, each source's "nicht zuordenbar" and reported total; notes naming every
 * source with its Stichtag and definition. Pure.
 */
import type { DataTable, TableValue } from '../export/dataTable';
import { formatDate, formatNumber, type Locale } from '../format/number';
import { translate } from '../i18n/translate';
import { pairedTotalsCoverAll, type SourceComparison } from './compareSources';

/**
 * What the comparison found, in a sentence or two, for the view, the command line and the table's notes:
 * how many of the compared areas differ beyond the threshold, how many could not be compared, and when no
 * area could (no values at nearby Stichtage) that nothing was compared, instead of "0 von 21 weichen ab".
 * @example comparisonSummary(comparison, 'de') // ["3 von 21 verglichenen Gebieten weichen um mehr als 10 % ab."]
 */
export function comparisonSummary(comparison: Pick<SourceComparison, 'areas' | 'sources' | 'flaggedCount' | 'comparedCount' | 'thresholdPercent'>, locale: Locale): string[] {
  if (comparison.comparedCount === 0) {
    const dates = comparison.sources.map((source) => `${source.name}: ${source.stichtag ? formatDate(source.stichtag, locale) : '–'}`).join('; ');
    return [translate(locale, 'sources.nothingCompared', { dates })];
  }
  const lines = [translate(locale, 'sources.flagged', { count: comparison.flaggedCount, total: comparison.comparedCount, threshold: formatNumber(comparison.thresholdPercent, 0, locale) })];
  const uncompared = comparison.areas.length - comparison.comparedCount;
  if (uncompared > 0) lines.push(translate(locale, 'sources.uncompared', { count: uncompared }));
  return lines;
}

/** @example comparisonTable(comparison, 'de').columns // ['Schlüssel', 'Gebiet', 'AZR …', 'AsylbLG …', 'Abweichung', 'Abweichung %', 'auffällig'] */
export function comparisonTable(comparison: SourceComparison, locale: Locale): DataTable {
  const de = locale === 'de';
  const sourceColumns = comparison.sources.map((source) => `${source.name} (${source.stichtag ? formatDate(source.stichtag, locale) : '–'})`);
  const columns = [de ? 'Schlüssel' : 'Key', de ? 'Gebiet' : 'Area', ...sourceColumns, de ? 'Abweichung' : 'Gap', de ? 'Abweichung %' : 'Gap %', de ? 'auffällig' : 'flagged'];
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  const rows: TableValue[][] = comparison.areas.map((area) => [
    area.key,
    area.name,
    ...comparison.sources.map((source) => area.values[source.id] ?? null),
    area.gap,
    round(area.gapPercent),
    area.flagged ? (de ? 'ja' : 'yes') : '',
  ]);
  const line = (label: string, valueOf: (sourceId: string) => number | null): TableValue[] => ['', label, ...comparison.sources.map((source) => valueOf(source.id)), null, null, ''];
  rows.push(line(translate(locale, 'sources.row.sum'), (id) => comparison.totals[id] ?? null));
  const paired = comparison.pairedTotals;
  if (paired && !pairedTotalsCoverAll(comparison)) {
    const [first, second] = comparison.sources;
    const pairedRow = line(translate(locale, 'sources.row.pairedSum', { count: paired.areaCount }), (id) => (id === first?.id ? paired.first : id === second?.id ? paired.second : null));
    pairedRow[2 + comparison.sources.length] = paired.second - paired.first;
    rows.push(pairedRow);
  }
  rows.push(line(de ? 'nicht zuordenbar' : 'not assignable', (id) => comparison.unassignable[id] ?? null));
  rows.push(line(de ? 'gemeldete Gesamtzahl' : 'reported total', (id) => comparison.checks.find((check) => check.sourceId === id)?.reported ?? null));
  const notes = [
    ...comparison.sources.map((source, index) =>
      de
        ? `${index === 0 ? 'Bezug' : 'Vergleich'}: ${source.name}, Stichtag ${source.stichtag ? formatDate(source.stichtag, locale) : '–'}${source.definition ? ` – gezählt: ${source.definition}` : ''}${source.synthetic ? ' (Beispieldaten, synthetisch)' : ''}`
        : `${index === 0 ? 'Reference' : 'Compared'}: ${source.name}, reference date ${source.stichtag ? formatDate(source.stichtag, locale) : '–'}${source.definition ? ` – counts: ${source.definition}` : ''}${source.synthetic ? ' (sample data, synthetic)' : ''}`,
    ),
    ...comparisonSummary(comparison, locale),
    de
      ? `Abweichung = zweite Quelle − erste Quelle; auffällig ab ${formatNumber(comparison.thresholdPercent, 0, locale)} %. Werte verschiedener Quellen werden nie addiert.`
      : `Gap = second source − first source; flagged from ${formatNumber(comparison.thresholdPercent, 0, locale)} %. Values of different sources are never added.`,
  ];
  return { columns, rows, notes };
}
