/**
 * The stock–flow account (Bilanz) as a committee figure, on the same page as the time-series and Analyse
 * figures (title, subtitle with the Stichtage, source lines with "Beispieldaten" where they apply, date;
 * shared/analysis/analysisFigures.ts `page`): one area's account (or the region's) period by period —
 * stock at the start, each flow, stock at the end and the unexplained remainder with its share — with the
 * flagged periods marked, the summary of all areas, the source of every term and the small-number note.
 * Counts below the project's threshold show as "< N"; the remainder is computed from the exact counts.
 */
import { page, type AnalysisFigure, type AnalysisFigureContext } from '../analysis/analysisFigures';
import { mm, svgRect, svgText } from '../export/svgElements';
import { textWidth, wrapText } from '../export/textMetrics';
import { formatDate, formatNumber, type Locale } from '../format/number';
import { localized, translate } from '../i18n/translate';
import type { LocalizedText, Source } from '../model/project';
import { accountNote, accountTermHeading, accountTermWord, accountTerms } from './accountLabels';
import { drawPanel, sharedScale } from './seriesChart';
import { sourceSeries } from '../sources/sourceChoiceLine';
import { accountSourcePeriods } from './sourcePeriods';
import { drawnValue, hasSmallTerm, isSmallCount, smallNumberText } from './smallNumbers';
import { accountSummaryText, accountTermText } from './accountProtection';
import type { SeriesPoint } from './timeSeriesTypes';
import type { AccountArea, AccountPeriod, AccountTerm, StockFlowAccount } from './stockFlowAccount';

export interface BalanceFigureData extends StockFlowAccount {
  layerTitle: LocalizedText;
  variableNames: Record<string, LocalizedText>;
  sources: Source[];
  smallNumberThreshold: number;
}

const FLAG_COLOUR = '#b2182b';
const OK_COLOUR = '#1a7a3a';

/**
 * @example balanceFigure(balance, '03241003', context).svg.includes('id="balance-table"') // true
 */
export function balanceFigure(data: BalanceFigureData, areaKey: string | null, context: AnalysisFigureContext): AnalysisFigure {
  const { locale } = context;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const area: AccountArea = (areaKey === null ? null : data.areas.find((candidate) => candidate.key === areaKey)) ?? data.region;
  const areaName = area.key === 'region' ? t('movement.legend.region') : area.name;
  const stockName = data.variableNames[data.variables.stock];
  const title = `${t('movement.balance.title', { area: areaName })} · ${stockName ? localized(stockName, locale) : data.variables.stock}`;
  const first = area.periods[0]?.previousPeriod ?? data.periods[0] ?? '';
  const last = area.periods.at(-1)?.period ?? '';
  const subtitle = t('movement.balance.figureSubtitle', {
    layer: localized(data.layerTitle, locale),
    from: formatDate(first, locale),
    to: formatDate(last, locale),
    threshold: formatNumber(data.thresholdPercent, 1, locale),
  });
  const threshold = data.smallNumberThreshold;
  return page({ ...context, shownPeriods: accountSourcePeriods(data) }, title, subtitle, data.sources, (frame, scale) => {
    const size = 3.1 * scale;
    const parts: string[] = [];
    let cursor = frame.y;
    // Summary of all areas first: which accounts do not close.
    cursor = drawSummary(parts, data, undefined, frame, cursor, size, locale);

    // The table: Zeitraum | Bestand am Anfang | ± flows | = Bestand am Ende | Rest | in % des Bestands.
    const table = drawAccountTable(data, area.periods.map((period) => ({ label: `${period.previousPeriod.slice(0, 4)}–${period.period.slice(0, 4)}`, period })), {
      frame,
      top: cursor,
      bottom: frame.y + frame.height - size * 1.35 * 6,
      size,
      scale,
      firstHeader: t('movement.balance.period'),
      firstWidth: Math.max(textWidth('2099–2099', size) + size * 1.5, frame.width * 0.12),
      locale,
    });
    parts.push(table.svg);
    cursor = table.bottom;
    const anySmall = table.anySmall;

    // Notes: the identity, where each term came from, small numbers.
    const notes = accountFigureNotes(data, area.periods, anySmall, locale);
    const noteLines = notes.flatMap((note) => wrapText(note, size * 0.85, frame.width));
    const notesTop = frame.y + frame.height - noteLines.length * size * 1.2 - size * 0.4;
    // Where room is left: the stock at every Stichtag, drawn by the time-series engine (small counts as "< N").
    const chartTop = cursor + size * 1.5;
    if (notesTop - chartTop > 30 * scale && area.periods.length > 0) {
      const stichtage = [area.periods[0]!.previousPeriod, ...area.periods.map((period) => period.period)];
      const stocks = [area.periods[0]!.stockStart, ...area.periods.map((period) => period.stockEnd)];
      const points: SeriesPoint[] = stichtage.map((period, index) => {
        const term = stocks[index] as AccountTerm;
        return { period, value: term.value, sourceId: term.sourceId, quality: term.quality, smallNumber: isSmallCount(term.value, threshold), projected: false };
      });
      const chart = { x: frame.x, y: chartTop, width: Math.min(frame.width, 170 * scale), height: notesTop - chartTop - size };
      parts.push('<g id="balance-stock-chart">');
      parts.push(
        drawPanel(chart, {
          title: `${t('movement.balance.stockChart')}: ${stockName ? localized(stockName, locale) : data.variables.stock}`,
          points,
          region: null,
          periods: stichtage,
          scale: sharedScale([points.map(drawnValue)]),
          fontSize: size * 0.9,
          detailed: true,
          decimals: 1,
          locale,
          lineWidth: 0.5 * scale,
          smallNumberLabel: smallNumberText(threshold, locale),
          sourceChangeLabel: t('movement.sourceChange.label'),
          sourceSeries: sourceSeries(data.sources),
        }),
      );
      parts.push('</g>');
    }
    parts.push('<g id="balance-notes">');
    noteLines.forEach((line, index) => parts.push(svgText(frame.x, notesTop + (index + 0.9) * size * 1.2, line, { size: size * 0.85, fill: '#333333' })));
    parts.push('</g>');
    return parts.join('');
  });
}

