/**
 * The MapLibre map: one GeoJSON source with the layer's areas, coloured by class (the same choropleth the
 * legend shows), hatched where data is missing, a dotted outline for small numbers, white outlines, hover
 * and selection outlines; optionally the basemap.de basemap below (off by default, no network otherwise).
 * Recolouring only sets paint properties and filters: the geometry is sent to the map once per layer. Exposes the map as
 * `window.kleinraumMap` and sets `document.body.dataset.mapReady = 'true'` when the choropleth is drawn and
 * the map is idle (for end-to-end tests).
 */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { combineStyles, loadBasemapStyle, PLAIN_BACKGROUND_LAYER } from './basemap';
import { featureBounds } from './bounds';
import { fillColourExpression, keysFilter, NO_DATA_COLOUR, SMALL_NUMBER_OUTLINE_COLOUR } from './choropleth';
import { HATCH_IMAGE_ID, hatchPattern } from './hatch';

maplibregl.setWorkerUrl(maplibreWorkerUrl);

declare global {
  interface Window {
    kleinraumMap?: maplibregl.Map;
  }
}

const SOURCE_ID = 'areas';
const NO_KEY = '\u0000';

export interface MapViewProps {
  features: FeatureCollectionDto | null;
  /** Fill colour per area key; null while values load. */
  colourByKey: ReadonlyMap<string, string> | null;
  /** Areas drawn hatched (no data). */
  noDataKeys: readonly string[];
  /** Areas drawn with a dotted outline (small number or small denominator). */
  smallNumberKeys: readonly string[];
  /** Show the basemap.de basemap under the areas. */
  basemap: boolean;
  /** Told whether the basemap could be shown (false: offline or refused). */
  onBasemapResult(shown: boolean): void;
  /** Gets the map once its layers exist (for overlays such as labels); null when it goes away. */
  onMapLoaded?(map: maplibregl.Map | null): void;
  selectedKey: string | null;
  hoveredKey: string | null;
  ariaLabel: string;
  unavailableMessage: string;
  onHover(key: string | null, point: { x: number; y: number } | null): void;
  onSelect(key: string): void;
}

function keyFilter(key: string | null): maplibregl.FilterSpecification {
  return ['==', ['to-string', ['get', 'key']], key ?? NO_KEY];
}

