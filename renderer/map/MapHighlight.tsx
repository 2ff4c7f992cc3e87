/**
 * The outlines of the hovered and the selected area, drawn as SVG above the map canvas (below the labels).
 * Drawn by MapLibre, each hover sent the area to a source of its own: a round trip through MapLibre's
 * workers to cut it into tiles, then a new frame of the whole map — on a machine without a graphics card
 * 0.1–0.4 s of software rendering per hover, and over 20 ms of script on the Germany layer. Here a hover
 * changes one path; the outline follows the map as it moves. An area selected elsewhere (a table row) that
 * lies wholly outside the map's view, or only under the legend, is brought into view, so the selection can
 * be seen.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { useKleinraum } from '../AppContext';
import { featureBounds } from './bounds';
import { boxShown, mapCovers } from './mapCovers';
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
  const featureByKey = useMemo(() => new Map(features.features.map((feature) => [String(feature.properties.key), feature])), [features]);
  // The selection is drawn over the hover, as the thicker, darker line.
  const outlines = useMemo(() => {
    const shown: Outline[] = [];
    for (const [key, role] of [
      [hoveredKey, 'hover'],
      [selectedKey, 'selected'],
    ] as const) {
      const feature = key === null ? undefined : featureByKey.get(key);
      if (key !== null && feature) shown.push({ key, role, geometry: feature.geometry as unknown as Polygon | MultiPolygon });
    }
    return shown;
  }, [featureByKey, hoveredKey, selectedKey]);
  const svgRef = useRef<SVGSVGElement>(null);

  // Only when the selection changes: the planner may move the map away from it afterwards.
  useEffect(() => {
    const feature = selectedKey === null ? undefined : featureByKey.get(selectedKey);
    const bounds = feature ? featureBounds({ ...features, features: [feature] }) : null;
    if (!bounds) return;
    // In screen pixels: an area hidden under the legend is no more in view than one beyond the edge.
    const [west, south, east, north] = bounds;
    const corner = map.project([west, north]);
    const opposite = map.project([east, south]);
    const container = map.getContainer();
    const box = { x: Math.min(corner.x, opposite.x), y: Math.min(corner.y, opposite.y), width: Math.abs(opposite.x - corner.x), height: Math.abs(opposite.y - corner.y) };
    if (boxShown(box, { width: container.clientWidth, height: container.clientHeight }, mapCovers(container))) return;
    const camera = map.cameraForBounds(bounds, { padding: 40 });
    // Keep the planner's zoom unless the area would not fit at it.
    if (camera) map.easeTo({ center: camera.center, zoom: Math.min(map.getZoom(), camera.zoom ?? map.getZoom()), duration: 300 });
    // The geometries of a layer do not change while it is shown; a new selection is what moves the map.
  }, [map, selectedKey]);

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