/**
 * Every area's account for one period (the last by default), with the region below: which municipalities'
 * counts do not add up between two Stichtage, on one page for the committee. Rows in the layer's order, the
 * flagged ones marked. Where a layer has more areas than the page holds, the flagged areas are shown and a
 * note says how many more close and where they stand (the CSV/XLSX of the account).
 * @example balanceOverviewFigure(balance, '2024-12-31', context).svg.includes('id="balance-table"') // true
 */
export function balanceOverviewFigure(data: BalanceFigureData, period: string | null, context: AnalysisFigureContext): AnalysisFigure {
  const { locale } = context;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const index = Math.max(0, period === null ? data.periods.length - 1 : data.periods.indexOf(period));
  const at = (area: AccountArea) => area.periods[index];
  const regionPeriod = at(data.region);
  const stockName = data.variableNames[data.variables.stock];
  const from = regionPeriod ? formatDate(regionPeriod.previousPeriod, locale) : '';
  const to = regionPeriod ? formatDate(regionPeriod.period, locale) : '';
  const title = `${t('movement.balance.overviewTitle', { from, to })} · ${stockName ? localized(stockName, locale) : data.variables.stock}`;
  const subtitle = t('movement.balance.figureSubtitle', { layer: localized(data.layerTitle, locale), from, to, threshold: formatNumber(data.thresholdPercent, 1, locale) });
  // Only this period's Stichtage and sources stand in the footer.
  const shown = { areas: [...data.areas, data.region].map((area) => ({ ...area, periods: area.periods.slice(index, index + 1) })) };
  return page({ ...context, shownPeriods: accountSourcePeriods(shown) }, title, subtitle, data.sources, (frame, scale) => {
    const parts: string[] = [];
    const size = 3.1 * scale;
    let cursor = drawSummary(parts, data, index, frame, frame.y, size, locale);
    const areaRows = data.areas.flatMap((area) => {
      const areaPeriod = at(area);
      return areaPeriod ? [{ label: area.name, period: areaPeriod }] : [];
    });
    const regionRow = regionPeriod ? [{ label: t('movement.legend.region'), period: regionPeriod, total: true }] : [];
    const notesReserve = size * 1.35 * 7;
    const firstWidth = Math.min(frame.width * 0.3, Math.max(frame.width * 0.16, ...areaRows.map((row) => textWidth(row.label, size) + size * 1.2)));
    // Rows at the smallest legible height: what the page holds; beyond that the flagged areas only.
    const headerReserve = size * 1.1 * 3 + size * 0.6;
    const capacity = Math.floor((frame.y + frame.height - notesReserve - cursor - headerReserve) / (size * 1.3)) - regionRow.length;
    const flaggedRows = areaRows.filter((row) => row.period.flagged);
    const rows = areaRows.length <= capacity ? areaRows : flaggedRows.slice(0, Math.max(0, capacity));
    const left = areaRows.length - rows.length;
    const more = left === 0 ? [] : rows.length < flaggedRows.length ? [t('movement.balance.overviewMoreFlagged', { shown: rows.length, flagged: flaggedRows.length })] : [t('movement.balance.overviewMore', { count: left })];
    const table = drawAccountTable(data, [...rows, ...regionRow], { frame, top: cursor, bottom: frame.y + frame.height - notesReserve, size, scale, firstHeader: t('movement.column.name'), firstWidth, locale });
    parts.push(table.svg);
    cursor = table.bottom;
    const notes = [
      ...more,
      ...accountFigureNotes(data, [...rows, ...regionRow].map((row) => row.period), table.anySmall, locale),
    ];
    const noteLines = notes.flatMap((note) => wrapText(note, size * 0.85, frame.width));
    const notesTop = Math.max(cursor + size, frame.y + frame.height - noteLines.length * size * 1.2 - size * 0.4);
    parts.push('<g id="balance-notes">');
    noteLines.forEach((line, lineIndex) => parts.push(svgText(frame.x, notesTop + (lineIndex + 0.9) * size * 1.2, line, { size: size * 0.85, fill: '#333333' })));
    parts.push('</g>');
    return parts.join('');
  });
}

