/**
 * The MapLibre map: a GeoJSON source with the layer's areas, coloured by class (the same choropleth the
 * legend shows), hatched where data is missing, a dotted outline for small numbers, white outlines;
 * optionally the basemap.de basemap below (off by default, no network otherwise). The hover and selection
 * outlines are drawn above the map (MapHighlight), so a hover costs MapLibre no work.
 * The geometry is sent to the map once per layer, and each area's class colour is MapLibre feature state
 * (the source's `promoteId` makes the area key the feature id): changing a paint expression or a filter
 * instead makes MapLibre cut the whole layer into tiles again, which for Germany's 11 000 municipalities
 * took seconds on every recolour. What is drawn for a few areas only — the hatch for missing data and the
 * small-number outline — comes from a small source holding just those areas (flagged). Drawn from the
 * whole layer, each was a layer of invisible lines or hatches over every area: cut into tiles, compiled and
 * drawn on every frame for nothing, which cost about 0.4 s of the first map on a machine without a
 * graphics card. Exposes the map as `window.kleinraumMap` and sets `document.body.dataset.mapReady =
 * 'true'` when the choropleth is drawn and the map is idle (for end-to-end tests).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { maplibregl } from './maplibreSetup';
import type { FeatureCollectionDto } from '../../shared/contract/api';
import { combineStyles, loadBasemapStyle, PLAIN_BACKGROUND_LAYER } from './basemap';
import { featureBounds } from './bounds';
import { fitShape, fitWithLegend, type FitShape, type LegendCorner } from './fitPadding';
import { NO_DATA_COLOUR, SMALL_NUMBER_OUTLINE_COLOUR } from './choropleth';
import { HATCH_IMAGE_ID, hatchPattern } from './hatch';

declare global {
  interface Window {
    kleinraumMap?: maplibregl.Map;
  }
}

const SOURCE_ID = 'areas';
/** The areas without data (`noData`) or with small numbers (`smallNumber`), as their own source. */
const FLAGGED_SOURCE_ID = 'areas-flagged';

type AreaFeature = FeatureCollectionDto['features'][number];
type AreaFlag = 'noData' | 'smallNumber';

/** Draws a layer only for the areas its source marks with `flag`. */
function marked(flag: AreaFlag): maplibregl.FilterSpecification {
  return ['==', ['get', flag], true];
}

/** The areas named in `flagsByKey`, each with its flags as properties; keys without a feature are left out. */
function markedAreas(featureByKey: ReadonlyMap<string, AreaFeature>, flagsByKey: ReadonlyMap<string, Partial<Record<AreaFlag, boolean>>>): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const [key, flags] of flagsByKey) {
    const feature = featureByKey.get(key);
    if (feature) features.push({ type: 'Feature', geometry: feature.geometry as unknown as GeoJSON.Geometry, properties: { key, ...flags } });
  }
  return { type: 'FeatureCollection', features };
}

/** What the map draws besides the geometry: each area's class colour (null: no value) and the marked areas. */
interface AreaDrawing {
  colourOf(key: string): string | null;
  flagged: GeoJSON.FeatureCollection;
}

/** Sets each area's class colour as feature state; keys missing from `features` are ignored. */
function applyColours(map: maplibregl.Map, features: FeatureCollectionDto | null, colourOf: (key: string) => string | null): void {
  if (!features || !map.getSource(SOURCE_ID)) return;
  for (const feature of features.features) {
    const key = String(feature.properties.key);
    map.setFeatureState({ source: SOURCE_ID, id: key }, { fill: colourOf(key) });
  }
}

/** A marks layer while its source holds no areas. */
const HIDDEN = { visibility: 'none' } as const;

