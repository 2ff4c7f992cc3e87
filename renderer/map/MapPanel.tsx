/**
 * The centre of the workspace: the map with the "Darstellung" panel, labels, legend (in the bottom corner
 * the fit chooses), hover and selection outlines, hover tooltip and the time slider, all built from one
 * choropleth, so the legend always matches the map.
 *
 * Hover is the one thing that changes on every mouse move: only the outline and the tooltip follow it
 * (MapHighlight, HoverTooltip), never the map, the panel, legend and labels around them — with the Germany
 * layer a re-render of the panel re-applied the state of all 11 000 areas on every move.
 */
import './map.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { IndicatorValue, IndicatorValues } from '../../shared/contract/api';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatNumber } from '../../shared/format/number';
import { Legend } from './Legend';
import { ModePicker } from './ModePicker';
import { overlayDrawing } from './overlayChoropleth';
import { overlayForLayer } from '../store/overlaySlice';
import { MapHighlight } from './MapHighlight';
import { MapLabels } from './MapLabels';
import { MapTooltip } from './MapTooltip';
import { MapView, type MapReserve } from './MapView';
import { useMapUi, usePanelFollowsWindowWidth } from './mapUiStore';
import { SymbologyPanel } from './SymbologyPanel';
import { TimeSlider } from './TimeSlider';
import { shownPeriods } from './shownPeriods';
import { useMapDrawing } from './useMapDrawing';
import { useMapDisplay, useMapSymbology, useSmallNumberThreshold } from './useMapSymbology';
import { useMeasuredSize } from '../layout/useMeasuredSize';
import type { LegendCorner } from './fitPadding';

export function MapPanel() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const features = useKleinraum((state) => state.features);
  const layerName = useKleinraum((state) => state.layerName);
  const project = useKleinraum((state) => state.project);
  const indicatorValues = useKleinraum((state) => state.indicatorValues);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  // A profile result shown instead of the indicator (only on the layer it was computed for).
  const overlay = useKleinraum((state) => overlayForLayer(state, state.layerName));
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [symbology, setSymbology] = useMapSymbology();
  const [display, setDisplay] = useMapDisplay();
  const basemapStatus = useMapUi((state) => state.basemapStatus);
  const [legendBox, legendRef, measuredLegendBox] = useLegendReserve();
  const [mapAreaRef, mapAreaSize] = useMeasuredSize(UNMEASURED);
  // The legend's corner, as the last fit of the layer chose it.
  const [legendCorner, setLegendCorner] = useState<LegendCorner>('bottom-left');
  usePanelFollowsWindowWidth();
  const compactLegend = mapAreaSize.width < COMPACT_LEGEND_BELOW.width || mapAreaSize.height < COMPACT_LEGEND_BELOW.height;

  const periods = useKleinraum(shownPeriods);
  const severalPeriods = periods.length > 1;
  const [smallNumberThreshold, setSmallNumberThreshold] = useSmallNumberThreshold();

  const drawing = useMapDrawing();
  const overlayShown = useMemo(
    () => (overlay && features ? overlayDrawing(overlay, features.features.map((feature) => feature.properties.key), locale) : null),
    [overlay, features, locale],
  );
  const shown = overlayShown ?? drawing;
  const shownLegend = shown?.legend ?? null;
  const valueTextByKey = useMemo(() => {
    if (display.labels !== 'namesAndValues' || !drawing || overlayShown) return null;
    return new Map(drawing.drawn.areas.map((area) => [area.key, area.shownValue === null ? '–' : formatNumber(area.shownValue, drawing.drawn.decimals, locale)]));
  }, [display.labels, drawing, overlayShown, locale]);
  // Stable between renders, so the map recolours and sends its flagged areas only when the drawing changes.
  const noDataKeys = useMemo(() => (shown ? [...shown.drawn.noDataKeys, ...shown.drawn.suppressedKeys] : NO_KEYS), [shown]);
  const suppressedKeys = useMemo(() => new Set(drawing?.drawn.suppressedKeys ?? NO_KEYS), [drawing]);

  useEffect(() => {
    useMapUi.getState().setBasemapStatus(display.basemap ? 'loading' : 'off');
  }, [display.basemap]);

  const onHover = useCallback(
    (key: string | null, point: { x: number; y: number } | null) => {
      useMapUi.getState().setPointer(point);
      store.getState().hoverArea(key);
    },
    [store],
  );
  const onSelect = useCallback((key: string) => store.getState().selectArea(key), [store]);
  const onBasemapResult = useCallback((shown: boolean) => useMapUi.getState().setBasemapStatus(shown ? 'shown' : 'unavailable'), []);

  const basemapAttribution = basemapStatus === 'shown' ? t('map.basemap.attribution', { year: new Date().getFullYear() }) : null;

  return (
    <section className="map-panel">
      {overlay ? (
        <div className="overlay-bar" role="status" data-testid="map-overlay-bar">
          <span>
            {t('map.mode.shownAs')}: <strong>{overlay.title}</strong>
          </span>
          <button type="button" className="button button-small" data-testid="map-overlay-back" onClick={() => store.getState().showMapOverlay(null)}>
            {t('map.overlay.back')}
          </button>
        </div>
      ) : (
        <ModePicker />
      )}
      <div className="map-stage">
        {/* Always laid out (also while values load), so the map is fitted to its final width. */}
        <SymbologyPanel
          symbology={symbology}
          onChange={setSymbology}
          display={display}
          onDisplayChange={setDisplay}
          colours={drawing?.drawn.colours ?? []}
          classCount={drawing?.drawn.classification.classes.length ?? symbology.classes}
          regionValue={drawing?.drawn.regionValue ?? null}
          regionWithheld={drawing?.drawn.regionWithheld === true}
          decimals={indicatorValues?.indicator.decimals ?? 1}
          severalPeriods={severalPeriods}
          smallNumberThreshold={smallNumberThreshold}
          onSmallNumberThresholdChange={setSmallNumberThreshold}
          overlayFrom={overlay ? overlay.title : null}
        />
        <div className={legendCorner === 'bottom-right' ? 'map-area legend-right' : 'map-area'} ref={mapAreaRef}>
        <MapView
          features={features}
          featuresPending={features === null && layerName !== null}
          colourByKey={shown?.drawn.colourByKey ?? null}
          noDataKeys={noDataKeys}
          smallNumberKeys={shown?.drawn.flaggedKeys ?? NO_KEYS}
          basemap={display.basemap}
          onBasemapResult={onBasemapResult}
          onMapLoaded={setMap}
          ariaLabel={shownLegend ? `${shownLegend.title} (${shownLegend.unit}), ${shownLegend.stichtag}` : t('app.name')}
          unavailableMessage={t('error.mapUnavailable')}
          onHover={onHover}
          onSelect={onSelect}
          reserve={legendBox}
          measuredReserve={measuredLegendBox}
          onLegendCorner={setLegendCorner}
        />
        {map && features && <MapHighlight map={map} features={features} selectedKey={selectedKey} />}
        {map && features && display.labels !== 'off' && <MapLabels map={map} features={features} valueTextByKey={overlayShown ? null : valueTextByKey} legendCorner={legendCorner} />}
        {basemapStatus === 'unavailable' && (
          <div className="map-note" role="status" data-testid="basemap-unavailable">
            {t('map.basemap.unavailable')}
          </div>
        )}
        {shownLegend && <Legend legend={shownLegend} basemapAttribution={basemapAttribution} boxRef={legendRef} compact={compactLegend} corner={legendCorner} />}
        {indicatorValues && !overlayShown && (
          <HoverTooltip indicatorValues={indicatorValues} suppressedKeys={suppressedKeys} smallNumberThreshold={smallNumberThreshold} sources={project?.sources ?? NO_SOURCES} />
        )}
        </div>
      </div>
      {severalPeriods && !overlay && <TimeSlider periods={periods} />}
    </section>
  );
}