/** "Die Bilanz geht in allen 21 Gebieten auf …" or the flagged areas by name, in green or red; returns the new cursor. */
function drawSummary(parts: string[], data: BalanceFigureData, periodIndex: number | undefined, frame: { x: number; width: number }, top: number, size: number, locale: Locale): number {
  const { text: summary, flagged } = accountSummaryText(data, locale, periodIndex);
  let cursor = top;
  for (const line of wrapText(summary, size, frame.width, 'semibold')) {
    cursor += size * 1.3;
    parts.push(svgText(frame.x, cursor, line, { size, weight: 'semibold', fill: flagged.length === 0 ? OK_COLOUR : FLAG_COLOUR }, ' class="balance-summary"'));
  }
  return cursor + size * 1.2;
}

/** The notes under an account: its equation, the source of every term, the small-number rule where it applied. */
function accountFigureNotes(data: BalanceFigureData, periods: readonly AccountPeriod[], anySmall: boolean, locale: Locale): string[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  // Each term's sources by name; areas without a value have none and add no "–" to the list.
  const namesOf = (ids: readonly (string | null | undefined)[]) => {
    const named = [...new Set(ids.filter((id): id is string => id !== null && id !== undefined))];
    return named.length === 0 ? '–' : named.map((id) => data.sources.find((source) => source.id === id)?.name ?? id).join('; ');
  };
  const termSources = [
    `${t('movement.balance.variable')}: ${namesOf(periods.flatMap((period) => [period.stockStart.sourceId, period.stockEnd.sourceId]))}`,
    ...accountTerms(data).map((term) => `${accountTermWord(term, data.variableNames[data.variables.flows[term]!], locale)}: ${namesOf(periods.map((period) => period.flows[term]?.sourceId))}`),
  ];
  const threshold = data.smallNumberThreshold;
  return [
    accountNote(data, locale),
    `${t('movement.balance.source')} – ${termSources.join(' · ')}${periods.some((period) => period.sourceChanged) ? ` · ${t('movement.balance.sourceChanged')}` : ''}`,
    ...(periods.some((period) => period.flagged) ? [t('movement.balance.flaggedNote')] : []),
    ...(anySmall ? [t('movement.smallNumbers.account', { threshold, label: smallNumberText(threshold, locale) })] : []),
  ];
}

interface AccountTableRow {
  label: string;
  period: AccountPeriod;
  /** The region's row: set off by a rule above it, in semibold. */
  total?: boolean;
}

interface AccountTableLayout {
  frame: { x: number; y: number; width: number; height: number };
  top: number;
  /** Lowest the table may reach (notes below). */
  bottom: number;
  size: number;
  scale: number;
  firstHeader: string;
  firstWidth: number;
  locale: Locale;
}

/**
 * The account's table: label | Bestand am Anfang | ± terms | = Bestand am Ende | Rest | in % des Bestands,
 * small counts as "< N", a withheld remainder as "geschützt", flagged rows in red on pink.
 */
