/**
 * The gap per area as a small SVG choropleth (d3-geo), so that two scenarios can stand side by side
 * without two WebGL maps. Fill = gap in % of demand (gapColours.ts); every path carries data-key and
 * data-gap for tests and screen readers.
 */
import { rewind } from '@turf/turf';
import { geoMercator, geoPath } from 'd3-geo';
import { useMemo } from 'react';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { formatNumber } from '../../shared/format/number';
import { useLocale, useT } from '../AppContext';
import { GAP_CLASS_LIMITS, GAP_COLOURS, gapColour, UNKNOWN_GAP_COLOUR } from './gapColours';

export interface AreaGap {
  key: string;
  name: string;
  gap: number | null;
  gapPercent: number | null;
}

const WIDTH = 420;
const HEIGHT = 360;

export function GapMap({ features, gaps, title, testId }: { features: FeatureCollectionDto; gaps: Map<string, AreaGap>; title: string; testId: string }) {
  const t = useT();
  const locale = useLocale();
  const paths = useMemo(() => {
    // d3-geo reads counter-clockwise rings (RFC 7946) as "the globe minus the shape": rewind to clockwise.
    const rewound = rewind(features as unknown as GeoJSON.FeatureCollection, { reverse: true }) as GeoJSON.FeatureCollection;
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], rewound);
    const path = geoPath(projection);
    return rewound.features.map((feature) => ({ key: String((feature.properties as { key: string }).key), d: path(feature) ?? '' }));
  }, [features]);
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
      </svg>
      <ul className="planning-legend">
        {GAP_COLOURS.map((colour, index) => {
          const from = index === 0 ? null : GAP_CLASS_LIMITS[index - 1]!;
          const to = index === GAP_COLOURS.length - 1 ? null : GAP_CLASS_LIMITS[index]!;
          const label = from === null ? `< ${to} %` : to === null ? `≥ ${from} %` : `${from} … ${to} %`;
          return (
            <li key={colour}>
              <span className="swatch" style={{ background: colour }} /> {label}
            </li>
          );
        })}
        <li>
          <span className="swatch" style={{ background: UNKNOWN_GAP_COLOUR }} /> {t('planning.legend.unknown')}
        </li>
        <li className="planning-legend-note">
          {t('planning.legend.spare')} ← → {t('planning.legend.shortage')}
        </li>
      </ul>
    </figure>
  );
}
