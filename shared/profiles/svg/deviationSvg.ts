/**
 * Deviation from the region as a diverging bar chart: one row per area, bars to the right above the region
 * (index > 100, positive points or z-scores), to the left below. Pure: returns an SVG document as text.
 */
import { formatNumber, type Locale } from '../../format/number';
import { localized, translate } from '../../i18n/translate';
import { deviationBaseline, type AreaDeviation, type DeviationMeasure } from '../deviation';
import type { ProfileIndicatorDefinition, ProfileSet } from '../profileTypes';
import { coordinate as c, escapeXml, FONT_FAMILY, PROFILE_COLOURS as colours, shorten } from './svgMarkup';

const MEASURE_LABELS: Record<DeviationMeasure, { de: string; en: string }> = {
  index: { de: 'Index (Region = 100)', en: 'index (region = 100)' },
  percentagePoints: { de: 'Abweichung in Prozentpunkten', en: 'difference in percentage points' },
  zScore: { de: 'z-Wert (Standardabweichungen vom Mittel der Gebiete)', en: 'z-score (standard deviations from the mean of the areas)' },
};

export function measureLabel(measure: DeviationMeasure, locale: Locale): string {
  return MEASURE_LABELS[measure][locale];
}

/**
 * @example deviationSvg(set, indicator, deviations(set.areas, set.region, 'refugeesPer1000', 'index'), 'index', 'de')
 */
export function deviationSvg(set: ProfileSet, indicator: ProfileIndicatorDefinition, rows: readonly AreaDeviation[], measure: DeviationMeasure, locale: Locale, selectedKey: string | null = null): string {
  const width = 760;
  const margin = 20;
  const labelWidth = 170;
  const valueWidth = 70;
  const rowHeight = 18;
  const top = 64;
  const baseline = deviationBaseline(measure);
  const spread = Math.max(1e-9, ...rows.map((row) => (row.deviation === null ? 0 : Math.abs(row.deviation - baseline))));
  const chartLeft = margin + labelWidth;
  const chartWidth = width - chartLeft - valueWidth - margin;
  const zeroX = chartLeft + chartWidth / 2;
  const xOf = (value: number) => zeroX + ((value - baseline) / spread) * (chartWidth / 2);
  const decimals = measure === 'index' ? 0 : 1;
  const parts: string[] = [];
  parts.push(`<text x="${margin}" y="24" font-size="15" font-weight="bold" fill="${colours.text}">${escapeXml(`${localized(indicator.label, locale)}: ${locale === 'de' ? 'Abweichung von der Region' : 'deviation from the region'}`)}</text>`);
  const regionValue = set.region.indicators[indicator.id] ?? null;
  const regionText = regionValue === null ? '' : ` · ${locale === 'de' ? 'Region' : 'region'} ${formatNumber(regionValue, indicator.decimals, locale)} ${localized(indicator.unit, locale)}`;
  parts.push(`<text x="${margin}" y="42" font-size="11" fill="${colours.muted}">${escapeXml(`${measureLabel(measure, locale)}${regionText}`)}</text>`);
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const selected = row.key === selectedKey;
    parts.push(`<g class="kr-deviation-row" data-key="${escapeXml(row.key)}">`);
    if (selected) parts.push(`<rect x="${margin - 4}" y="${c(y - 2)}" width="${width - 2 * margin + 8}" height="${rowHeight}" fill="#fde0ef"/>`);
    parts.push(`<text x="${c(chartLeft - 6)}" y="${c(y + 11)}" font-size="10.5" text-anchor="end" fill="${colours.text}">${escapeXml(shorten(row.name, 30))}</text>`);
    if (row.deviation === null) {
      parts.push(`<text x="${c(zeroX + 4)}" y="${c(y + 11)}" font-size="10" fill="${colours.muted}">${locale === 'de' ? 'keine Angabe' : 'not available'}</text>`);
    } else {
      const x = xOf(row.deviation);
      const fill = row.deviation >= baseline ? colours.positive : colours.negative;
      parts.push(`<rect x="${c(Math.min(x, zeroX))}" y="${c(y + 2)}" width="${c(Math.abs(x - zeroX))}" height="${rowHeight - 5}" fill="${fill}"/>`);
      parts.push(`<text x="${c(width - margin)}" y="${c(y + 11)}" font-size="10.5" text-anchor="end" fill="${colours.text}">${escapeXml(formatNumber(row.deviation, decimals, locale))}</text>`);
    }
    parts.push('</g>');
  });
  const bottom = top + rows.length * rowHeight;
  parts.push(`<line x1="${c(zeroX)}" y1="${top - 4}" x2="${c(zeroX)}" y2="${c(bottom)}" stroke="${colours.text}" stroke-width="0.8"/>`);
  let y = bottom + 22;
  const footer = [localized(set.sourceLine, locale)];
  if (set.synthetic) footer.push(translate(locale, 'badge.synthetic'));
  for (const line of footer) {
    parts.push(`<text x="${margin}" y="${y}" font-size="9.5" fill="${colours.muted}">${escapeXml(line)}</text>`);
    y += 13;
  }
  const height = y + 6;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}"><rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
}
