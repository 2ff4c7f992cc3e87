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
import { formatDate, formatNumber } from '../format/number';
import { localized, translate } from '../i18n/translate';
import type { LocalizedText, Source } from '../model/project';
import { FLOW_TERMS } from './accountVariables';
import { accountNote, accountTermHeading, accountTermWord } from './accountLabels';
import { drawPanel, sharedScale } from './seriesChart';
import { sourceSeries } from '../sources/sourceChoiceLine';
import { accountSourcePeriods } from './sourcePeriods';
import { drawnValue, isSmallCount, protectedCount, smallNumberText } from './smallNumbers';
import type { SeriesPoint } from './timeSeriesTypes';
import type { AccountArea, AccountTerm, StockFlowAccount } from './stockFlowAccount';

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
  const terms = FLOW_TERMS.filter((term) => data.variables.flows[term] !== undefined);
  const threshold = data.smallNumberThreshold;
  return page({ ...context, shownPeriods: accountSourcePeriods(data) }, title, subtitle, data.sources, (frame, scale) => {
    const size = 3.1 * scale;
    const parts: string[] = [];
    let cursor = frame.y;
    // Summary of all areas first: which accounts do not close.
    const flagged = data.areas.filter((candidate) => candidate.flagged);
    const summary =
      flagged.length === 0
        ? t('movement.balance.closes', { count: data.areas.length, threshold: formatNumber(data.thresholdPercent, 1, locale) })
        : t('movement.balance.open', { count: flagged.length, total: data.areas.length, threshold: formatNumber(data.thresholdPercent, 1, locale), names: flagged.map((candidate) => candidate.name).join(', ') });
    for (const line of wrapText(summary, size, frame.width, 'semibold')) {
      cursor += size * 1.3;
      parts.push(svgText(frame.x, cursor, line, { size, weight: 'semibold', fill: flagged.length === 0 ? OK_COLOUR : FLAG_COLOUR }, ' class="balance-summary"'));
    }
    cursor += size * 1.2;

    // The table: Zeitraum | Bestand am Anfang | ± flows | = Bestand am Ende | Rest | in % des Bestands.
    const headers = [t('movement.balance.period'), t('movement.balance.stockStart'), ...terms.map((term) => accountTermHeading(data, term, locale)), t('movement.balance.stockEnd'), t('movement.balance.residual'), t('movement.balance.residualPercent')];
    const firstWidth = Math.max(textWidth('2099–2099', size) + size * 1.5, frame.width * 0.12);
    const otherWidth = (frame.width - firstWidth) / (headers.length - 1);
    const columnX = headers.map((_, index) => (index === 0 ? frame.x : frame.x + firstWidth + (index - 1) * otherWidth));
    const headerLines = headers.map((header, index) => wrapText(header, size * 0.9, (index === 0 ? firstWidth : otherWidth) - size * 0.8, 'semibold'));
    const headerHeight = Math.max(...headerLines.map((lines) => lines.length)) * size * 1.1 + size * 0.6;
    const notesReserve = size * 1.35 * 6;
    const rowHeight = Math.min(size * 1.9, Math.max(size * 1.3, (frame.y + frame.height - notesReserve - cursor - headerHeight) / Math.max(1, area.periods.length)));
    parts.push('<g id="balance-table">');
    headerLines.forEach((lines, index) => {
      const anchorRight = index > 0;
      const x = anchorRight ? columnX[index]! + (index === 0 ? firstWidth : otherWidth) - size * 0.4 : columnX[index]! + size * 0.2;
      const top = cursor + headerHeight - lines.length * size * 1.1 - size * 0.2;
      lines.forEach((line, lineIndex) => parts.push(svgText(x, top + (lineIndex + 0.85) * size * 1.1, line, { size: size * 0.9, weight: 'semibold', anchor: anchorRight ? 'end' : 'start' })));
    });
    cursor += headerHeight;
    parts.push(`<line x1="${mm(frame.x)}" y1="${mm(cursor)}" x2="${mm(frame.x + frame.width)}" y2="${mm(cursor)}" stroke="#4d4d4d" stroke-width="${mm(0.25 * scale)}"/>`);
    const cell = (term: AccountTerm | undefined) => protectedCount(term?.value ?? null, threshold, locale);
    let anySmall = false;
    for (const period of area.periods) {
      const values = [
        `${period.previousPeriod.slice(0, 4)}–${period.period.slice(0, 4)}`,
        cell(period.stockStart),
        ...terms.map((term) => cell(period.flows[term])),
        cell(period.stockEnd),
        period.remainderWithheld ? t('movement.balance.remainderWithheld') : period.residual === null ? '–' : formatNumber(period.residual, 0, locale),
        period.remainderWithheld ? '' : period.complete ? (period.residualPercent === null ? '–' : `${formatNumber(period.residualPercent, 1, locale)} %`) : t('movement.balance.incomplete'),
      ];
      anySmall ||= [period.stockStart, period.stockEnd, ...terms.map((term) => period.flows[term])].some((term) => isSmallCount(term?.value ?? null, threshold));
      if (period.flagged) parts.push(svgRect(frame.x, cursor, frame.width, rowHeight, `class="balance-flagged-row" fill="#fbe3e4"`));
      values.forEach((value, index) => {
        const residualColumn = index >= values.length - 2;
        const x = index === 0 ? columnX[0]! + size * 0.2 : columnX[index]! + otherWidth - size * 0.4;
        const style = { size, anchor: index === 0 ? ('start' as const) : ('end' as const), ...(residualColumn && period.flagged ? { fill: FLAG_COLOUR, weight: 'semibold' as const } : residualColumn ? { weight: 'semibold' as const } : {}) };
        parts.push(svgText(x, cursor + rowHeight * 0.5 + size * 0.35, value, style));
      });
      cursor += rowHeight;
      parts.push(`<line x1="${mm(frame.x)}" y1="${mm(cursor)}" x2="${mm(frame.x + frame.width)}" y2="${mm(cursor)}" stroke="#e0e0e0" stroke-width="${mm(0.15 * scale)}"/>`);
    }
    parts.push('</g>');

    // Notes: the identity, where each term came from, small numbers.
    const sourceName = (id: string | null) => (id === null ? '–' : (data.sources.find((source) => source.id === id)?.name ?? id));
    const termSources = [
      `${t('movement.balance.variable')}: ${[...new Set(area.periods.flatMap((period) => [period.stockStart.sourceId, period.stockEnd.sourceId]))].map(sourceName).join('; ')}`,
      ...terms.map((term) => `${accountTermWord(term, data.variableNames[data.variables.flows[term]!], locale)}: ${[...new Set(area.periods.map((period) => period.flows[term]?.sourceId ?? null))].map(sourceName).join('; ')}`),
    ];
    const notes = [
      accountNote(data, locale),
      `${t('movement.balance.source')} – ${termSources.join(' · ')}${area.periods.some((period) => period.sourceChanged) ? ` · ${t('movement.balance.sourceChanged')}` : ''}`,
      ...(anySmall ? [t('movement.smallNumbers.account', { threshold, label: smallNumberText(threshold, locale) })] : []),
    ];
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
