/**
 * Says clearly when what is shown is not official: synthetic sample data and schematic boundaries. Driven
 * by the flags of the sources and the layer, never by the project's name.
 */
import { useKleinraum, useT } from '../AppContext';

export function DataQualityBanner() {
  const t = useT();
  const project = useKleinraum((state) => state.project);
  const layerName = useKleinraum((state) => state.layerName);
  const indicatorValues = useKleinraum((state) => state.indicatorValues);
  if (!project) return null;
  const layer = project.layers.find((candidate) => candidate.name === layerName);
  const synthetic = indicatorValues
    ? indicatorValues.sources.some((source) => source.synthetic)
    : project.sources.some((source) => source.synthetic && source.id !== layer?.sourceId);
  const schematic = layer?.schematic ?? false;
  if (!synthetic && !schematic) return null;
  return (
    <div className="quality-banner" role="note">
      {synthetic && (
        <span className="badge badge-synthetic" data-testid="synthetic-badge">
          <span aria-hidden="true">⚠</span> {t('badge.synthetic')}
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
