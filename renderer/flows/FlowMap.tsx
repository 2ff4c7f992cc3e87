/**
 * The flow map (Wanderungen) on MapLibre: the layer's areas as a quiet background, each shown flow as a
 * curved line with an arrowhead, width by count (shared/movement/flowGeometry.ts), withheld small flows
 * thin and dashed, the external categories as labelled stubs beyond the region's edge. Clicking an area
 * selects it (the app's one selection). Tests find the map as `window.kleinraumFlowMap`; the layers are
 * `flow-lines` / `flow-arrows`, and `document.body.dataset.flowMapReady` is the number of lines drawn.
 */
import { maplibregl } from '../map/maplibreSetup';
import { useEffect, useRef, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { flowGeometry, type FlowGeometryInput } from '../../shared/movement/flowGeometry';
import { FLOW_COLOURS } from './flowColours';

declare global {
  interface Window {
    kleinraumFlowMap?: maplibregl.Map;
  }
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface FlowMapProps {
  areas: FeatureCollection | null;
  flows: FlowGeometryInput['flows'];
  ends: FlowGeometryInput['ends'];
  locale: 'de' | 'en';
  selectedKey: string | null;
  onSelect: (key: string) => void;
  /** "12 Personen" in the UI language; the text for a withheld count. */
  formatValue: (value: number) => string;
  suppressedLabel: string;
}

function degreesPerPixel(map: maplibregl.Map): number {
  const canvas = map.getCanvas();
  const middle = canvas.clientHeight / 2;
  const top = map.unproject([canvas.clientWidth / 2, middle - 50]);
  const bottom = map.unproject([canvas.clientWidth / 2, middle + 50]);
  return Math.abs(top.lat - bottom.lat) / 100 || 0.001;
}

export function FlowMap(props: FlowMapProps) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markersRef = useRef<maplibregl.Marker[]>([]);
  const propsRef = useRef(props);
  propsRef.current = props;
  const [loaded, setLoaded] = useState(false);
  const [zoomTick, setZoomTick] = useState(0);
  const [hover, setHover] = useState<{ x: number; y: number; from: string; to: string; value: number | null } | null>(null);
  const fittedRef = useRef<string>('');

  useEffect(() => {
    if (!containerRef.current) return;
    const map = new maplibregl.Map({
      container: containerRef.current,
      style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#ffffff' } }] },
      center: [9.75, 52.4],
      zoom: 8,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      dragRotate: false,
      pitchWithRotate: false,
    });
    mapRef.current = map;
    window.kleinraumFlowMap = map;
    map.touchZoomRotate.disableRotation();
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      map.addSource('flow-areas', { type: 'geojson', data: EMPTY });
      map.addSource('flow-lines', { type: 'geojson', data: EMPTY });
      map.addSource('flow-arrows', { type: 'geojson', data: EMPTY });
      map.addLayer({ id: 'flow-areas-fill', type: 'fill', source: 'flow-areas', paint: { 'fill-color': ['case', ['boolean', ['get', 'selected'], false], FLOW_COLOURS.areaSelected, FLOW_COLOURS.area] } });
      map.addLayer({ id: 'flow-areas-outline', type: 'line', source: 'flow-areas', paint: { 'line-color': '#a0aec0', 'line-width': ['case', ['boolean', ['get', 'selected'], false], 2.5, 0.8] } });
      const colour: maplibregl.ExpressionSpecification = ['case', ['get', 'selected'], FLOW_COLOURS.selected, ['get', 'external'], FLOW_COLOURS.external, FLOW_COLOURS.line];
      map.addLayer({ id: 'flow-lines', type: 'line', source: 'flow-lines', filter: ['!', ['get', 'suppressed']], layout: { 'line-cap': 'butt', 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': ['get', 'width'], 'line-opacity': 0.78 } });
      map.addLayer({ id: 'flow-lines-suppressed', type: 'line', source: 'flow-lines', filter: ['get', 'suppressed'], paint: { 'line-color': FLOW_COLOURS.suppressed, 'line-width': ['get', 'width'], 'line-dasharray': [2, 2] } });
      map.addLayer({ id: 'flow-arrows', type: 'fill', source: 'flow-arrows', paint: { 'fill-color': ['case', ['get', 'suppressed'], FLOW_COLOURS.suppressed, colour], 'fill-opacity': 0.9 } });
      setLoaded(true);
    });
    map.on('click', 'flow-areas-fill', (event: maplibregl.MapLayerMouseEvent) => {
      const key = event.features?.[0]?.properties?.['key'];
      if (key !== undefined) propsRef.current.onSelect(String(key));
    });
    map.on('mousemove', 'flow-areas-fill', () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'flow-areas-fill', () => {
      map.getCanvas().style.cursor = '';
    });
    for (const layer of ['flow-lines', 'flow-lines-suppressed', 'flow-arrows']) {
      map.on('mousemove', layer, (event: maplibregl.MapLayerMouseEvent) => {
        const properties = event.features?.[0]?.properties as Record<string, unknown> | undefined;
        if (!properties) return;
        const value = properties['value'];
        setHover({ x: event.point.x, y: event.point.y, from: String(properties['from']), to: String(properties['to']), value: typeof value === 'number' ? value : null });
      });
      map.on('mouseleave', layer, () => setHover(null));
    }
    map.on('zoomend', () => setZoomTick((tick) => tick + 1));
    const observer = new ResizeObserver(() => map.resize());
    observer.observe(containerRef.current);
    return () => {
      observer.disconnect();
      for (const marker of markersRef.current) marker.remove();
      if (window.kleinraumFlowMap === map) delete window.kleinraumFlowMap;
      delete document.body.dataset['flowMapReady'];
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Background areas (selection highlighted).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || !props.areas) return;
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: props.areas.features.map((feature) => ({ ...feature, properties: { ...feature.properties, selected: String(feature.properties?.['key']) === props.selectedKey } })),
    };
    (map.getSource('flow-areas') as maplibregl.GeoJSONSource).setData(data);
  }, [loaded, props.areas, props.selectedKey]);

  // Fit once per set of ends (all areas and the stubs in view).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || props.ends.length === 0) return;
    const signature = props.ends.map((end) => end.key).join(',');
    if (fittedRef.current === signature) return;
    fittedRef.current = signature;
    const longitudes = props.ends.map((end) => end.position[0]);
    const latitudes = props.ends.map((end) => end.position[1]);
    map.fitBounds([[Math.min(...longitudes), Math.min(...latitudes)], [Math.max(...longitudes), Math.max(...latitudes)]], { padding: 48, animate: false });
    setZoomTick((tick) => tick + 1);
  }, [loaded, props.ends]);

  // Flows: redrawn on every change of the data, the selection or the zoom (arrowheads keep their size).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    const geometry = flowGeometry({ flows: props.flows, ends: props.ends, locale: props.locale, selectedKey: props.selectedKey }, degreesPerPixel(map));
    (map.getSource('flow-lines') as maplibregl.GeoJSONSource).setData(geometry.lines);
    (map.getSource('flow-arrows') as maplibregl.GeoJSONSource).setData(geometry.arrows);
    for (const marker of markersRef.current) marker.remove();
    markersRef.current = geometry.stubs.features.map((stub) => {
      const element = document.createElement('div');
      element.className = 'flow-stub';
      element.dataset['testid'] = `flow-stub-${stub.properties.key}`;
      element.textContent = stub.properties.name;
      return new maplibregl.Marker({ element }).setLngLat(stub.geometry.coordinates as [number, number]).addTo(map);
    });
    const count = geometry.lines.features.length;
    map.once('idle', () => {
      document.body.dataset['flowMapReady'] = String(count);
    });
    map.triggerRepaint();
  }, [loaded, props.flows, props.ends, props.locale, props.selectedKey, zoomTick]);

  const nameOf = (key: string) => props.ends.find((end) => end.key === key)?.name[props.locale] ?? key;
  return (
    <div className="flow-map-frame">
      <div className="flow-map" ref={containerRef} data-testid="flow-map" />
      {hover && (
        <div className="movement-tooltip" data-testid="flow-tooltip" style={{ left: hover.x + 12, top: hover.y + 12 }}>
          {`${nameOf(hover.from)} → ${nameOf(hover.to)}\n${hover.value === null ? props.suppressedLabel : props.formatValue(hover.value)}`}
        </div>
      )}
    </div>
  );
}
