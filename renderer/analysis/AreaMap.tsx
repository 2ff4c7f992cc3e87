/**
 * A small SVG map of the shown layer (d3-geo), coloured per area key, for the Analyse tab's cluster,
 * significance and rate maps: several maps side by side without several WebGL maps. Click selects the area
 * in the one store selection (so the Karte tab, table and details follow); the selected area and brushed
 * areas are outlined, and the areas are named as on the main map (svgAreaMap.ts). Every path carries
 * data-key and data-fill for tests and screen readers.
 */
import { useMemo } from 'react';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { useApp, useKleinraum } from '../AppContext';
import { svgAreaMap } from '../map/svgAreaMap';
import { SvgAreaLabels, useSvgLabelFont } from '../map/SvgAreaLabels';

const WIDTH = 420;
const HEIGHT = 340;

export interface LegendRow {
  colour: string;
  label: string;
  count?: number;
}

export interface AreaMapProps {
  features: FeatureCollectionDto;
  fillOf: (key: string) => string;
  titleOf: (key: string, name: string) => string;
  caption: string;
  legend: readonly LegendRow[];
  testId: string;
  /** Areas outlined dashed on top of the others (Monitoring: moved into a worse class). */
  emphasised?: ReadonlySet<string>;
  /** Name the areas (default). Off for thumbnails, where names would shrink below legibility. */
  labels?: boolean;
}

const NONE: ReadonlySet<string> = new Set();

export function AreaMap({ features, fillOf, titleOf, caption, legend, testId, emphasised = NONE, labels: named = true }: AreaMapProps) {
  const { store } = useApp();
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const brushedKeys = useKleinraum((state) => state.brushedKeys);
  const fontLoaded = useSvgLabelFont();
  const { shapes: paths, labels } = useMemo(() => svgAreaMap(features, WIDTH, HEIGHT, { labels: named }), [features, named, fontLoaded]);
  const brushed = new Set(brushedKeys);
  // Marked areas are drawn last, so their outline lies on top of the neighbours'.
  const ordered = [...paths].sort((a, b) => Number(a.key === selectedKey || brushed.has(a.key)) - Number(b.key === selectedKey || brushed.has(b.key)));
  return (
    <figure className="analysis-map" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={caption}>
        {ordered.map(({ key, name, d }) => {
          const fill = fillOf(key);
          const marked = key === selectedKey ? 'selected' : brushed.has(key) ? 'brushed' : undefined;
          return (
            <path
              key={key}
              d={d}
              fill={fill}
              stroke={marked ? '#111827' : '#8a94a3'}
              strokeWidth={marked === 'selected' ? 2.6 : marked === 'brushed' ? 1.8 : 0.6}
              data-key={key}
              data-fill={fill}
              data-marked={marked}
              onClick={() => store.getState().selectArea(key)}
              onMouseEnter={() => store.getState().hoverArea(key)}
              onMouseLeave={() => store.getState().hoverArea(null)}
            >
              <title>{titleOf(key, name)}</title>
            </path>
          );
        })}
        {paths
          .filter(({ key }) => emphasised.has(key))
          .map(({ key, d }) => (
            <path key={`emphasised-${key}`} d={d} fill="none" stroke="#111827" strokeWidth={1.6} strokeDasharray="4 2.5" pointerEvents="none" data-emphasised={key} />
          ))}
        {named && <SvgAreaLabels labels={labels} testId={`${testId}-labels`} />}
      </svg>
      <ul className="analysis-legend">
        {legend.map((row) => (
          <li key={row.label}>
            <span className="swatch" style={{ background: row.colour }} /> {row.label}
            {row.count !== undefined ? ` (${row.count})` : ''}
          </li>
        ))}
      </ul>
    </figure>
  );
}
