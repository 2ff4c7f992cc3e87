/**
 * The centre of the workspace: map, legend (bottom-left) and hover tooltip, all built from one choropleth.
 */
import { useCallback, useMemo, useState } from 'react';
import { useApp, useKleinraum, useLocale, useT } from '../AppContext';
import { buildChoropleth, buildLegend } from './choropleth';
import { Legend } from './Legend';
import { MapTooltip } from './MapTooltip';
import { MapView } from './MapView';

export function MapPanel() {
  const t = useT();
  const locale = useLocale();
  const { store } = useApp();
  const features = useKleinraum((state) => state.features);
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const indicatorValues = useKleinraum((state) => state.indicatorValues);
  const selectedKey = useKleinraum((state) => state.selectedKey);
  const hoveredKey = useKleinraum((state) => state.hoveredKey);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);

  const choropleth = useMemo(() => (indicatorValues ? buildChoropleth(indicatorValues) : null), [indicatorValues]);
  const boundarySources = useMemo(() => {
    const layer = project?.layers.find((candidate) => candidate.name === layerName);
    return project?.sources.filter((source) => source.id === layer?.sourceId) ?? [];
  }, [project, layerName]);
  const legend = useMemo(
    () => (indicatorValues && choropleth ? buildLegend(indicatorValues, choropleth, locale, boundarySources) : null),
    [indicatorValues, choropleth, locale, boundarySources],
  );
  const hoveredValue = hoveredKey && indicatorValues ? indicatorValues.values.find((entry) => entry.key === hoveredKey) : undefined;

  const onHover = useCallback(
    (key: string | null, point: { x: number; y: number } | null) => {
      setPointer(point);
      store.getState().hoverArea(key);
    },
    [store],
  );
  const onSelect = useCallback((key: string) => store.getState().selectArea(key), [store]);

  return (
    <section className="map-panel">
      <MapView
        features={features}
        colourByKey={choropleth?.colourByKey ?? null}
        selectedKey={selectedKey}
        hoveredKey={hoveredKey}
        ariaLabel={legend ? `${legend.title} (${legend.unit}), ${legend.stichtag}` : t('app.name')}
        unavailableMessage={t('error.mapUnavailable')}
        onHover={onHover}
        onSelect={onSelect}
      />
      {legend && <Legend legend={legend} />}
      {pointer && hoveredValue && indicatorValues && (
        <MapTooltip value={hoveredValue} indicator={indicatorValues.indicator} position={pointer} />
      )}
    </section>
  );
}
