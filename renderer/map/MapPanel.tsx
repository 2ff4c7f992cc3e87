/**
 * The centre of the workspace: the map with the "Darstellung" panel, labels, legend (bottom-left), hover
 * tooltip and the time slider, all built from one choropleth, so the legend always matches the map.
 */
import './map.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { formatNumber } from '../../shared/format/number';
import { buildChoropleth, buildLegend } from './choropleth';
import { Legend } from './Legend';
import { ModePicker } from './ModePicker';
import { overlayDrawing } from './overlayChoropleth';
import { overlayForLayer } from '../store/overlaySlice';
import { MapLabels } from './MapLabels';
import { MapTooltip } from './MapTooltip';
import { MapView } from './MapView';
import { useMapUi } from './mapUiStore';
import { SymbologyPanel } from './SymbologyPanel';
import { classificationOptionsOf, resolveMidpoint } from './symbology';
import { TimeSlider } from './TimeSlider';
import { useAllPeriodValues, useMapDisplay, useMapSymbology } from './useMapSymbology';

const DEFAULT_SMALL_NUMBER_THRESHOLD = 3;

export function MapPanel() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const features = useKleinraum((state) => state.features);
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const indicatorId = useKleinraum((state) => state.indicatorId);
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

  const indicator = project?.indicators.find((candidate) => candidate.id === indicatorId);
  const periods = indicator?.periods ?? [];
  const severalPeriods = periods.length > 1;
  const allPeriodValues = useAllPeriodValues(symbology.fixAcrossPeriods && severalPeriods);
  const smallNumberThreshold = Number(project?.settings['smallNumberThreshold'] ?? DEFAULT_SMALL_NUMBER_THRESHOLD) || DEFAULT_SMALL_NUMBER_THRESHOLD;

  const choropleth = useMemo(() => {
    if (!indicatorValues) return null;
    const otherPeriodValues = allPeriodValues
      ? [...allPeriodValues.entries()].filter(([period]) => period !== indicatorValues.period).flatMap(([, values]) => values)
      : undefined;
    try {
      return buildChoropleth(indicatorValues, classificationOptionsOf(symbology, indicatorValues.regionValue), symbology.paletteId, {
        reversed: symbology.reversed,
        midpoint: resolveMidpoint(symbology, indicatorValues.regionValue),
        ...(otherPeriodValues ? { otherPeriodValues } : {}),
      });
    } catch {
      // A stored symbology that the classification refuses (e.g. edited by hand) falls back to the default.
      return buildChoropleth(indicatorValues);
    }
  }, [indicatorValues, symbology, allPeriodValues]);
  const boundarySources = useMemo(() => {
    const layer = project?.layers.find((candidate) => candidate.name === layerName);
    return project?.sources.filter((source) => source.id === layer?.sourceId) ?? [];
  }, [project, layerName]);
  const legend = useMemo(
    () =>
      indicatorValues && choropleth
        ? buildLegend(indicatorValues, choropleth, locale, boundarySources, {
            smallNumberThreshold,
            fixedAcrossPeriods: allPeriodValues && allPeriodValues.size > 1 ? { first: periods[0] as string, last: periods[periods.length - 1] as string } : null,
          })
        : null,
    [indicatorValues, choropleth, locale, boundarySources, smallNumberThreshold, allPeriodValues, periods],
  );
  const overlayShown = useMemo(
    () => (overlay && features ? overlayDrawing(overlay, features.features.map((feature) => feature.properties.key), locale) : null),
    [overlay, features, locale],
  );
  const shownChoropleth = overlayShown?.choropleth ?? choropleth;
  const shownLegend = overlayShown?.legend ?? legend;
  const valueTextByKey = useMemo(() => {
    if (display.labels !== 'namesAndValues' || !indicatorValues) return null;
    const decimals = indicatorValues.indicator.decimals;
    return new Map(indicatorValues.values.map((entry) => [entry.key, entry.value === null ? '–' : formatNumber(entry.value, decimals, locale)]));
  }, [display.labels, indicatorValues, locale]);
  const hoveredValue = hoveredKey && indicatorValues && !overlayShown ? indicatorValues.values.find((entry) => entry.key === hoveredKey) : undefined;

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
          colours={choropleth?.colours ?? []}
          classCount={choropleth?.classification.classes.length ?? symbology.classes}
          regionValue={indicatorValues?.regionValue ?? null}
          decimals={indicatorValues?.indicator.decimals ?? 1}
          severalPeriods={severalPeriods}
        />
        <div className="map-area">
        <MapView
          features={features}
          colourByKey={shownChoropleth?.colourByKey ?? null}
          noDataKeys={shownChoropleth?.noDataKeys ?? []}
          smallNumberKeys={shownChoropleth?.smallNumberKeys ?? []}
          basemap={display.basemap}
          onBasemapResult={onBasemapResult}
          onMapLoaded={setMap}
          selectedKey={selectedKey}
          hoveredKey={hoveredKey}
          ariaLabel={shownLegend ? `${shownLegend.title} (${shownLegend.unit}), ${shownLegend.stichtag}` : t('app.name')}
          unavailableMessage={t('error.mapUnavailable')}
          onHover={onHover}
          onSelect={onSelect}
        />
        {map && features && display.labels !== 'off' && <MapLabels map={map} features={features} valueTextByKey={overlayShown ? null : valueTextByKey} />}
        {basemapStatus === 'unavailable' && (
          <div className="map-note" role="status" data-testid="basemap-unavailable">
            {t('map.basemap.unavailable')}
          </div>
        )}
        {shownLegend && <Legend legend={shownLegend} basemapAttribution={basemapAttribution} />}
        {pointer && hoveredValue && indicatorValues && (
          <MapTooltip value={hoveredValue} indicator={indicatorValues.indicator} position={pointer} smallNumberThreshold={smallNumberThreshold} />
        )}
        </div>
      </div>
      {severalPeriods && !overlay && <TimeSlider periods={periods} />}
    </section>
  );
}

