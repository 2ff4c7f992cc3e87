/**
 * The monitoring result as a table (CSV, XLSX; the app's table shows the same columns): one row per area
 * with values, z-scores, indices, classes and the short text; the method, the messages, the alerts and the
 * sources as notes below.
 */
import type { z } from 'zod';
import type { monitoringComputeOutput } from '../contract/methods/monitoring';
import type { DataTable } from '../export/dataTable';
import { sourceLines } from '../export/sourceLines';
import { formatDate, formatNumber, type Locale } from '../format/number';
import { DYNAMICS_CLASS_TEXT, STATUS_CLASS_TEXT } from './monitoringTexts';
import { indicatorLabel } from '../indicators/indicatorLabel';

export type MonitoringResult = z.output<typeof monitoringComputeOutput>;

function rounded(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}

/** The method in one sentence, with the cut-offs and the floor. */
export function methodNote(result: MonitoringResult, locale: Locale): string {
  const n = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 1, locale);
  const [a, b, c] = result.statusCuts;
  const weighting = result.weighted ? (locale === 'de' ? 'nach Einwohnern gewichtet' : 'weighted by population') : locale === 'de' ? 'ungewichtet' : 'unweighted';
  return locale === 'de'
    ? `Methode: z-Werte je Kennzahl über die bewerteten Gebiete (${weighting}), Statusindex = Mittelwert der z-Werte (höher = mehr Handlungsbedarf), Dynamikindex ebenso über die Veränderung; Klassen nach dem noch einmal standardisierten Index (Klassenwert): hoch unter ${n(a)}, mittel bis ${n(b)}, niedrig bis ${n(c)}, sehr niedrig darüber; Dynamik positiv unter ${n(-result.dynamicsCut)}, negativ über ${n(result.dynamicsCut)}. Gebiete unter ${n(result.minPopulation)} Einwohnern werden nicht bewertet.`
    : `Method: z-scores per indicator over the scored areas (${weighting}), status index = mean of the z-scores (higher = more need), dynamics index likewise over the change; classes by the index standardised once more (class value): high below ${n(a)}, medium up to ${n(b)}, low up to ${n(c)}, very low above; dynamics positive below ${n(-result.dynamicsCut)}, negative above ${n(result.dynamicsCut)}. Areas under ${n(result.minPopulation)} inhabitants are not scored.`;
}

/** The footnote of withheld values. */
export function smallNumberNote(result: MonitoringResult, locale: Locale): string {
  return locale === 'de'
    ? `Fallzahlen unter ${result.smallNumberThreshold}: Wert nicht ausgewiesen (Geheimhaltung kleiner Fallzahlen); er geht in den Index ein. Mit ihm sind die z-Werte, Mittelwert, Streuung und Regionswert der Kennzahl sowie Status- und Dynamikindex aller Gebiete nicht ausgewiesen (aus ihnen ließe er sich zurückrechnen); die Klassen sind angegeben.`
    : `Counts below ${result.smallNumberThreshold}: value withheld (small-number protection); it counts in the index. The indicator's z-scores, mean, spread and region value and every area's status and dynamics index are withheld with it (they would give it back); the classes are given.`;
}

/** Stichtag and dynamics period in one line. */
export function periodNote(result: MonitoringResult, locale: Locale): string {
  const date = formatDate(result.period, locale);
  const start = result.dynamicsStart ? formatDate(result.dynamicsStart, locale) : null;
  if (locale === 'de') return `Stichtag ${date}${start ? `; Dynamik seit ${start}` : '; ohne Dynamik'}${result.previousPeriod ? `; Klassenwechsel gegenüber ${formatDate(result.previousPeriod, locale)}` : ''}`;
  return `Reference date ${date}${start ? `; dynamics since ${start}` : '; no dynamics'}${result.previousPeriod ? `; class changes since ${formatDate(result.previousPeriod, locale)}` : ''}`;
}

/**
 * @example monitoringTable(result, '2025-05-03', 'de').columns[0] // 'Schlüssel'
 */
export function monitoringTable(result: MonitoringResult, createdOn: string, locale: Locale): DataTable {
  const de = locale === 'de';
  const columns = [
    de ? 'Schlüssel' : 'Key',
    de ? 'Gebiet' : 'Area',
    de ? 'Einwohner' : 'Population',
    ...result.indicators.flatMap((indicator) => [indicatorLabel(indicator.name[locale], indicator.unit[locale]), `z ${indicator.name[locale]} (${indicator.direction})`]),
    de ? 'Statusindex' : 'Status index',
    de ? 'Klassenwert Status (standardisierter Index)' : 'Class value status (standardised index)',
    de ? 'Statusklasse' : 'Status class',
    de ? 'Dynamikindex' : 'Dynamics index',
    de ? 'Klassenwert Dynamik (standardisierter Index)' : 'Class value dynamics (standardised index)',
    de ? 'Dynamikklasse' : 'Dynamics class',
    de ? 'Statusklasse zuvor' : 'Previous status class',
    de ? 'Einordnung' : 'Assessment',
  ];
  const rows = result.areas.map((area) => [
    area.key,
    area.name,
    area.population,
    // Withheld values, their z-scores and indices come as null from the service (monitoringProtection.ts).
    ...result.indicators.flatMap((indicator) => [rounded(area.values[indicator.id] ?? null, indicator.decimals), rounded(area.z[indicator.id] ?? null, 4)]),
    rounded(area.status, 4),
    rounded(area.statusScore, 4),
    area.statusClass ? STATUS_CLASS_TEXT[area.statusClass][locale] : null,
    rounded(area.dynamics, 4),
    rounded(area.dynamicsScore, 4),
    area.dynamicsClass ? DYNAMICS_CLASS_TEXT[area.dynamicsClass][locale] : null,
    area.previousStatusClass ? STATUS_CLASS_TEXT[area.previousStatusClass][locale] : null,
    area.text[locale],
  ]);
  const alertNotes = result.alerts.map((alert) => {
    const value = alert.smallNumber ? ` = ${de ? 'nicht ausgewiesen' : 'withheld'}` : alert.value === null ? '' : ` = ${formatNumber(alert.value, 2, locale)}`;
    const classes = alert.fromClass && alert.toClass ? ` (${STATUS_CLASS_TEXT[alert.fromClass][locale]} → ${STATUS_CLASS_TEXT[alert.toClass][locale]})` : '';
    return `${de ? 'Auffälligkeit' : 'Alert'}: ${alert.name} – ${alert.ruleText[locale]}${value}${classes}${alert.uncertain ? (de ? ' (beruht auf geschätzten oder synthetischen Werten)' : ' (rests on estimated or synthetic values)') : ''}`;
  });
  const notes = [
    periodNote(result, locale),
    methodNote(result, locale),
    ...result.messages.map((message) => message[locale]),
    ...(result.areas.some((area) => area.smallNumbers.length > 0) || result.alerts.some((alert) => alert.smallNumber) ? [smallNumberNote(result, locale)] : []),
    ...alertNotes,
    ...sourceLines({ dataSources: result.sources, boundarySource: null, schematicBoundaries: result.schematicBoundaries, currentYear: Number(createdOn.slice(0, 4)), locale }),
  ];
  return { columns, rows, notes };
}