function drawAccountTable(data: BalanceFigureData, rows: readonly AccountTableRow[], layout: AccountTableLayout): { svg: string; bottom: number; anySmall: boolean } {
  const { frame, size, scale, locale, firstWidth } = layout;
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const terms = accountTerms(data);
  const threshold = data.smallNumberThreshold;
  const headers = [layout.firstHeader, t('movement.balance.stockStart'), ...terms.map((term) => accountTermHeading(data, term, locale)), t('movement.balance.stockEnd'), t('movement.balance.residual'), t('movement.balance.residualPercent')];
  const otherWidth = (frame.width - firstWidth) / (headers.length - 1);
  const columnX = headers.map((_, index) => (index === 0 ? frame.x : frame.x + firstWidth + (index - 1) * otherWidth));
  const headerLines = headers.map((header, index) => wrapText(header, size * 0.9, (index === 0 ? firstWidth : otherWidth) - size * 0.8, 'semibold'));
  const headerHeight = Math.max(...headerLines.map((lines) => lines.length)) * size * 1.1 + size * 0.6;
  const rowHeight = Math.min(size * 1.9, Math.max(size * 1.3, (layout.bottom - layout.top - headerHeight) / Math.max(1, rows.length)));
  const parts: string[] = ['<g id="balance-table">'];
  let cursor = layout.top;
  headerLines.forEach((lines, index) => {
    const anchorRight = index > 0;
    const x = anchorRight ? columnX[index]! + (index === 0 ? firstWidth : otherWidth) - size * 0.4 : columnX[index]! + size * 0.2;
    const top = cursor + headerHeight - lines.length * size * 1.1 - size * 0.2;
    lines.forEach((line, lineIndex) => parts.push(svgText(x, top + (lineIndex + 0.85) * size * 1.1, line, { size: size * 0.9, weight: 'semibold', anchor: anchorRight ? 'end' : 'start' })));
  });
  cursor += headerHeight;
  parts.push(`<line x1="${mm(frame.x)}" y1="${mm(cursor)}" x2="${mm(frame.x + frame.width)}" y2="${mm(cursor)}" stroke="#4d4d4d" stroke-width="${mm(0.25 * scale)}"/>`);
  const cell = (term: AccountTerm | undefined) => accountTermText(term, threshold, locale);
  let anySmall = false;
  for (const row of rows) {
    const { period } = row;
    if (row.total) parts.push(`<line x1="${mm(frame.x)}" y1="${mm(cursor)}" x2="${mm(frame.x + frame.width)}" y2="${mm(cursor)}" stroke="#4d4d4d" stroke-width="${mm(0.25 * scale)}"/>`);
    const values = [
      row.label,
      cell(period.stockStart),
      ...terms.map((term) => cell(period.flows[term])),
      cell(period.stockEnd),
      period.remainderWithheld ? t('movement.balance.withheld') : period.residual === null ? '–' : formatNumber(period.residual, 0, locale),
      period.remainderWithheld ? '' : period.complete ? (period.residualPercent === null ? '–' : `${formatNumber(period.residualPercent, 1, locale)} %`) : t('movement.balance.incomplete'),
    ];
    anySmall ||= hasSmallTerm(period, threshold) || period.remainderWithheld;
    if (period.flagged) parts.push(svgRect(frame.x, cursor, frame.width, rowHeight, `class="balance-flagged-row" fill="#fbe3e4"`));
    values.forEach((value, index) => {
      const residualColumn = index >= values.length - 2;
      const x = index === 0 ? columnX[0]! + size * 0.2 : columnX[index]! + otherWidth - size * 0.4;
      // Only a flagged remainder is set in semibold (and red): in a grey print it still stands out.
      const emphasis = residualColumn && period.flagged ? { fill: FLAG_COLOUR, weight: 'semibold' as const } : row.total ? { weight: 'semibold' as const } : {};
      // A long area name is cut to its column rather than running into the numbers.
      const text = index === 0 ? fitToWidth(value, size, firstWidth - size * 0.6) : value;
      parts.push(svgText(x, cursor + rowHeight * 0.5 + size * 0.35, text, { size, anchor: index === 0 ? ('start' as const) : ('end' as const), ...emphasis }));
    });
    cursor += rowHeight;
    parts.push(`<line x1="${mm(frame.x)}" y1="${mm(cursor)}" x2="${mm(frame.x + frame.width)}" y2="${mm(cursor)}" stroke="#e0e0e0" stroke-width="${mm(0.15 * scale)}"/>`);
  }
  parts.push('</g>');
  return { svg: parts.join(''), bottom: cursor, anySmall };
}

/** The text, shortened with "…" until it fits the width. */
function fitToWidth(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  let shortened = text;
  while (shortened.length > 1 && textWidth(`${shortened}…`, size) > width) shortened = shortened.slice(0, -1);
  return `${shortened.trimEnd()}…`;
}
