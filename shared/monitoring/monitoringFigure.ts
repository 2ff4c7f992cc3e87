/**
 * The committee sheet of a monitoring result ("Ausschussblatt"): the 4 × 3 class map with its
 * two-dimensional legend, the alerts ("Auffälligkeiten") and a field for the planner's local assessment
 * ("Einschätzung vor Ort"), because an index alone does not judge need. Same page conventions as every
 * Kleinraum figure (title, subtitle, sources with Stichtag, "Beispieldaten", north arrow, scale bar): the
 * page and the map are the Analyse figures' (shared/analysis/analysisFigures.ts). SVG here; PNG and PDF
 * are rendered from it by electron/node/export.
 */
import { categoricalMap, page, type AnalysisFigure, type AnalysisFigureContext } from '../analysis/analysisFigures';
import { escapeXml, mm, svgRect, svgText } from '../export/svgElements';
import { wrapText } from '../export/textMetrics';
import { formatDate, formatNumber } from '../format/number';
import { DYNAMICS_CLASSES, STATUS_CLASSES } from './monitoringDefinition';
import { movedIntoWorseClass } from './monitoringIndex';
import { MONITORING_COLOURS, monitoringColour, NO_DATA_COLOUR, NOT_SCORED_COLOUR, STATUS_ONLY_COLOURS } from './monitoringColours';
import { methodNote, periodNote, type MonitoringResult } from './monitoringTable';
import { DYNAMICS_CLASS_TEXT, monitoringTitle, STATUS_CLASS_TEXT, STATUS_DIRECTION_TEXT } from './monitoringTexts';

/** How many alerts the sheet lists; the rest are counted ("und 4 weitere"). */
const MAX_ALERTS = 12;

/**
 * @example monitoringSheetFigure(result, context, 'Lage in Garbsen-Mitte vor Ort geprüft').svg.includes('id="monitoring-map"') // true
 */