/** The map's own layers above the background (a basemap goes between them and the background). */
const AREA_LAYERS: maplibregl.LayerSpecification[] = [
  { id: 'areas-fill', type: 'fill', source: SOURCE_ID, paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], NO_DATA_COLOUR], 'fill-opacity': 1 } },
  // Missing data: hatched, so it never reads as the lightest class.
  { id: 'areas-no-data', type: 'fill', source: FLAGGED_SOURCE_ID, filter: marked('noData'), layout: HIDDEN, paint: { 'fill-pattern': HATCH_IMAGE_ID } },
  // Thinner borders when zoomed out: over all of Germany 1 px of white between 11 000 municipalities
  // drowned the fills, and the lightest class read as white (no data). A region's map (zoom 8–9) keeps 1 px.
  { id: 'areas-outline', type: 'line', source: SOURCE_ID, paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.25, 8, 1] } },
  // Small numbers: a dotted inner outline in a colour no palette class uses.
  {
    id: 'areas-small-number',
    type: 'line',
    source: FLAGGED_SOURCE_ID,
    filter: marked('smallNumber'),
    layout: HIDDEN,
    paint: { 'line-color': SMALL_NUMBER_OUTLINE_COLOUR, 'line-width': 2.5, 'line-dasharray': [0.6, 1.4], 'line-offset': 2 },
  },
];

/** The source data of `features` (none: an empty collection). */
function areaData(features: FeatureCollectionDto | null): GeoJSON.FeatureCollection {
  return (features ?? { type: 'FeatureCollection', features: [] }) as unknown as GeoJSON.FeatureCollection;
}

/** The map's sources: the layer's areas (keyed by area key, for feature state) and the flagged areas (empty at first). */
function areaSources(features: FeatureCollectionDto | null): Record<string, maplibregl.SourceSpecification> {
  return {
    [SOURCE_ID]: { type: 'geojson', data: areaData(features), promoteId: 'key' },
    [FLAGGED_SOURCE_ID]: { type: 'geojson', data: areaData(null) },
  };
}

/** The layers drawing each marks source. */
const MARK_LAYERS: Record<string, readonly string[]> = {
  [FLAGGED_SOURCE_ID]: ['areas-no-data', 'areas-small-number'],
};

/** Per map and marks source: whether it holds areas now (sources start empty, their layers hidden). */
const marksHeld = new WeakMap<maplibregl.Map, Map<string, boolean>>();

/**
 * Gives a marks source its areas, and shows its layers only while it has some. A source whose layers are
 * all hidden is not cut into tiles, and one left empty is not sent again: at start-up each empty source's
 * tiles arrived on their own and made MapLibre draw the map once more (about 0.1–0.3 s per frame without a
 * graphics card) for nothing to show.
 */
function applyMarks(map: maplibregl.Map, sourceId: string, areas: GeoJSON.FeatureCollection): void {
  const source = map.getSource<maplibregl.GeoJSONSource>(sourceId);
  if (!source) return;
  const held = marksHeld.get(map) ?? new Map<string, boolean>();
  marksHeld.set(map, held);
  const hasAreas = areas.features.length > 0;
  if (!hasAreas && held.get(sourceId) === false) return;
  source.setData(areas);
  for (const layer of MARK_LAYERS[sourceId] ?? []) map.setLayoutProperty(layer, 'visibility', hasAreas ? 'visible' : 'none');
  held.set(sourceId, hasAreas);
}

/** Applies the whole of `drawing` (after a style change, whose sources start without state). */
function applyDrawing(map: maplibregl.Map, features: FeatureCollectionDto | null, drawing: AreaDrawing): void {
  applyColours(map, features, drawing.colourOf);
  applyMarks(map, FLAGGED_SOURCE_ID, drawing.flagged);
}

export interface MapViewProps {
  features: FeatureCollectionDto | null;
  /** The shown layer's areas are still on their way: the canvas stays hidden until they arrive. */
  featuresPending?: boolean;
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
  ariaLabel: string;
  unavailableMessage: string;
  onHover(key: string | null, point: { x: number; y: number } | null): void;
  onSelect(key: string): void;
  /** The box the legend covers in the map's bottom corner (margins included); the layer is fitted beside or above it. */
  reserve?: MapReserve | null;
  /** The corner the legend should sit in, as the last fit chose it (see fitWithLegend). */
  onLegendCorner?(corner: LegendCorner): void;
  /**
   * The same box as measured last, which can be newer than `reserve`: the legend is measured when it is
   * drawn, in the same commit as the values it shows, and `reserve` follows one render later. Fitting with
   * it places the first map where it stays, instead of moving it once more when `reserve` arrives.
   */
  measuredReserve?: { readonly current: MapReserve | null };
}

