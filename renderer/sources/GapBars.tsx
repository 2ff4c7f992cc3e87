/**
 * The gap per area as horizontal bars around 0 (sorted from the largest shortfall to the largest
 * surplus), coloured like the gap map, the threshold marked on both sides. Click selects the area in the
 * store's one selection, like the map and the table.
 */
import { formatNumber, type Locale } from '../../shared/format/number';

const WIDTH = 440;
const ROW = 16;
const LABEL = 150;
const VALUE = 52;

export interface GapBarsProps {
  areas: readonly { key: string; name: string; gapPercent: number | null; flagged: boolean }[];
  colourOf: (key: string) => string;
  threshold: number;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  caption: string;
  locale: Locale;
}

export function GapBars({ areas, colourOf, threshold, selectedKey, onSelect, caption, locale }: GapBarsProps) {
  const rows = areas.filter((area) => area.gapPercent !== null).sort((a, b) => (a.gapPercent as number) - (b.gapPercent as number));
  const extent = Math.max(threshold, ...rows.map((area) => Math.abs(area.gapPercent as number)), 1);
  const plotLeft = LABEL;
  const plotWidth = WIDTH - LABEL - VALUE;
  const zero = plotLeft + plotWidth / 2;
  const x = (value: number) => zero + (value / extent) * (plotWidth / 2);
  const height = rows.length * ROW + 24;
  return (
    <figure className="analysis-map sources-bars" data-testid="sources-gap-bars">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={caption}>
        {[-threshold, threshold].map((value) => (
          <line key={value} x1={x(value)} x2={x(value)} y1={4} y2={height - 18} stroke="#9aa1ab" strokeDasharray="3 2" />
        ))}
        <line x1={zero} x2={zero} y1={4} y2={height - 18} stroke="#374151" />
        {rows.map((area, index) => {
          const value = area.gapPercent as number;
          const y = 6 + index * ROW;
          const selected = area.key === selectedKey;
          return (
            <g key={area.key} data-key={area.key} onClick={() => onSelect(area.key)} className="sources-bar">
              <text x={LABEL - 6} y={y + 10} textAnchor="end" fontSize={10} fontWeight={selected || area.flagged ? 700 : 400}>
                {area.name}
              </text>
              <rect
                x={Math.min(zero, x(value))}
                y={y + 2}
                width={Math.max(1, Math.abs(x(value) - zero))}
                height={ROW - 5}
                fill={colourOf(area.key)}
                stroke={selected ? '#111827' : '#8a94a3'}
                strokeWidth={selected ? 1.6 : 0.5}
              />
              <text x={WIDTH - 4} y={y + 10} textAnchor="end" fontSize={10} className="tick">
                {`${value > 0 ? '+' : ''}${formatNumber(value, 1, locale)} %`}
              </text>
            </g>
          );
        })}
        {axisTicks(extent, threshold, x, zero).map((value) => (
          <text key={value} x={x(value)} y={height - 6} textAnchor="middle" fontSize={9} className="tick">
            {value === 0 ? '0' : `${value > 0 ? '+' : '−'}${formatNumber(Math.abs(value), 0, locale)} %`}
          </text>
        ))}
      </svg>
    </figure>
  );
}

/** Axis labels: 0, both ends, and the threshold where it does not crowd 0 or an end (30 units apart). */
function axisTicks(extent: number, threshold: number, x: (value: number) => number, zero: number): number[] {
  const ends = [-Math.round(extent), Math.round(extent)];
  const ticks = [ends[0] as number, 0, ends[1] as number];
  for (const value of [-threshold, threshold]) {
    if (Math.abs(x(value) - zero) >= 30 && ends.every((end) => Math.abs(x(value) - x(end)) >= 30)) ticks.push(value);
  }
  return ticks.sort((a, b) => a - b);
}