export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const handlersRef = useRef(props);
  handlersRef.current = props;
  const [loaded, setLoaded] = useState(false);
  const [unavailable, setUnavailable] = useState(false);

  useEffect(() => {
    if (!containerRef.current) return;
    let map: maplibregl.Map;
    try {
      map = new maplibregl.Map({
        container: containerRef.current,
        style: { version: 8, sources: {}, layers: [PLAIN_BACKGROUND_LAYER] },
        center: [9.75, 52.4],
        zoom: 8,
        attributionControl: false,
        canvasContextAttributes: { preserveDrawingBuffer: true },
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      setUnavailable(true);
      return;
    }
    mapRef.current = map;
    window.kleinraumMap = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    // The hatch is added again whenever a new style (basemap on/off) asks for it.
    map.on('styleimagemissing', (event: { id: string }) => {
      if (event.id === HATCH_IMAGE_ID && !map.hasImage(HATCH_IMAGE_ID)) map.addImage(HATCH_IMAGE_ID, hatchPattern(8, NO_DATA_COLOUR, '#8a8a8a'));
    });
    map.on('load', () => {
      map.addImage(HATCH_IMAGE_ID, hatchPattern(8, NO_DATA_COLOUR, '#8a8a8a'));
      map.addSource(SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'areas-fill', type: 'fill', source: SOURCE_ID, paint: { 'fill-color': NO_DATA_COLOUR, 'fill-opacity': 1 } });
      // Missing data: hatched, so it never reads as the lightest class.
      map.addLayer({ id: 'areas-no-data', type: 'fill', source: SOURCE_ID, filter: keysFilter([]) as maplibregl.FilterSpecification, paint: { 'fill-pattern': HATCH_IMAGE_ID } });
      map.addLayer({ id: 'areas-outline', type: 'line', source: SOURCE_ID, paint: { 'line-color': '#ffffff', 'line-width': 1 } });
      // Small numbers: a dotted inner outline in a colour no palette class uses.
      map.addLayer({
        id: 'areas-small-number',
        type: 'line',
        source: SOURCE_ID,
        filter: keysFilter([]) as maplibregl.FilterSpecification,
        paint: { 'line-color': SMALL_NUMBER_OUTLINE_COLOUR, 'line-width': 2.5, 'line-dasharray': [0.6, 1.4], 'line-offset': 2 },
      });
      map.addLayer({ id: 'areas-hover', type: 'line', source: SOURCE_ID, filter: keyFilter(null), paint: { 'line-color': '#4a5568', 'line-width': 2 } });
      map.addLayer({
        id: 'areas-selected',
        type: 'line',
        source: SOURCE_ID,
        filter: keyFilter(null),
        paint: { 'line-color': '#111827', 'line-width': 3.5 },
      });
      setLoaded(true);
      handlersRef.current.onMapLoaded?.(map);
    });
    map.on('mousemove', 'areas-fill', (event) => {
      const key = event.features?.[0]?.properties?.['key'];
      map.getCanvas().style.cursor = 'pointer';
      handlersRef.current.onHover(key === undefined ? null : String(key), { x: event.point.x, y: event.point.y });
    });
    map.on('mouseleave', 'areas-fill', () => {
      map.getCanvas().style.cursor = '';
      handlersRef.current.onHover(null, null);
    });
    map.on('click', 'areas-fill', (event) => {
      const key = event.features?.[0]?.properties?.['key'];
      if (key !== undefined) handlersRef.current.onSelect(String(key));
    });
    const resizeObserver = new ResizeObserver(() => map.resize());
    resizeObserver.observe(containerRef.current);
    return () => {
      resizeObserver.disconnect();
      handlersRef.current.onMapLoaded?.(null);
      delete document.body.dataset['mapReady'];
      if (window.kleinraumMap === map) delete window.kleinraumMap;
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // New features: replace the source data and fit the map to the layer.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const source = map.getSource<maplibregl.GeoJSONSource>(SOURCE_ID);
    source?.setData((props.features ?? { type: 'FeatureCollection', features: [] }) as unknown as GeoJSON.FeatureCollection);
    const bounds = props.features ? featureBounds(props.features) : null;
    if (bounds) {
      // Keep the legend (bottom-left, about 300 px wide) from covering areas when there is room for it.
      const width = map.getContainer().clientWidth;
      const legendReserve = width > 760 ? Math.min(300, width * 0.3) : 24;
      map.fitBounds(bounds, { padding: { top: 24, right: 56, bottom: 24, left: legendReserve }, duration: 0 });
    }
  }, [loaded, props.features]);

  // New classification: recolour; then report readiness once the map has drawn it.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    document.body.dataset['mapReady'] = 'false';
    map.setPaintProperty('areas-fill', 'fill-color', fillColourExpression(props.colourByKey ?? new Map()) as maplibregl.ExpressionSpecification);
    if (!props.features || !props.colourByKey) return;
    let cancelled = false;
    map.once('idle', () => {
      if (!cancelled) document.body.dataset['mapReady'] = 'true';
    });
    map.triggerRepaint();
    return () => {
      cancelled = true;
    };
  }, [loaded, props.features, props.colourByKey]);

  // Flags: only filters change; the geometry stays in the source.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setFilter('areas-no-data', keysFilter(props.noDataKeys) as maplibregl.FilterSpecification);
    map.setFilter('areas-small-number', keysFilter(props.smallNumberKeys) as maplibregl.FilterSpecification);
  }, [loaded, props.noDataKeys, props.smallNumberKeys]);

  // Basemap: swap the style under the app's own layers (kept with their colours, filters and data).
  const basemapShownRef = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    if (!props.basemap) {
      if (basemapShownRef.current) {
        basemapShownRef.current = false;
        map.setStyle(combineStyles(map.getStyle(), null), { diff: false });
      }
      return;
    }
    let cancelled = false;
    void loadBasemapStyle(window.fetch.bind(window)).then((basemapStyle) => {
      if (cancelled) return;
      if (!basemapStyle) {
        handlersRef.current.onBasemapResult(false);
        return;
      }
      basemapShownRef.current = true;
      map.setStyle(combineStyles(map.getStyle(), basemapStyle), { diff: false });
      handlersRef.current.onBasemapResult(true);
    });
    return () => {
      cancelled = true;
    };
  }, [loaded, props.basemap]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setFilter('areas-selected', keyFilter(props.selectedKey));
  }, [loaded, props.selectedKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setFilter('areas-hover', keyFilter(props.hoveredKey));
  }, [loaded, props.hoveredKey]);

  if (unavailable) {
    return (
      <div className="map map-unavailable" data-testid="map" role="alert">
        {props.unavailableMessage}
      </div>
    );
  }
  return <div className="map" data-testid="map" ref={containerRef} role="region" aria-label={props.ariaLabel} />;
}
