/**
 * Area names (optionally with values) as an HTML overlay above the map, in the shipped Noto Sans, placed
 * by the label placement the printed figure uses too (shared/labels): at each area's pole of
 * inaccessibility, every area of a small layer labelled (smaller font or beside the area with a leader
 * line where space is short), a dense layer thinned to the labels that fit inside their areas. Re-placed
 * as the map moves.
 */
import '@fontsource/noto-sans/latin-600.css';
import { useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { labelAnchors, placeAreaLabels } from '../../shared/labels/labelPlacement';
import type { LegendCorner } from './fitPadding';
import { MAP_COVER_SELECTOR, mapCovers } from './mapCovers';

const LABEL_FONT = '600 12px "Noto Sans"';
const LINE_HEIGHT_PIXELS = 15;
const LABEL_PADDING_PIXELS = 2;
// Web Mercator's scale changes with latitude across a view; the quick size test before computing a label
// point allows for that so it never drops an area the exact test would keep.
const SCALE_ALLOWANCE = 1.5;

export interface MapLabelsProps {
  map: MapLibreMap;
  features: FeatureCollectionDto;
  /** Formatted value per key for "names and values"; null for names only. */
  valueTextByKey: ReadonlyMap<string, string> | null;
  /** The legend's corner: labels are placed again when the legend moves to the other one. */
  legendCorner?: LegendCorner;
}

interface ShownLabel {
  key: string;
  name: string;
  value: string | null;
  x: number;
  y: number;
  scale: number;
  /** Leader line from the anchor to the edge of the label, or null. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

/** Pixels per km at the centre of the map (horizontal), for the quick size test of dense layers. */
function pixelsPerKilometre(map: MapLibreMap): number {
  const centre = map.getCenter();
  const east = map.project([centre.lng + 0.01, centre.lat]);
  const west = map.project([centre.lng - 0.01, centre.lat]);
  const kilometres = 0.02 * 111.32 * Math.cos((centre.lat * Math.PI) / 180);
  return Math.hypot(east.x - west.x, east.y - west.y) / kilometres;
}

export function MapLabels({ map, features, valueTextByKey, legendCorner }: MapLabelsProps) {
  const anchors = useMemo(
    () => labelAnchors(features.features.map((feature) => ({ key: feature.properties.key, name: feature.properties.name, geometry: feature.geometry as unknown as Polygon | MultiPolygon }))),
    [features],
  );
  const [shown, setShown] = useState<ShownLabel[]>([]);
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
      const view = { x: 0, y: 0, width: container.clientWidth, height: container.clientHeight };
      const squarePixelsPerSquareKilometre = (pixelsPerKilometre(map) * SCALE_ALLOWANCE) ** 2;
      const placed = placeAreaLabels(anchors, {
        project: (lngLat) => {
          const point = map.project(lngLat);
          return [point.x, point.y];
        },
        box: (anchor) => {
          const value = valueTextByKey?.get(anchor.key) ?? null;
          return { width: Math.max(widthOf(anchor.name), value ? widthOf(value) : 0) + 4, height: LINE_HEIGHT_PIXELS * (value ? 2 : 1), content: value };
        },
        areaInView: (anchor) => anchor.areaSquareKilometres * squarePixelsPerSquareKilometre,
        frame: view,
        padding: LABEL_PADDING_PIXELS,
        covers: mapCovers(container),
      });
      setShown(
        placed.map((label) => ({
          key: label.key,
          name: label.name,
          value: label.content,
          x: label.x,
          y: label.y,
          scale: label.scale,
          leader: label.leader ? { x1: label.leader.from.x, y1: label.leader.from.y, x2: label.leader.to.x, y2: label.leader.to.y } : null,
        })),
      );
    };
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(layout);
    };
    layout();
    map.on('move', schedule);
    map.on('resize', schedule);
    // The legend changes size with the classes and the language: place again when an overlay does.
    const overlays = new ResizeObserver(schedule);
    const observed = new Set<Element>();
    const observeOverlays = () => {
      for (const element of (map.getContainer().parentElement ?? map.getContainer()).querySelectorAll(MAP_COVER_SELECTOR)) {
        if (!observed.has(element)) {
          observed.add(element);
          overlays.observe(element);
        }
      }
    };
    observeOverlays();
    // Only an obstacle coming or going counts: the hover tooltip, added and removed beside the map as the
    // pointer enters and leaves the areas, would otherwise place all labels again on every hover.
    const isObstacle = (node: Node) => node instanceof Element && (node.matches(MAP_COVER_SELECTOR) || node.querySelector(MAP_COVER_SELECTOR) !== null);
    const overlayAppeared = new MutationObserver((records) => {
      if (!records.some((record) => [...record.addedNodes, ...record.removedNodes].some(isObstacle))) return;
      observeOverlays();
      schedule();
    });
    overlayAppeared.observe(map.getContainer().parentElement ?? map.getContainer(), { childList: true });
    return () => {
      overlays.disconnect();
      overlayAppeared.disconnect();
      map.off('move', schedule);
      map.off('resize', schedule);
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [map, anchors, valueTextByKey, fontGeneration, legendCorner]);

  const leaders = shown.filter((label) => label.leader !== null);
  return (
    <div className="map-labels" data-testid="map-labels" aria-hidden="true">
      {leaders.length > 0 && (
        <svg className="map-label-leaders">
          {leaders.map((label) => (
            <g key={label.key} data-key={label.key}>
              <line x1={label.leader!.x1} y1={label.leader!.y1} x2={label.leader!.x2} y2={label.leader!.y2} />
              <circle cx={label.leader!.x1} cy={label.leader!.y1} r={2} />
            </g>
          ))}
        </svg>
      )}
      {shown.map((label) => (
        <div
          key={label.key}
          className="map-label"
          data-key={label.key}
          style={{
            transform: `translate(${label.x}px, ${label.y}px) translate(-50%, -50%)`,
            ...(label.scale === 1 ? {} : { fontSize: `${12 * label.scale}px`, lineHeight: `${LINE_HEIGHT_PIXELS * label.scale}px` }),
          }}
        >
          <div>{label.name}</div>
          {label.value && <div className="map-label-value">{label.value}</div>}
        </div>
      ))}
    </div>
  );
}
