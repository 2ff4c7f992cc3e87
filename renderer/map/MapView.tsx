/**
 * The MapLibre map: no basemap and no network, one GeoJSON source with the layer's areas, coloured by class
 * (the same choropleth the legend shows), white outlines, hover and selection outlines. Exposes the map as
 * `window.kleinraumMap` and sets `document.body.dataset.mapReady = 'true'` when the choropleth is drawn and
 * the map is idle (for end-to-end tests).
 */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { featureBounds } from './bounds';
import { fillColourExpression } from './choropleth';

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
        style: {
          version: 8,
          sources: {},
          layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
        },
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
    map.on('load', () => {
      map.addSource(SOURCE_ID, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({ id: 'areas-fill', type: 'fill', source: SOURCE_ID, paint: { 'fill-color': '#d9d9d9', 'fill-opacity': 1 } });
      map.addLayer({ id: 'areas-outline', type: 'line', source: SOURCE_ID, paint: { 'line-color': '#ffffff', 'line-width': 1 } });
      map.addLayer({ id: 'areas-hover', type: 'line', source: SOURCE_ID, filter: keyFilter(null), paint: { 'line-color': '#4a5568', 'line-width': 2 } });
      map.addLayer({
        id: 'areas-selected',
        type: 'line',
        source: SOURCE_ID,
        filter: keyFilter(null),
        paint: { 'line-color': '#111827', 'line-width': 3.5 },
      });
      setLoaded(true);
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