const NO_KEYS: readonly string[] = [];
/**
 * A map smaller than this (CSS px) gets the compact legend: the full one is about 300 × 275 px and covered
 * half of a laptop window's map (1 280 × 800: 595 × 519 px), which the region then had to be fitted beside.
 */
const COMPACT_LEGEND_BELOW = { width: 520, height: 560 };
const UNMEASURED = { width: Infinity, height: Infinity };
const NO_SOURCES: readonly { id: string; name: string }[] = [];

/** The tooltip beside the pointer, for the hovered area's value. */
function HoverTooltip(props: { indicatorValues: IndicatorValues; suppressedKeys: ReadonlySet<string>; smallNumberThreshold: number; sources: readonly { id: string; name: string }[] }) {
  const hoveredKey = useKleinraum((state) => state.hoveredKey);
  const pointer = useMapUi((state) => state.pointer);
  const hoveredValue = indicatorValueByKey(props.indicatorValues).get(hoveredKey ?? '');
  if (!pointer || !hoveredValue) return null;
  return (
    <MapTooltip
      value={hoveredValue}
      indicator={props.indicatorValues.indicator}
      position={pointer}
      smallNumberThreshold={props.smallNumberThreshold}
      suppressed={props.suppressedKeys.has(hoveredValue.key)}
      sources={props.sources}
    />
  );
}

// The values by area key, kept per response: a hover looks its area up instead of scanning 11 000 values.
const valuesByKey = new WeakMap<IndicatorValues, ReadonlyMap<string, IndicatorValue>>();

function indicatorValueByKey(indicatorValues: IndicatorValues): ReadonlyMap<string, IndicatorValue> {
  let byKey = valuesByKey.get(indicatorValues);
  if (!byKey) {
    byKey = new Map(indicatorValues.values.map((entry) => [entry.key, entry]));
    valuesByKey.set(indicatorValues, byKey);
  }
  return byKey;
}

/**
 * The box the legend covers, measured from its bottom-left corner in the map area (its offset included),
 * kept current while it changes size; null without a legend. Also as a ref holding the latest measurement,
 * which is set while the legend is drawn, a render before the state follows.
 */
function useLegendReserve(): [MapReserve | null, (element: HTMLDivElement | null) => void, { readonly current: MapReserve | null }] {
  const [reserve, setReserve] = useState<MapReserve | null>(null);
  const measured = useRef<MapReserve | null>(null);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element) {
      measured.current = null;
      setReserve(null);
      return;
    }
    const measure = () => {
      const parent = element.offsetParent as HTMLElement | null;
      if (!parent) return;
      const box = element.getBoundingClientRect();
      const area = parent.getBoundingClientRect();
      // From the corner it sits in (the same size in either bottom corner).
      const width = element.dataset['corner'] === 'bottom-right' ? area.right - box.left : box.right - area.left;
      const next = { width: Math.ceil(width), height: Math.ceil(area.bottom - box.top) };
      measured.current = next;
      setReserve((previous) => (previous && previous.width === next.width && previous.height === next.height ? previous : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      measured.current = null;
      setReserve(null);
    };
  }, []);
  return [reserve, ref, measured];
}