export function monitoringSheetFigure(result: MonitoringResult, context: AnalysisFigureContext, assessment: string): AnalysisFigure {
  const { locale } = context;
  const de = locale === 'de';
  const areaByKey = new Map(result.areas.map((area) => [area.key, area]));
  const title = monitoringTitle(result.name, locale);
  const subtitle = `${context.layerTitle} · ${periodNote(result, locale)}`;
  const worse = new Set(result.areas.filter((area) => movedIntoWorseClass(area.statusClass, area.previousStatusClass)).map((area) => area.key));
  return page(context, title, subtitle, result.sources, (frame, scale) => {
    const columnWidth = Math.min(frame.width * 0.42, 120 * scale);
    const mapFrame = { ...frame, width: frame.width - columnWidth - 8 * scale };
    const parts = [
      categoricalMap(
        context,
        (key) => {
          const area = areaByKey.get(key);
          return area ? monitoringColour(area) : NO_DATA_COLOUR;
        },
        mapFrame,
        scale,
        'monitoring-map',
        worse,
      ),
    ];
    const x = frame.x + frame.width - columnWidth;
    let cursor = frame.y;
    // Two-dimensional legend: status down, dynamics across, the number of areas in each cell.
    const headSize = 3 * scale;
    const cellWidth = Math.min(16 * scale, (columnWidth - 22 * scale) / 3);
    const cellHeight = 6 * scale;
    const labelWidth = columnWidth - 3 * cellWidth;
    parts.push('<g id="monitoring-legend">');
    parts.push(svgText(x, cursor + headSize, `${de ? 'Status ↓ / Dynamik →' : 'Status ↓ / dynamics →'}`, { size: headSize, weight: 'semibold' }));
    cursor += headSize * 1.6;
    DYNAMICS_CLASSES.forEach((dynamics, column) => parts.push(svgText(x + labelWidth + (column + 0.5) * cellWidth, cursor + headSize, DYNAMICS_CLASS_TEXT[dynamics][locale], { size: headSize * 0.9, anchor: 'middle' })));
    cursor += headSize * 1.5;
    const counts = new Map<string, number>();
    for (const area of result.areas) if (area.overallClass) counts.set(area.overallClass, (counts.get(area.overallClass) ?? 0) + 1);
    for (const status of STATUS_CLASSES) {
      parts.push(svgText(x, cursor + cellHeight * 0.68, STATUS_CLASS_TEXT[status][locale], { size: headSize * 0.9 }));
      DYNAMICS_CLASSES.forEach((dynamics, column) => {
        const cellX = x + labelWidth + column * cellWidth;
        parts.push(svgRect(cellX, cursor, cellWidth, cellHeight, `fill="${MONITORING_COLOURS[dynamics][status]}" stroke="#ffffff" stroke-width="${mm(0.3 * scale)}"`));
        const count = counts.get(`${status}-${dynamics}`) ?? 0;
        const dark = status === 'sehrNiedrig' || (status === 'niedrig' && dynamics !== 'stabil');
        if (count > 0) parts.push(svgText(cellX + cellWidth / 2, cursor + cellHeight * 0.68, String(count), { size: headSize * 0.9, weight: 'semibold', anchor: 'middle', fill: dark ? '#ffffff' : '#1a1a1a' }));
      });
      cursor += cellHeight;
    }
    cursor += 1.5 * scale;
    for (const line of wrapText(STATUS_DIRECTION_TEXT[locale], headSize * 0.85, columnWidth, 'regular')) {
      parts.push(svgText(x, cursor + 2.6 * scale, line, { size: headSize * 0.85, fill: '#333333' }));
      cursor += headSize * 0.85 * 1.3;
    }
    cursor += 1.5 * scale;
    const notScored = result.areas.filter((area) => !area.scored && area.notScoredReason !== 'noData').length;
    parts.push(svgRect(x, cursor, 5 * scale, 3.2 * scale, `fill="${NOT_SCORED_COLOUR}" stroke="#8c8c8c" stroke-width="${mm(0.15 * scale)}"`));
    const floor = formatNumber(result.minPopulation, 0, locale);
    parts.push(svgText(x + 7 * scale, cursor + 2.6 * scale, `${de ? `nicht bewertet (unter ${floor} Einwohnern)` : `not scored (fewer than ${floor} inhabitants)`} (${notScored})`, { size: headSize * 0.85 }));
    cursor += 6 * scale;
    if (result.previousPeriod) {
      parts.push(`<rect x="${mm(x)}" y="${mm(cursor)}" width="${mm(5 * scale)}" height="${mm(3.2 * scale)}" fill="none" stroke="#111827" stroke-width="${mm(0.4 * scale)}" stroke-dasharray="${mm(1.2 * scale)} ${mm(0.7 * scale)}"/>`);
      const date = formatDate(result.previousPeriod, locale);
      parts.push(svgText(x + 7 * scale, cursor + 2.6 * scale, `${de ? `in schlechtere Statusklasse seit ${date}` : `moved into a worse status class since ${date}`} (${worse.size})`, { size: headSize * 0.85 }));
      cursor += 6 * scale;
    }
    if (result.areas.some((area) => area.statusClass !== null && area.dynamicsClass === null)) {
      parts.push(svgText(x, cursor + 2.6 * scale, de ? 'ohne Dynamik, nur Status:' : 'without dynamics, status only:', { size: headSize * 0.85 }));
      cursor += 4 * scale;
      const swatchWidth = columnWidth / 4;
      STATUS_CLASSES.forEach((status, index) => {
        parts.push(svgRect(x + index * swatchWidth, cursor, 5 * scale, 3.2 * scale, `fill="${STATUS_ONLY_COLOURS[status]}" stroke="#8c8c8c" stroke-width="${mm(0.15 * scale)}"`));
        parts.push(svgText(x + index * swatchWidth + 6 * scale, cursor + 2.6 * scale, STATUS_CLASS_TEXT[status][locale], { size: headSize * 0.8 }));
      });
      cursor += 6 * scale;
    }
    parts.push('</g>');

    const noteSize = 2.4 * scale;
    const writeLines = (text: string, size: number, options: { weight?: 'semibold'; fill?: string } = {}) => {
      for (const line of wrapText(text, size, columnWidth, options.weight ?? 'regular')) {
        cursor += size * 1.3;
        parts.push(svgText(x, cursor, line, { size, ...(options.weight ? { weight: options.weight } : {}), fill: options.fill ?? '#333333' }));
      }
    };
    for (const message of result.messages) writeLines(message[locale], noteSize, { fill: '#7c4a03' });
    // Alerts.
    cursor += 2 * scale;
    parts.push('<g id="monitoring-alerts">');
    writeLines(`${de ? 'Auffälligkeiten' : 'Alerts'} (${result.alerts.length}), ${formatDate(result.period, locale)}`, headSize, { weight: 'semibold', fill: '#1a1a1a' });
    if (result.alerts.length === 0) writeLines(de ? 'Keine nach den gewählten Regeln.' : 'None under the chosen rules.', noteSize);
    for (const alert of result.alerts.slice(0, MAX_ALERTS)) {
      const value = alert.smallNumber ? (de ? ': nicht ausgewiesen' : ': withheld') : alert.value === null ? '' : `: ${formatNumber(alert.value, 1, locale)}`;
      const classes = alert.fromClass && alert.toClass ? ` (${STATUS_CLASS_TEXT[alert.fromClass][locale]} → ${STATUS_CLASS_TEXT[alert.toClass][locale]})` : '';
      writeLines(`• ${alert.name} – ${alert.ruleText[locale]}${value}${classes}${alert.uncertain ? ' *' : ''}`, noteSize);
    }
    if (result.alerts.length > MAX_ALERTS) writeLines(de ? `… und ${result.alerts.length - MAX_ALERTS} weitere (siehe Tabelle)` : `… and ${result.alerts.length - MAX_ALERTS} more (see the table)`, noteSize);
    if (result.alerts.some((alert) => alert.uncertain)) writeLines(de ? '* beruht auf geschätzten oder synthetischen Werten' : '* rests on estimated or synthetic values', noteSize * 0.9);
    parts.push('</g>');
    // The planner's assessment: their text, or a box to write in.
    cursor += 2 * scale;
    parts.push('<g id="monitoring-assessment">');
    writeLines(de ? 'Einschätzung vor Ort' : 'Local assessment', headSize, { weight: 'semibold', fill: '#1a1a1a' });
    const boxTop = cursor + 1.5 * scale;
    const lines = assessment.trim() === '' ? [] : assessment.trim().split(/\n+/).flatMap((paragraph) => wrapText(paragraph, noteSize * 1.05, columnWidth - 3 * scale));
    const boxHeight = Math.max(14 * scale, lines.length * noteSize * 1.4 + 3 * scale);
    parts.push(svgRect(x, boxTop, columnWidth, boxHeight, `fill="none" stroke="#8c8c8c" stroke-width="${mm(0.2 * scale)}"`));
    lines.forEach((line, index) => parts.push(svgText(x + 1.5 * scale, boxTop + 1.5 * scale + (index + 0.8) * noteSize * 1.4, line, { size: noteSize * 1.05, fill: '#1a1a1a' })));
    cursor = boxTop + boxHeight + 2 * scale;
    parts.push('</g>');
    writeLines(methodNote(result, locale), noteSize * 0.9, { fill: '#4d4d4d' });
    return parts.join('') + `<desc>${escapeXml(title)}</desc>`;
  });
}
