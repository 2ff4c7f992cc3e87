/**
 * The gap per area as a small SVG choropleth (d3-geo), so that two scenarios can stand side by side
 * without two WebGL maps. Fill = gap in % of demand (gapColours.ts); every path carries data-key and
 * data-gap for tests and screen readers. Areas are named (the shared label placement of the main map and
 * the printed figure), facilities with coordinates are drawn as points, and a note under the map says
 * what the figure rests on (a projection, synthetic supply).
 */
import { useMemo } from 'react';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { formatNumber } from '../../shared/format/number';
import { useLocale, useT } from '../AppContext';
import { svgAreaMap } from '../map/svgAreaMap';
import { SvgAreaLabels, useSvgLabelFont } from '../map/SvgAreaLabels';
import { GAP_CLASS_LIMITS, GAP_COLOURS, gapColour, UNKNOWN_GAP_COLOUR } from './gapColours';

export interface AreaGap {
  key: string;
  name: string;
  gap: number | null;
  gapPercent: number | null;
}

/** A facility to draw: its name and position. */
export interface FacilityPoint {
  id: string;
  name: string;
  longitude: number;
  latitude: number;
}

const WIDTH = 420;
const HEIGHT = 360;

export function GapMap({
  features,
  gaps,
  title,
  testId,
  facilities = [],
  note = null,
}: {
  features: FeatureCollectionDto;
  gaps: Map<string, AreaGap>;
  title: string;
  testId: string;
  facilities?: readonly FacilityPoint[];
  note?: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const fontLoaded = useSvgLabelFont();
  const { paths, labels, points } = useMemo(() => {
    // Names keep clear of the facility dots (radius 2,6 and the white ring): a dot on "Wedemark" hid letters.
    const map = svgAreaMap(features, WIDTH, HEIGHT, { labels: true, points: { positions: facilities.map((facility) => [facility.longitude, facility.latitude] as [number, number]), radius: 3.4 } });
    const facilityPoints = facilities.flatMap((facility) => {
      const point = map.project([facility.longitude, facility.latitude]);
      return point ? [{ ...facility, x: point[0], y: point[1] }] : [];
    });
    return { paths: map.shapes, labels: map.labels, points: facilityPoints };
  }, [features, facilities, fontLoaded]);
  return (
    <figure className="planning-map" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {paths.map(({ key, d }) => {
          const gap = gaps.get(key);
          const percent = gap?.gapPercent ?? null;
          return (
            <path key={key} d={d} fill={gapColour(percent)} stroke="#7b8794" strokeWidth={0.6} data-key={key} data-gap={gap?.gap ?? ''}>
              <title>{`${gap?.name ?? key}: ${gap?.gap === null || gap === undefined ? t('planning.legend.unknown') : `${formatNumber(gap.gap, 0, locale)} (${percent === null ? '–' : `${formatNumber(percent, 1, locale)} %`})`}`}</title>
            </path>
          );
        })}
        <g className="planning-map-facilities" data-testid={`${testId}-facilities`}>
          {points.map((point) => (
            <circle key={point.id} cx={point.x} cy={point.y} r={2.6} fill="#111827" stroke="#fff" strokeWidth={0.8} data-facility={point.id}>
              <title>{point.name}</title>
            </circle>
          ))}
        </g>
        <SvgAreaLabels labels={labels} testId={`${testId}-labels`} />
      </svg>
      <ul className="planning-legend">
        {GAP_COLOURS.map((colour, index) => {
          const from = index === 0 ? null : GAP_CLASS_LIMITS[index - 1]!;
          const to = index === GAP_COLOURS.length - 1 ? null : GAP_CLASS_LIMITS[index]!;
          const label = from === null ? `< ${formatNumber(to!, 0, locale)} %` : to === null ? `≥ ${formatNumber(from, 0, locale)} %` : `${formatNumber(from, 0, locale)} … ${formatNumber(to, 0, locale)} %`;
          return (
            <li key={colour}>
              <span className="swatch" style={{ background: colour }} /> {label}
            </li>
          );
        })}
        <li>
          <span className="swatch" style={{ background: UNKNOWN_GAP_COLOUR }} /> {t('planning.legend.unknown')}
        </li>
        {points.length > 0 && (
          <li>
            <span className="planning-legend-point" aria-hidden="true" /> {t('planning.legend.facility', { count: points.length })}
          </li>
        )}
        <li className="planning-legend-note">
          {t('planning.legend.spare')} ← → {t('planning.legend.shortage')}
        </li>
      </ul>
      {note && (
        <p className="planning-map-note" data-testid={`${testId}-note`}>
          {note}
        </p>
      )}
    </figure>
  );
}
