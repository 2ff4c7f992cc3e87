/**
 * Area names (optionally with values) as an HTML overlay above the map, in the shipped Noto Sans, placed
 * greedily without collisions (largest areas first) and re-placed as the map moves.
 */
import '@fontsource/noto-sans/latin-600.css';
import { useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { labelAnchors, placeLabels, type LabelCandidate } from './labels';

const LABEL_FONT = '600 12px "Noto Sans"';
const LINE_HEIGHT_PIXELS = 15;

export interface MapLabelsProps {
  map: MapLibreMap;
  features: FeatureCollectionDto;
  /** Formatted value per key for "names and values"; null for names only. */
  valueTextByKey: ReadonlyMap<string, string> | null;
}

interface PlacedLabel {
  key: string;
  name: string;
  value: string | null;
  x: number;
  y: number;
}

export function MapLabels({ map, features, valueTextByKey }: MapLabelsProps) {
  const anchors = useMemo(() => labelAnchors(features), [features]);
  const [placed, setPlaced] = useState<PlacedLabel[]>([]);
  const [fontGeneration, setFontGeneration] = useState(0);

  // Widths measured before the font arrives would be wrong: measure again once it is loaded.
  useEffect(() => {
    let cancelled = false;
    void document.fonts.load(LABEL_FONT).then(() => {
      if (!cancelled) setFontGeneration((generation) => generation + 1);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return;
    context.font = LABEL_FONT;
    const widths = new Map<string, number>();
    const widthOf = (text: string): number => {
      let width = widths.get(text);
      if (width === undefined) {
        width = context.measureText(text).width;
        widths.set(text, width);
      }
      return width;
    };
    let frame = 0;
    const layout = () => {
      frame = 0;
      const container = map.getContainer();
      const viewport = { width: container.clientWidth, height: container.clientHeight };
      const candidates: (LabelCandidate & { name: string; value: string | null })[] = [];
      for (const anchor of anchors) {
        const point = map.project(anchor.lngLat);
        if (point.x < 0 || point.y < 0 || point.x > viewport.width || point.y > viewport.height) continue;
        const value = valueTextByKey?.get(anchor.key) ?? null;
        const width = Math.max(widthOf(anchor.name), value ? widthOf(value) : 0) + 4;
        const height = LINE_HEIGHT_PIXELS * (value ? 2 : 1);
        candidates.push({ key: anchor.key, name: anchor.name, value, x: point.x, y: point.y, width, height, priority: anchor.areaSquareMeters });
      }
      const shown = new Set(placeLabels(candidates, viewport));
      setPlaced(candidates.filter((candidate) => shown.has(candidate.key)).map(({ key, name, value, x, y }) => ({ key, name, value, x, y })));
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(layout);
    };
    layout();
    map.on('move', schedule);
    map.on('resize', schedule);
    return () => {
      map.off('move', schedule);
      map.off('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [map, anchors, valueTextByKey, fontGeneration]);

  return (
    <div className="map-labels" data-testid="map-labels" aria-hidden="true">
      {placed.map((label) => (
        <div key={label.key} className="map-label" data-key={label.key} style={{ transform: `translate(${label.x}px, ${label.y}px) translate(-50%, -50%)` }}>
          <div>{label.name}</div>
          {label.value && <div className="map-label-value">{label.value}</div>}
        </div>
      ))}
    </div>
  );
}