/** Size in CSS pixels of an overlay anchored in one of the map's bottom corners (margins included). */
export interface MapReserve {
  width: number;
  height: number;
}

const FIT_MARGIN = 24;
/** Room for the zoom buttons in the top-right corner. */
const CONTROLS_MARGIN = 56;

// The layer's shape for fitting, kept per feature collection (the Germany layer has ~10⁶ vertices).
const fitShapes = new WeakMap<FeatureCollectionDto, FitShape | null>();

function shapeOf(features: FeatureCollectionDto): FitShape | null {
  if (!fitShapes.has(features)) {
    const vertices: [number, number][] = [];
    const visit = (coordinates: unknown): void => {
      if (!Array.isArray(coordinates)) return;
      if (typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') vertices.push([coordinates[0], coordinates[1]]);
      else for (const child of coordinates) visit(child);
    };
    for (const feature of features.features) visit((feature.geometry as { coordinates?: unknown }).coordinates);
    fitShapes.set(features, fitShape(vertices));
  }
  return fitShapes.get(features) ?? null;
}

/** Where the layer fits beside the legend in `container` (see fitToFreeArea); null without areas. */
function freeAreaFit(container: HTMLElement, features: FeatureCollectionDto | null, reserve: MapReserve | null): { bounds: maplibregl.LngLatBoundsLike; padding: maplibregl.PaddingOptions; corner: LegendCorner } | null {
  const bounds = features ? featureBounds(features) : null;
  const shape = features ? shapeOf(features) : null;
  if (!bounds || !shape) return null;
  const { corner, padding } = fitWithLegend({
    shape,
    width: container.clientWidth,
    height: container.clientHeight,
    base: { top: FIT_MARGIN, right: CONTROLS_MARGIN, bottom: FIT_MARGIN, left: FIT_MARGIN },
    reserve,
  });
  // Too small a map for any free box (a narrow window): fit the whole map, the legend may cover a corner.
  return { bounds, padding: padding ?? { top: 8, right: 8, bottom: 8, left: 8 }, corner };
}

/**
 * Fits the layer as large as the map allows with none of it under the legend (see fitPadding): centred
 * when the legend leaves the layer free, else moved and shrunk only as far as the legend needs.
 */
export function fitToFreeArea(map: maplibregl.Map, features: FeatureCollectionDto | null, reserve: MapReserve | null): LegendCorner | null {
  const fit = freeAreaFit(map.getContainer(), features, reserve);
  if (!fit) return null;
  const camera = map.cameraForBounds(fit.bounds, { padding: fit.padding });
  if (camera && !showsCamera(map, camera)) map.jumpTo(camera);
  return fit.corner;
}

/**
 * Whether the map already shows `camera`. The layer, the legend and the map's size settle in consecutive
 * renders at start-up, each asking for a fit; moving the map to where it is would still make MapLibre
 * draw again (about 0.1 s per frame without a graphics card).
 */
function showsCamera(map: maplibregl.Map, camera: maplibregl.CameraOptions): boolean {
  const center = camera.center ? maplibregl.LngLat.convert(camera.center) : map.getCenter();
  const shown = map.getCenter();
  return Math.abs((camera.zoom ?? map.getZoom()) - map.getZoom()) < 1e-6 && Math.abs(center.lng - shown.lng) < 1e-9 && Math.abs(center.lat - shown.lat) < 1e-9;
}

export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const handlersRef = useRef(props);
  handlersRef.current = props;
  const [loaded, setLoaded] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [containerSize, setContainerSize] = useState('');
  // The corner the legend covers, and whether the user has panned or zoomed since the last fit.
  const reserveRef = useRef<MapReserve | null>(props.reserve ?? null);
  reserveRef.current = props.reserve ?? null;
  const currentReserve = () => (props.measuredReserve ? props.measuredReserve.current : reserveRef.current);
  const userMovedRef = useRef(false);
  /** The areas the map's source holds (null: none yet). */
  const sentFeaturesRef = useRef<FeatureCollectionDto | null>(null);

  useEffect(() => {
    if (!containerRef.current) return;
    let map: maplibregl.Map;
    // The map starts with its whole style, the layer's areas (which usually arrived while the page was
    // drawn) and the camera fitted to them, as a bare MapLibre page does. Started empty, with sources,
    // layers and areas added once it had loaded, it drew an empty frame first and cut the areas only
    // after that (about 0,15 s of the first map without a graphics card).
    const initialFeatures = handlersRef.current.features;
    const fit = freeAreaFit(containerRef.current, initialFeatures, currentReserve());
    try {
      map = new maplibregl.Map({
        container: containerRef.current,
        style: { version: 8, sources: areaSources(initialFeatures), layers: [PLAIN_BACKGROUND_LAYER, ...AREA_LAYERS] },
        ...(fit ? { bounds: fit.bounds, fitBoundsOptions: { padding: fit.padding } } : { center: [9.75, 52.4] as [number, number], zoom: 8 }),
        attributionControl: false,
        // The drawing buffer is not preserved: without a graphics card, keeping it cost a copy of the canvas
        // per frame (about 0.15 s of the first map). Nothing reads the canvas after it was shown; exports
        // draw the figure themselves, and tests read pixels while a frame is drawn.
        canvasContextAttributes: { preserveDrawingBuffer: false },
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
    sentFeaturesRef.current = initialFeatures;
    if (fit) handlersRef.current.onLegendCorner?.(fit.corner);
    // The style's sources and layers exist from here on (before the first frame): colours set now as
    // feature state are there when the areas' tiles arrive.
    map.once('style.load', () => {
      if (!map.hasImage(HATCH_IMAGE_ID)) map.addImage(HATCH_IMAGE_ID, hatchPattern(8, NO_DATA_COLOUR, '#8a8a8a'));
      // The marks source starts empty, its layers hidden (see applyMarks).
      marksHeld.set(map, new Map([[FLAGGED_SOURCE_ID, false]]));
      setLoaded(true);
      handlersRef.current.onMapLoaded?.(map);
    });
    // One query of the areas under the pointer per move: MapLibre's per-layer 'mousemove' and 'mouseleave'
    // listeners each query again (two queries of 11 000 areas on every move over the Germany layer).
    let overArea = false;
    const leaveAreas = () => {
      if (!overArea) return;
      overArea = false;
      map.getCanvas().style.cursor = '';
      handlersRef.current.onHover(null, null);
    };
    map.on('mousemove', (event) => {
      const features = map.getLayer('areas-fill') ? map.queryRenderedFeatures(event.point, { layers: ['areas-fill'] }) : [];
      const key = features[0]?.properties?.['key'];
      if (key === undefined) {
        leaveAreas();
        return;
      }
      if (!overArea) map.getCanvas().style.cursor = 'pointer';
      overArea = true;
      handlersRef.current.onHover(String(key), { x: event.point.x, y: event.point.y });
    });
    map.on('mouseout', leaveAreas);
    map.on('click', 'areas-fill', (event) => {
      const key = event.features?.[0]?.properties?.['key'];
      if (key !== undefined) handlersRef.current.onSelect(String(key));
    });
    // Only moves the user starts (drag, wheel, the zoom buttons) carry an original event.
    map.on('movestart', (event: { originalEvent?: Event }) => {
      if (event.originalEvent) userMovedRef.current = true;
    });
    // A drag ends the hover: no mouse move is reported while the map is dragged, so the tooltip stayed where
    // the drag began, naming an area that had moved away; the next move of the pointer shows the area under
    // it. (A wheel zoom keeps the point under the pointer, and with it the hovered area.)
    map.on('dragstart', leaveAreas);
    const container = containerRef.current;
    const resizeObserver = new ResizeObserver(() => {
      map.resize();
      setContainerSize(`${container.clientWidth}x${container.clientHeight}`);
    });
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
    // The areas the map already holds (those it started with) are not sent again: MapLibre would cut them
    // into tiles once more.
    if (props.features !== sentFeaturesRef.current) {
      sentFeaturesRef.current = props.features;
      map.getSource<maplibregl.GeoJSONSource>(SOURCE_ID)?.setData(areaData(props.features));
    }
    userMovedRef.current = false;
    const corner = fitToFreeArea(map, props.features, currentReserve());
    if (corner) handlersRef.current.onLegendCorner?.(corner);
  }, [loaded, props.features]);

  // The legend grew or shrank (another indicator, mode or language) or the map was resized: fit again,
  // unless the user has moved the map since it was last fitted.
  const reserveWidth = props.reserve?.width ?? 0;
  const reserveHeight = props.reserve?.height ?? 0;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded || userMovedRef.current) return;
    const corner = fitToFreeArea(map, handlersRef.current.features, currentReserve());
    if (corner) handlersRef.current.onLegendCorner?.(corner);
  }, [loaded, reserveWidth, reserveHeight, containerSize]);

  // What the map draws besides the geometry, kept current for re-applying after a style change.
  const featureByKey = useMemo(() => new Map((props.features?.features ?? []).map((feature) => [String(feature.properties.key), feature])), [props.features]);
  // Keyed by the flagged keys themselves, not by the arrays holding them: each new drawing (another method
  // or palette) brings new arrays with the same keys, and sending the same areas again would make MapLibre
  // cut them into tiles again (thousands of areas without data in a Germany layer).
  // (Joined once per drawing, not on every render.)
  const flagSignature = useMemo(() => `${props.noDataKeys.join('\u0000')}\u0001${props.smallNumberKeys.join('\u0000')}`, [props.noDataKeys, props.smallNumberKeys]);
  const flagged = useMemo(() => {
    const flagsByKey = new Map<string, Partial<Record<AreaFlag, boolean>>>();
    for (const key of props.noDataKeys) flagsByKey.set(key, { noData: true });
    for (const key of props.smallNumberKeys) flagsByKey.set(key, { ...flagsByKey.get(key), smallNumber: true });
    return markedAreas(featureByKey, flagsByKey);
    // noDataKeys and smallNumberKeys are dependencies through flagSignature.
  }, [featureByKey, flagSignature]);
  const drawingRef = useRef<AreaDrawing>({ colourOf: () => null, flagged });
  const colourByKey = props.colourByKey;
  drawingRef.current = { colourOf: (key) => colourByKey?.get(key) ?? null, flagged };

  // The flagged areas, sent only when they change.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    applyMarks(map, FLAGGED_SOURCE_ID, flagged);
  }, [loaded, flagged]);

  // New classification or flags: recolour through feature state (the flags go to their own source, above);
  // then report readiness once drawn.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    document.body.dataset['mapReady'] = 'false';
    applyColours(map, props.features, drawingRef.current.colourOf);
    if (!props.features || !props.colourByKey) return;
    let cancelled = false;
    map.once('idle', () => {
      if (!cancelled) document.body.dataset['mapReady'] = 'true';
    });
    map.triggerRepaint();
    return () => {
      cancelled = true;
    };
  }, [loaded, props.features, props.colourByKey, flagged]);

  // Basemap: swap the style under the app's own layers (kept with their colours, filters and data).
  const basemapShownRef = useRef(false);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    if (!props.basemap) {
      if (basemapShownRef.current) {
        basemapShownRef.current = false;
        map.setStyle(combineStyles(map.getStyle(), null), { diff: false });
        map.once('style.load', () => applyDrawing(map, handlersRef.current.features, drawingRef.current));
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
      // A new style has a new source: its areas start without state.
      map.once('style.load', () => applyDrawing(map, handlersRef.current.features, drawingRef.current));
      handlersRef.current.onBasemapResult(true);
    });
    return () => {
      cancelled = true;
    };
  }, [loaded, props.basemap]);

  if (unavailable) {
    return (
      <div className="map map-unavailable" data-testid="map" role="alert">
        {props.unavailableMessage}
      </div>
    );
  }
  // Until the first areas arrive the canvas would show only its empty background, and in software
  // compositing (machines without a GPU) every frame shown costs a read-back of the whole canvas.
  return <div className={props.featuresPending ? 'map map-waiting' : 'map'} data-testid="map" ref={containerRef} role="region" aria-label={props.ariaLabel} />;
}
