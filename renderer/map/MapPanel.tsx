/**
 * The centre of the workspace: the map with the "Darstellung" panel, labels, legend (bottom-left), hover
 * tooltip and the time slider, all built from one choropleth, so the legend always matches the map.
 */
import './map.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatNumber } from '../../shared/format/number';
import { readSetting } from '../../shared/settings/projectSettings';
import { Legend } from './Legend';
import { ModePicker } from './ModePicker';
import { overlayDrawing } from './overlayChoropleth';
import { overlayForLayer } from '../store/overlaySlice';
import { MapLabels } from './MapLabels';
import { MapTooltip } from './MapTooltip';
import { MapView, type MapReserve } from './MapView';
import { useMapUi } from './mapUiStore';
import { SymbologyPanel } from './SymbologyPanel';
import { TimeSlider } from './TimeSlider';
import { shownPeriods } from './shownPeriods';
import { useMapDrawing } from './useMapDrawing';
import { useMapDisplay, useMapSymbology } from './useMapSymbology';

export function MapPanel() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const features = useKleinraum((state) => state.features);
  const project = useKleinraum((state) => state.project);
  const indicatorValues = useKleinraum((state) => state.indicatorValues);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const hoveredKey = useKleinraum((state) => state.hoveredKey);
  // A profile result shown instead of the indicator (only on the layer it was computed for).
  const overlay = useKleinraum((state) => overlayForLayer(state, state.layerName));
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [symbology, setSymbology] = useMapSymbology();
  const [display, setDisplay] = useMapDisplay();
  const basemapStatus = useMapUi((state) => state.basemapStatus);
  const [legendBox, legendRef] = useLegendReserve();

  const periods = useKleinraum(shownPeriods);
  const severalPeriods = periods.length > 1;
  const smallNumberThreshold = readSetting(project?.settings ?? {}, 'smallNumberThreshold');

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
  const hoveredIndex = hoveredKey && indicatorValues && !overlayShown ? indicatorValues.values.findIndex((entry) => entry.key === hoveredKey) : -1;
  const hoveredValue = hoveredIndex >= 0 ? indicatorValues?.values[hoveredIndex] : undefined;
  const hoveredSuppressed = hoveredIndex >= 0 && drawing?.drawn.areas[hoveredIndex]?.suppressed === true;

  useEffect(() => {
    useMapUi.getState().setBasemapStatus(display.basemap ? 'loading' : 'off');
  }, [display.basemap]);

  const onHover = useCallback(
    (key: string | null, point: { x: number; y: number } | null) => {
      setPointer(point);
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
          regionValue={indicatorValues?.regionValue ?? null}
          decimals={indicatorValues?.indicator.decimals ?? 1}
          severalPeriods={severalPeriods}
          smallNumberThreshold={smallNumberThreshold}
          overlayFrom={overlay ? overlay.title : null}
        />
        <div className="map-area">
        <MapView
          features={features}
          colourByKey={shown?.drawn.colourByKey ?? null}
          noDataKeys={shown ? [...shown.drawn.noDataKeys, ...shown.drawn.suppressedKeys] : []}
          smallNumberKeys={shown?.drawn.flaggedKeys ?? []}
          basemap={display.basemap}
          onBasemapResult={onBasemapResult}
          onMapLoaded={setMap}
          selectedKey={selectedKey}
          hoveredKey={hoveredKey}
          ariaLabel={shownLegend ? `${shownLegend.title} (${shownLegend.unit}), ${shownLegend.stichtag}` : t('app.name')}
          unavailableMessage={t('error.mapUnavailable')}
          onHover={onHover}
          onSelect={onSelect}
          reserve={legendBox}
        />
        {map && features && display.labels !== 'off' && <MapLabels map={map} features={features} valueTextByKey={overlayShown ? null : valueTextByKey} />}
        {basemapStatus === 'unavailable' && (
          <div className="map-note" role="status" data-testid="basemap-unavailable">
            {t('map.basemap.unavailable')}
          </div>
        )}
        {shownLegend && <Legend legend={shownLegend} basemapAttribution={basemapAttribution} boxRef={legendRef} />}
        {pointer && hoveredValue && indicatorValues && (
          <MapTooltip value={hoveredValue} indicator={indicatorValues.indicator} position={pointer} smallNumberThreshold={smallNumberThreshold} suppressed={hoveredSuppressed} sources={project?.sources ?? []} />
        )}
        </div>
      </div>
      {severalPeriods && !overlay && <TimeSlider periods={periods} />}
    </section>
  );
}


/**
 * The box the legend covers, measured from its bottom-left corner in the map area (its offset included),
 * kept current while it changes size; null without a legend.
 */
function useLegendReserve(): [MapReserve | null, (element: HTMLDivElement | null) => void] {
  const [reserve, setReserve] = useState<MapReserve | null>(null);
  const ref = useCallback((element: HTMLDivElement | null) => {
    if (!element) {
      setReserve(null);
      return;
    }
    const measure = () => {
      const parent = element.offsetParent as HTMLElement | null;
      if (!parent) return;
      const box = element.getBoundingClientRect();
      const area = parent.getBoundingClientRect();
      const next = { width: Math.ceil(box.right - area.left), height: Math.ceil(area.bottom - box.top) };
      setReserve((previous) => (previous && previous.width === next.width && previous.height === next.height ? previous : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      setReserve(null);
    };
  }, []);
  return [reserve, ref];
}
