/**
 * The outlines of the hovered and the selected area, drawn as SVG above the map canvas (below the labels).
 * Drawn by MapLibre, each hover sent the area to a source of its own: a round trip through MapLibre's
 * workers to cut it into tiles, then a new frame of the whole map — on a machine without a graphics card
 * 0.1–0.4 s of software rendering per hover, and over 20 ms of script on the Germany layer. Here a hover
 * changes one path; the outline follows the map as it moves.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { useKleinraum } from '../AppContext';
import { outlinePath } from './outlinePath';

export interface MapHighlightProps {
  map: MapLibreMap;
  features: FeatureCollectionDto;
  selectedKey: string | null;
}

interface Outline {
  key: string;
  role: 'hover' | 'selected';
  geometry: Polygon | MultiPolygon;
}

export function MapHighlight({ map, features, selectedKey }: MapHighlightProps) {
  const hoveredKey = useKleinraum((state) => state.hoveredKey);
  const geometryByKey = useMemo(() => new Map(features.features.map((feature) => [String(feature.properties.key), feature.geometry as unknown as Polygon | MultiPolygon])), [features]);
  // The selection is drawn over the hover, as the thicker, darker line.
  const outlines = useMemo(() => {
    const shown: Outline[] = [];
    for (const [key, role] of [
      [hoveredKey, 'hover'],
      [selectedKey, 'selected'],
    ] as const) {
      const geometry = key === null ? undefined : geometryByKey.get(key);
      if (key !== null && geometry) shown.push({ key, role, geometry });
    }
    return shown;
  }, [geometryByKey, hoveredKey, selectedKey]);
  const svgRef = useRef<SVGSVGElement>(null);

  // Before the browser paints, and again on every move of the map (in the same frame as its canvas).
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || outlines.length === 0) return;
    const project = (lngLat: [number, number]) => map.project(lngLat);
    const draw = () => {
      const groups = svg.querySelectorAll('g');
      outlines.forEach((outline, index) => {
        const d = outlinePath(outline.geometry, project);
        for (const path of groups[index]?.querySelectorAll('path') ?? []) path.setAttribute('d', d);
      });
    };
    draw();
    map.on('move', draw);
    map.on('resize', draw);
    return () => {
      map.off('move', draw);
      map.off('resize', draw);
    };
  }, [map, outlines]);

  return (
    <svg className="map-highlight" data-testid="map-highlight" aria-hidden="true" ref={svgRef}>
      {outlines.map((outline) => (
        // A white halo under the line keeps it visible on the darkest classes as on the lightest.
        <g key={outline.role}>
          <path className={`map-highlight-halo map-highlight-halo-${outline.role}`} />
          <path className={`map-highlight-${outline.role}`} data-key={outline.key} data-role={outline.role} />
        </g>
      ))}
    </svg>
  );
}
