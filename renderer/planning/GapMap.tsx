/**
 * The gap per area as a small SVG choropleth (d3-geo), so that two scenarios can stand side by side
 * without two WebGL maps. Fill = gap in % of demand (gapColours.ts); every path carries data-key and
 * data-gap for tests and screen readers. Areas are named (the shared label placement of the main map and
 * the printed figure), facilities with coordinates are drawn as points, and a note under the map says
 * what the figure rests on (a projection, synthetic supply).
 */
import { rewind } from '@turf/rewind';
import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { formatNumber } from '../../shared/format/number';
import { labelAnchors, leaderEnd, placeLabels } from '../../shared/labels/labelPlacement';
import { useLocale, useT } from '../AppContext';
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
const LABEL_FONT_SIZE = 9;
// Average advance of Noto Sans at 1 px font size (semibold), for the label boxes.
const CHARACTER_WIDTH = 0.56;

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
  const { paths, labels, points } = useMemo(() => {
    // d3-geo reads counter-clockwise rings (RFC 7946) as "the globe minus the shape": rewind to clockwise.
    const rewound = rewind(features as unknown as GeoJSON.FeatureCollection, { reverse: true }) as GeoJSON.FeatureCollection;
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], rewound);
    const path = geoPath(projection);
    const shapes = rewound.features.map((feature) => ({ key: String((feature.properties as { key: string }).key), d: path(feature) ?? '' }));
    // Labels: the main map's placement (pole of inaccessibility, smaller font or leader line where crowded).
    const anchors = labelAnchors(
      features.features
        .filter((feature) => feature.geometry.type === 'Polygon' || feature.geometry.type === 'MultiPolygon')
        .map((feature) => ({ key: String(feature.properties.key), name: String(feature.properties['name'] ?? feature.properties.key), geometry: feature.geometry as unknown as Polygon | MultiPolygon })),
    );
    const nameOf = new Map(anchors.map((anchor) => [anchor.key, anchor.name]));
    const candidates = anchors.flatMap((anchor) => {
      const pole = anchor.pole();
      const point = projection(pole.lngLat);
      if (!point) return [];
      const [px, py] = projection([pole.lngLat[0], pole.lngLat[1] + pole.roomDegrees]) ?? point;
      return [{ key: anchor.key, x: point[0], y: point[1], width: anchor.name.length * LABEL_FONT_SIZE * CHARACTER_WIDTH, height: LABEL_FONT_SIZE * 1.2, room: Math.hypot(px - point[0], py - point[1]), priority: anchor.areaSquareKilometres }];
    });
    const placed = placeLabels(candidates, { frame: { x: 0, y: 0, width: WIDTH, height: HEIGHT }, labelEveryArea: true, padding: 1 });
    const sizeOf = new Map(candidates.map((candidate) => [candidate.key, candidate]));
    const shownLabels = placed.map((label) => {
      const size = sizeOf.get(label.key)!;
      const end = label.leader ? leaderEnd(label, size.width * label.scale, size.height * label.scale, label.leader) : null;
      return { ...label, name: nameOf.get(label.key) ?? label.key, end };
    });
    const facilityPoints = facilities.flatMap((facility) => {
      const point = projection([facility.longitude, facility.latitude]);
      return point ? [{ ...facility, x: point[0], y: point[1] }] : [];
    });
    return { paths: shapes, labels: shownLabels, points: facilityPoints };
  }, [features, facilities]);
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
        <g className="planning-map-labels" data-testid={`${testId}-labels`}>
          {labels.map((label) =>
            label.leader && label.end ? <line key={`${label.key}-leader`} x1={label.end.x} y1={label.end.y} x2={label.leader.x} y2={label.leader.y} stroke="#111827" strokeWidth={0.6} /> : null,
          )}
          {labels.map((label) => (
            <text key={label.key} x={label.x} y={label.y} fontSize={LABEL_FONT_SIZE * label.scale} textAnchor="middle" dominantBaseline="central" data-key={label.key}>
              {label.name}
            </text>
          ))}
        </g>
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
