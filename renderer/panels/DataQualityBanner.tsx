/**
 * Says clearly when what is shown is not official: synthetic sample data and schematic boundaries. Driven
 * by the flags of the sources and the layer, never by the project's name. A project with synthetic data
 * keeps the badge on every tab; where the map itself shows none, it says so.
 */
import { useKleinraum, useT } from '../AppContext';
import { overlayForLayer } from '../store/overlaySlice';

export function DataQualityBanner() {
  const t = useT();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const indicatorValues = useKleinraum((state) => state.indicatorValues);
  const activeView = useKleinraum((state) => state.activeView);
  // An overlay from another tab (clusters, typology, balance, monitoring) replaces the indicator's values
  // on the map, and may rest on synthetic series: then nothing can be said of the map's own values.
  const overlay = useKleinraum((state) => overlayForLayer(state, state.layerName));
  if (!project) return null;
  const layer = project.layers.find((candidate) => candidate.name === layerName);
  // Every tab but the map may show any of the project's data (a scenario, a balance, a profile), and the
  // map's details panel lists every indicator: the badge stays while the project holds synthetic data. Only
  // the map's own values can be said to be free of it.
  const projectSynthetic = project.sources.some((source) => source.synthetic && source.id !== layer?.sourceId);
  const mapFreeOfSynthetic = activeView === 'map' && overlay === null && indicatorValues !== null && !indicatorValues.sources.some((source) => source.synthetic);
  const synthetic = projectSynthetic || (indicatorValues?.sources.some((source) => source.synthetic) ?? false);
  const schematic = layer?.schematic ?? false;
  if (!synthetic && !schematic) return null;
  return (
    <div className="quality-banner" role="note">
      {synthetic && (
        <span className="badge badge-synthetic" data-testid="synthetic-badge">
          <span aria-hidden="true">⚠</span> {mapFreeOfSynthetic ? t('badge.syntheticElsewhere') : t('badge.synthetic')}
        </span>
      )}
      {schematic && (
        <span className="badge badge-schematic" data-testid="schematic-badge">
          <span aria-hidden="true">◇</span> {t('badge.schematic')}
        </span>
      )}
    </div>
  );
}
